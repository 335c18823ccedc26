import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { formatProblem, InputError, type InputProblem, IoFailure } from '../errors.js';
import {
  BACKGROUND_BYTES,
  findDuplicates,
  findDuplicatesInBackground,
  withoutRepeats,
} from './duplicates.js';
import {
  type AllocationRow,
  type BatchRow,
  INPUTS,
  type InputKind,
  type OrderRow,
  type ParsedFile,
  parseFile,
  type RowsOf,
} from './input-files.js';
import { explain } from './os-errors.js';

export const FILES = {
  batches: INPUTS.batches.name,
  orders: INPUTS.orders.name,
  allocations: INPUTS.allocations.name,
  unallocated: 'unallocated.csv',
  availability: 'availability.csv',
} as const;

export type { AllocationRow, BatchRow, OrderRow };

/** What a file was when it was read: if any of it differs at commit, someone else wrote it. */
export interface Fingerprint {
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
  readonly ino: number;
}

export interface FolderInput {
  readonly batches: BatchRow[];
  readonly allocations: AllocationRow[];
  /**
   * The order lines, once the check for repeated lines (maybe still running on another thread)
   * is done: identical repeats dropped, with warnings; conflicting ones throw an InputError.
   */
  readonly orders: () => Promise<{ rows: OrderRow[]; warnings: string[] }>;
  /** `file:line: message` for batch and allocation rows read but counted once. */
  readonly warnings: string[];
  /** The files read; an absent allocations.csv is recorded with size -1. */
  readonly fingerprints: Fingerprint[];
}

/**
 * Reads and validates the folder's three inputs; every problem at once, as an InputError. A
 * large orders.csv is checked for duplicates on a worker thread while the others are read.
 */
export async function readFolder(folder: string): Promise<FolderInput> {
  const problems: InputProblem[] = [];
  const warnings: InputProblem[] = [];
  const fingerprints: Fingerprint[] = [];
  const loaded = new Map<InputKind, { file: string; bytes: Buffer | undefined }>();
  for (const kind of ['batches', 'orders', 'allocations'] as const) {
    const file = join(folder, INPUTS[kind].name);
    const { bytes, fingerprint } = await readBytes(file);
    fingerprints.push(fingerprint);
    loaded.set(kind, { file, bytes });
    if (bytes === undefined && INPUTS[kind].required) {
      problems.push({ file, line: 0, message: `not found in ${folder}` });
    }
  }
  const { file: ordersFile = '', bytes: orderBytes } = loaded.get('orders') ?? {};
  const background = findDuplicatesInBackground(
    orderBytes && orderBytes.length >= BACKGROUND_BYTES
      ? [{ kind: 'orders', file: ordersFile, bytes: orderBytes }]
      : [],
  );
  const read = <K extends InputKind>(kind: K) => {
    const { file, bytes } = loaded.get(kind) ?? { file: '', bytes: undefined };
    const parsed: ParsedFile<RowsOf[K]> = bytes
      ? parseFile(kind, file, bytes)
      : { rows: [], problems: [], lineOf: () => 0 };
    problems.push(...parsed.problems);
    if (kind === 'batches' && bytes && parsed.rows.length === 0 && parsed.problems.length === 0) {
      problems.push({ file, line: 1, message: 'has a header and no batches' });
    }
    const inline = () => findDuplicates(kind, parsed.rows, parsed.lineOf, file);
    /** The rows without identical repeats, once their check is done; conflicts are problems. */
    const checked = async () => {
      const report = (await background.reports.get(kind)?.catch(inline)) ?? inline();
      return { rows: withoutRepeats(parsed.rows, report.repeats), report };
    };
    return { file, checked };
  };
  const files = {
    batches: read('batches'),
    allocations: read('allocations'),
    orders: read('orders'),
  };
  const [batches, allocations] = [await files.batches.checked(), await files.allocations.checked()];
  for (const { report } of [batches, allocations]) {
    problems.push(...report.problems);
    warnings.push(...report.warnings);
  }
  if (problems.length > 0) {
    const { report } = await files.orders.checked();
    background.stop();
    throw new InputError(sorted([...problems, ...report.problems]));
  }
  return {
    batches: batches.rows,
    allocations: allocations.rows,
    orders: async () => {
      const { rows, report } = await files.orders.checked();
      if (report.problems.length > 0) throw new InputError(sorted(report.problems));
      return { rows, warnings: sorted(report.warnings).map(formatProblem) };
    },
    warnings: sorted(warnings).map(formatProblem),
    fingerprints,
  };
}

const FILE_ORDER = [FILES.batches, FILES.orders, FILES.allocations];

/** In file order (batches, orders, allocations), then line order. */
function sorted(problems: InputProblem[]): InputProblem[] {
  const rank = (p: InputProblem) => FILE_ORDER.findIndex((name) => p.file.endsWith(name));
  return problems.sort((a, b) => rank(a) - rank(b) || a.line - b.line);
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
