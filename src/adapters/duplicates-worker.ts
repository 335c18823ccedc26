import { parentPort, workerData } from 'node:worker_threads';
import { findDuplicates } from './duplicates.js';
import { type InputKind, parseFile } from './input-files.js';

/** Reads its copy of each input file in turn and reports its duplicate rows (see duplicates.ts). */
const { files } = workerData as { files: { kind: InputKind; file: string; bytes: Uint8Array }[] };
for (const { kind, file, bytes } of files) {
  const parsed = parseFile(
    kind,
    file,
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
  );
  parentPort?.postMessage({ kind, report: findDuplicates(kind, parsed.rows, parsed.lineOf, file) });
}
