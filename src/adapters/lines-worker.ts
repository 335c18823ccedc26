import { parentPort, workerData } from 'node:worker_threads';
import type { LinesJob, LinesResult } from './lines-thread.js';
import { fileSource } from './byte-source.js';
import { parsePlainFile } from './input-files.js';
import { LineColumns } from './line-columns.js';

/**
 * Reads a file of lines or part of one (see background-lines.ts); sends back its columns, rows
 * grouped by sku, or null.
 */
const { kind, file, fd, part } = workerData as LinesJob;
const parsed = parsePlainFile(kind, file, fileSource(fd, file), part);
if (parsed === undefined) {
  parentPort?.postMessage(null);
} else {
  // Grouped by sku: the main thread walks them so (see `LineColumns.groupedData`).
  const data = parsed.rows.groupedData();
  const lines = new Int32Array(data.fileRows.length);
  for (let i = 0; i < lines.length; i++) lines[i] = parsed.lineOf(data.fileRows[i] as number);
  const result: LinesResult = { data, problems: parsed.problems, lines };
  parentPort?.postMessage(result, [...LineColumns.transferable(result.data), lines.buffer]);
}
