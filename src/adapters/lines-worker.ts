import { parentPort, workerData } from 'node:worker_threads';
import type { LinesJob, LinesResult } from './background-lines.js';
import { parseFile } from './input-files.js';
import { LineColumns } from './line-columns.js';

/** Reads one file of lines (see background-lines.ts) and sends back its columns. */
const { kind, file, bytes } = workerData as LinesJob;
const parsed = parseFile(kind, file, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
const lines = new Int32Array(parsed.rows.length);
for (let i = 0; i < lines.length; i++) lines[i] = parsed.lineOf(i);
const result: LinesResult = { data: parsed.rows.data(), problems: parsed.problems, lines };
parentPort?.postMessage(result, [...LineColumns.transferable(result.data), lines.buffer]);
