import { parentPort, workerData } from 'node:worker_threads';
import type { LinesJob, LinesResult } from './lines-thread.js';
import { fileSource } from './byte-source.js';
import { parsePlainFile } from './input-files.js';
import { LineColumns } from './line-columns.js';

/** Reads a file of lines or part of one (see background-lines.ts); sends back its columns, or null. */
const { kind, file, fd, part } = workerData as LinesJob;
const parsed = parsePlainFile(kind, file, fileSource(fd, file), part);
if (parsed === undefined) {
  parentPort?.postMessage(null);
} else {
  const lines = new Int32Array(parsed.rows.length);
  for (let i = 0; i < lines.length; i++) lines[i] = parsed.lineOf(i);
  const result: LinesResult = { data: parsed.rows.data(), problems: parsed.problems, lines };
  parentPort?.postMessage(result, [...LineColumns.transferable(result.data), lines.buffer]);
}
