import { parentPort, workerData } from 'node:worker_threads';
import { findDuplicates } from './duplicates.js';
import { type InputKind, parseFile } from './input-files.js';

/** Reads its copy of one input file and reports its duplicate rows (see duplicates.ts). */
const { kind, file, bytes } = workerData as { kind: InputKind; file: string; bytes: Uint8Array };
const parsed = parseFile(kind, file, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
parentPort?.postMessage(findDuplicates(kind, parsed.rows, parsed.lineOf, file));
