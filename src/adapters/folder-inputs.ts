import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { InputProblem } from '../errors.js';
import { fileSource } from './byte-source.js';
import { findDuplicates, withoutRepeats } from './duplicates.js';
import { ALLOCATION_COLUMNS } from './column-rules.js';
import { batchesBySku } from './grouping.js';
import { type LineChecks, Lines, sorted } from './folder-lines.js';
import {
  type ExtraColumns,
  INPUTS,
  type InputKind,
  noRows,
  type ParsedFile,
  parseFile,
  type RowsOf,
} from './input-files.js';
import { type Fingerprint, type InputFile, openInput } from './input-handles.js';
import type { LineColumns } from './line-columns.js';
import { nearName } from './near-names.js';
import { listed, quoted } from './shown.js';

/** A folder's three input files as they are opened and read, and every problem found so far. */
export class FolderInputs {
  readonly problems: InputProblem[] = [];
  /** What the run can get past but should tell: columns allocations.csv will lose. */
  readonly warnings: InputProblem[] = [];
  /** The files opened; one that is not there is recorded with size -1. */
  readonly fingerprints: Fingerprint[] = [];
  /** The folder's names, read once a file is found missing. */
  #names: Promise<string[]> | undefined;

  constructor(private readonly folder: string) {}

  /** Opens the three files; if one cannot be opened, closes those already open. */
  async openAll(): Promise<Record<InputKind, InputFile>> {
    const batches = await this.#open('batches');
    const orders = await this.#open('orders').catch(closing([batches]));
    const allocations = await this.#open('allocations').catch(closing([batches, orders]));
    return { batches, orders, allocations };
  }

  /** Reads a file here, and closes it; a file that is not there has no rows. */
  async parse<K extends InputKind>(kind: K, { file, handle }: InputFile) {
    try {
      const parsed = handle ? parseFile(kind, file, fileSource(handle.fd, file)) : nothingIn(kind);
      this.problems.push(...parsed.problems);
      const extra = parsed.extraColumns;
      if (kind === 'allocations' && extra && extra.names.length + extra.unnamed.length > 0) {
        this.warnings.push(notKept(file, extra));
      }
      return { file, ...parsed };
    } finally {
      await handle?.close();
    }
  }

  /**
   * batches.csv's rows, each ref once, their indexes grouped by sku (see `batchesBySku`), and
   * the warnings for those listed again.
   */
  async batches(input: InputFile) {
    const { file, rows, lineOf, problems } = await this.parse('batches', input);
    const repeated = findDuplicates(rows, lineOf, file);
    this.problems.push(...repeated.problems);
    if (rows.length === 0 && problems.length === 0 && this.problems.length === 0) {
      this.problems.push({ file, line: 1, message: 'has a header and no batches' });
    }
    const kept = withoutRepeats(rows, repeated.repeats);
    return { rows: kept, bySku: batchesBySku(kept), warnings: sorted(repeated.warnings) };
  }

  /**
   * The order lines, once `parsed` (see `FolderInput.orders`): in a wrapper, so that awaiting
   * this does not wait for them. If a file already has a problem, waits for them instead, and
   * fails with every problem at once.
   */
  async orders(
    file: string,
    parsed: Promise<ParsedFile<LineColumns>>,
    checks: LineChecks,
  ): Promise<{ lines: Promise<Lines> }> {
    const read = parsed.then((p) => ({
      lines: new Lines('orders', { file, ...p }),
      found: p.problems,
    }));
    if (this.problems.length > 0) {
      const { lines, found } = await read;
      throw checks.everyProblem(lines, [...this.problems, ...found]);
    }
    const accepted = read.then(({ lines, found }) => checks.accept(lines, found));
    accepted.catch(() => undefined);
    return { lines: accepted };
  }

  async #open(kind: InputKind): Promise<InputFile> {
    const file = join(this.folder, INPUTS[kind].name);
    const opened = await openInput(file);
    this.fingerprints.push(opened.fingerprint);
    if (opened.handle === undefined) await this.#missing(kind, file);
    return opened;
  }

  /**
   * A required file that is not there is a problem, told with the name it may have been given
   * instead (see near-names.ts). So is allocations.csv under such a name: a run without it would
   * allocate every line afresh, beside the allocations that file holds.
   */
  async #missing(kind: InputKind, file: string): Promise<void> {
    const { name, required } = INPUTS[kind];
    this.#names ??= readdir(this.folder).catch(() => []);
    const near = nearName(name, await this.#names);
    const why =
      kind === 'allocations' ? ' (without it, the run would allocate every order line afresh)' : '';
    if (near) {
      const message = `not found, but there is ${near.name}: ${near.advice}${why}`;
      this.problems.push({ file, line: 0, message });
    } else if (required) {
      this.problems.push({ file, line: 0, message: `not found in ${this.folder}` });
    }
  }
}

/** allocations.csv is written with its own four columns: any other it had is lost, and told. */
function notKept(file: string, { line, names, unnamed }: ExtraColumns): InputProblem {
  const parts: string[] = [];
  if (names.length > 0) parts.push(`${columns(names.length)} ${listed(names.map(quoted))}`);
  if (unnamed.length > 0) {
    const numbers = listed(unnamed.map(String));
    parts.push(`${columns(unnamed.length)} ${numbers} (no name in the header)`);
  }
  const are = names.length + unnamed.length === 1 ? 'is' : 'are';
  const kept = Object.keys(ALLOCATION_COLUMNS).join(', ');
  return {
    file,
    line,
    message: `${parts.join(' and ')} ${are} not kept: the run writes ${kept} only`,
  };
}

const columns = (count: number) => (count === 1 ? 'column' : 'columns');

/** A file that is not there: no rows, no problems of its own. */
export function nothingIn<K extends InputKind>(kind: K): ParsedFile<RowsOf[K]> {
  return { rows: noRows(kind), problems: [], lineOf: () => 0 };
}

/** Closes `inputs`, then fails with the error that stopped the opening. */
function closing(inputs: InputFile[]) {
  return async (error: unknown): Promise<never> => {
    await Promise.all(inputs.map(async (input) => input.handle?.close()));
    throw error;
  };
}
