import { parentPort, workerData } from 'node:worker_threads';
import type { LinesJob, LinesResult } from './background-lines.js';
import { fileSource } from './byte-source.js';
import { findRepeats } from './found-repeats.js';
import { parsePlainFile } from './input-files.js';
import { LineColumns } from './line-columns.js';

/**
 * Reads one file of lines (see background-lines.ts) and sends back its columns and their repeats,
 * or null.
 */
const { kind, file, fd } = workerData as LinesJob;
const parsed = parsePlainFile(kind, file, fileSource(fd, file));
if (parsed === undefined) {
  parentPort?.postMessage(null);
} else {
  const { rows, problems, lineOf } = parsed;
  const lines = new Int32Array(rows.length);
  for (let i = 0; i < lines.length; i++) lines[i] = lineOf(i);
  const repeats = findRepeats(kind, rows, lineOf, file);
  const result: LinesResult = { data: rows.data(), problems, lines, repeats };
  const buffers = [...LineColumns.transferable(result.data), lines.buffer, repeats.repeated.buffer];
  parentPort?.postMessage(result, buffers);
}
