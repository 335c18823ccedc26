import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { formatProblem, InputError, type InputProblem, IoFailure } from '../errors.js';
import { readTable, TableProblem } from './csv-table.js';
import { decodeSpreadsheet, NotText } from './decode.js';
import { explain } from './os-errors.js';
import {
  ALLOCATION_COLUMNS,
  BATCH_COLUMNS,
  buildAllocation,
  buildBatch,
  buildOrder,
  ORDER_COLUMNS,
  type RowBuilder,
  type RowOf,
  readRows,
} from './row-schemas.js';

export const FILES = {
  batches: 'batches.csv',
  orders: 'orders.csv',
  allocations: 'allocations.csv',
  unallocated: 'unallocated.csv',
  availability: 'availability.csv',
} as const;

export type BatchRow = RowOf<typeof BATCH_COLUMNS>;
export type OrderRow = RowOf<typeof ORDER_COLUMNS>;
export type AllocationRow = RowOf<typeof ALLOCATION_COLUMNS>;

/** What a file was when it was read: if any of it differs at commit, someone else wrote it. */
export interface Fingerprint {
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
  readonly ino: number;
}

export interface FolderInput {
  readonly batches: BatchRow[];
  readonly orders: OrderRow[];
  readonly allocations: AllocationRow[];
  /** `file:line: message` for rows read but counted once. */
  readonly warnings: string[];
  /** The files read; an absent allocations.csv is recorded with size -1. */
  readonly fingerprints: Fingerprint[];
}

/** Reads and validates the folder's three inputs; every problem at once, as an InputError. */
export async function readFolder(folder: string): Promise<FolderInput> {
  const problems: InputProblem[] = [];
  const warnings: InputProblem[] = [];
  const fingerprints: Fingerprint[] = [];
  const read = async <R extends Rules>(spec: FileSpec<R>) => {
    const file = join(folder, spec.name);
    const loaded = await readBytes(file);
    fingerprints.push(loaded.fingerprint);
    if (loaded.bytes === undefined) {
      if (spec.required) problems.push({ file, line: 0, message: `not found in ${folder}` });
      return [];
    }
    const before = problems.length;
    const rows = checkedRows(file, loaded.bytes, spec, problems, warnings);
    if (spec.what === 'batch' && rows.length === 0 && problems.length === before) {
      problems.push({ file, line: 1, message: 'has a header and no batches' });
    }
    return rows;
  };
  const batches = await read({
    name: FILES.batches,
    rules: BATCH_COLUMNS,
    build: buildBatch,
    required: true,
    identity: ['ref'],
    what: 'batch',
  });
  const orders = await read({
    name: FILES.orders,
    rules: ORDER_COLUMNS,
    build: buildOrder,
    required: true,
    identity: ['orderid', 'sku'],
    what: 'order line',
  });
  const allocations = await read({
    name: FILES.allocations,
    rules: ALLOCATION_COLUMNS,
    build: buildAllocation,
    required: false,
    identity: ['orderid', 'sku'],
    what: 'allocation',
  });
  if (problems.length > 0) throw new InputError(problems);
  return { batches, orders, allocations, warnings: warnings.map(formatProblem), fingerprints };
}

type Rules = Parameters<typeof readRows>[1];

interface FileSpec<R extends Rules> {
  readonly name: string;
  readonly rules: R;
  readonly build: RowBuilder<R>;
  readonly required: boolean;
  /** The columns that identify a row: a second row with them is a duplicate. */
  readonly identity: readonly (keyof R & string)[];
  readonly what: string;
}

function checkedRows<R extends Rules>(
  file: string,
  bytes: Buffer,
  spec: FileSpec<R>,
  problems: InputProblem[],
  warnings: InputProblem[],
): RowOf<R>[] {
  try {
    const table = readTable(file, decodeSpreadsheet(bytes), Object.keys(spec.rules));
    const { rows, refs, problems: cells } = readRows(table, spec.rules, spec.build);
    for (const { ref, message } of cells) problems.push({ file, line: table.lineOf(ref), message });
    const lineOf = (i: number) => table.lineOf(refs[i] as number);
    return dropDuplicates(rows, spec, lineOf, { file, problems, warnings });
  } catch (error) {
    if (error instanceof TableProblem) problems.push(error.problem);
    else if (error instanceof NotText) problems.push({ file, line: 1, message: error.message });
    else throw error;
    return [];
  }
}

/** A row listed twice: the same values are counted once (a warning); others are an error. */
function dropDuplicates<T extends Record<string, unknown>>(
  rows: T[],
  { identity, what }: { identity: readonly string[]; what: string },
  lineOf: (i: number) => number,
  {
    file,
    problems,
    warnings,
  }: { file: string; problems: InputProblem[]; warnings: InputProblem[] },
): T[] {
  const first = new Map<string, number>();
  const kept: T[] = [];
  rows.forEach((row, i) => {
    const key = identity.map((k) => `${String(row[k]).length}:${String(row[k])}`).join('');
    const seen = first.get(key);
    if (seen === undefined) {
      first.set(key, i);
      kept.push(row);
      return;
    }
    const name = identity.map((k) => String(row[k])).join('/');
    const earlier = rows[seen] as T;
    const same = Object.keys(row).every((k) => row[k] === earlier[k]);
    const message = same
      ? `${what} ${name} is listed again (as on line ${lineOf(seen)}); counted once`
      : `${what} ${name} is listed again with other values (first on line ${lineOf(seen)})`;
    (same ? warnings : problems).push({ file, line: lineOf(i), message });
  });
  return kept;
}

async function readBytes(path: string): Promise<{ bytes?: Buffer; fingerprint: Fingerprint }> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(path, 'r');
    const stat = await handle.stat();
    if (stat.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
    const bytes = await handle.readFile();
    return { bytes, fingerprint: { path, size: stat.size, mtimeMs: stat.mtimeMs, ino: stat.ino } };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { fingerprint: { path, size: -1, mtimeMs: 0, ino: 0 } };
    throw new IoFailure(
      `${path}: cannot read: ${explain(error)}`,
      { file: path },
      { cause: error },
    );
  } finally {
    await handle?.close();
  }
}
