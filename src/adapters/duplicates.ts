import { Worker } from 'node:worker_threads';
import type { InputProblem } from '../errors.js';
import { INPUTS, type InputKind } from './input-files.js';

/** Rows listed twice: the same values are counted once (a warning); others are an error. */
export interface DuplicateReport {
  /** Indexes of the rows to drop, ascending: identical repeats of an earlier row. */
  readonly repeats: number[];
  readonly problems: InputProblem[];
  readonly warnings: InputProblem[];
}

/** Files this large are checked on a worker thread while the main one reads the rest. */
export const BACKGROUND_BYTES = 1 << 20;

/** Finds the rows whose identity (one or two columns) an earlier row already had. */
export function findDuplicates(
  kind: InputKind,
  rows: readonly Record<string, unknown>[],
  lineOf: (row: number) => number,
  file: string,
): DuplicateReport {
  const { identity, what } = INPUTS[kind];
  const [outer, inner] = identity as readonly [string, string | undefined];
  const first = new Map<unknown, Map<unknown, number> | number>();
  const report: DuplicateReport = { repeats: [], problems: [], warnings: [] };
  rows.forEach((row, i) => {
    let seen: number | undefined;
    if (inner === undefined) {
      seen = first.get(row[outer]) as number | undefined;
      if (seen === undefined) first.set(row[outer], i);
    } else {
      let byInner = first.get(row[inner]) as Map<unknown, number> | undefined;
      if (byInner === undefined) first.set(row[inner], (byInner = new Map()));
      seen = byInner.get(row[outer]);
      if (seen === undefined) byInner.set(row[outer], i);
    }
    if (seen === undefined) return;
    const earlier = rows[seen] as Record<string, unknown>;
    const same = Object.keys(row).every((k) => row[k] === earlier[k]);
    const name = identity.map((k) => String(row[k])).join('/');
    const message = same
      ? `${what} ${name} is listed again (as on line ${lineOf(seen)}); counted once`
      : `${what} ${name} is listed again with other values (first on line ${lineOf(seen)})`;
    (same ? report.warnings : report.problems).push({ file, line: lineOf(i), message });
    if (same) report.repeats.push(i);
  });
  return report;
}

/**
 * The same check, for each file in turn, on one worker thread that reads its own copies; each
 * file's report comes as soon as it is ready.
 */
export function findDuplicatesInBackground(
  files: readonly { kind: InputKind; file: string; bytes: Buffer }[],
): { reports: Map<InputKind, Promise<DuplicateReport>>; stop: () => void } {
  const settle = new Map<
    InputKind,
    { resolve: (r: DuplicateReport) => void; reject: (e: unknown) => void }
  >();
  const reports = new Map<InputKind, Promise<DuplicateReport>>();
  for (const { kind } of files) {
    const report = new Promise<DuplicateReport>((resolve, reject) =>
      settle.set(kind, { resolve, reject }),
    );
    report.catch(() => undefined);
    reports.set(kind, report);
  }
  const copies = files.map(({ kind, file, bytes }) => ({
    kind,
    file,
    bytes: new Uint8Array(bytes),
  }));
  const fail = (error: unknown) => {
    for (const { reject } of settle.values()) reject(error);
  };
  let worker: Worker | undefined;
  if (files.length === 0) return { reports, stop: () => undefined };
  try {
    worker = new Worker(new URL('./duplicates-worker.js', import.meta.url), {
      workerData: { files: copies },
      transferList: copies.map(({ bytes }) => bytes.buffer),
    });
    worker.on('message', ({ kind, report }: { kind: InputKind; report: DuplicateReport }) => {
      settle.get(kind)?.resolve(report);
    });
    worker.once('error', fail);
  } catch (error) {
    fail(error);
  }
  return { reports, stop: () => void worker?.terminate() };
}

/** Keeps the rows that are not repeats. */
export function withoutRepeats<T>(rows: T[], repeats: readonly number[]): T[] {
  if (repeats.length === 0) return rows;
  const drop = new Set(repeats);
  return rows.filter((_, i) => !drop.has(i));
}
