/**
 * Error types with a stable `code`, a human message and context fields, in the shape of
 * csv-parse's CsvError and commander's CommanderError. One error channel: exceptions.
 * `entrypoints/exit-codes.ts` is the one place that maps them to exit codes.
 */
export interface ErrorContext {
  readonly file?: string;
  readonly line?: number;
  readonly column?: string;
  readonly value?: string;
}

export class AllocationError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly context: ErrorContext = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** An Allocate (or restore) for a SKU that has no batches at all. */
export class InvalidSku extends AllocationError {
  constructor(readonly sku: string) {
    super('INVALID_SKU', `Invalid sku ${sku}`);
  }
}

/** A command names a batch that does not exist. */
export class UnknownBatch extends AllocationError {
  constructor(readonly ref: string) {
    super('UNKNOWN_BATCH', `Unknown batch ${ref}`);
  }
}

/** A CreateBatch for a reference that already exists with other data. */
export class DuplicateBatch extends AllocationError {
  constructor(readonly ref: string) {
    super('DUPLICATE_BATCH', `Batch ${ref} already exists with other data`);
  }
}

/** A restored allocation for an order line that is already allocated. */
export class DuplicateAllocation extends AllocationError {
  constructor(
    readonly orderid: string,
    readonly sku: string,
  ) {
    super('DUPLICATE_ALLOCATION', `Order line ${orderid}/${sku} is already allocated`);
  }
}

/** A value that breaks a domain precondition (negative quantity, wrong SKU for a product). */
export class InvalidValue extends AllocationError {
  constructor(message: string) {
    super('INVALID_VALUE', message);
  }
}

/** One problem in an input file, reported as `file:line: message`. */
export interface InputProblem {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

/** `file:line: message`, or `file: message` for what concerns a whole file (line 0). */
export function formatProblem({ file, line, message }: InputProblem): string {
  return line > 0 ? `${file}:${line}: ${message}` : `${file}: ${message}`;
}

/** The input folder cannot be used: every problem found, in file and line order. */
export class InputError extends AllocationError {
  constructor(readonly problems: readonly InputProblem[]) {
    const first = problems[0];
    super(
      'INPUT_ERROR',
      first ? formatProblem(first) : 'invalid input',
      first ? { file: first.file, line: first.line } : {},
    );
  }
}

/** Another run holds the folder, or a file changed under this run. Retry later. */
export class FolderBusy extends AllocationError {
  constructor(message: string, context: ErrorContext = {}) {
    super('FOLDER_BUSY', message, context);
  }
}

/** Reading or writing failed at the operating system's level. */
export class IoFailure extends AllocationError {
  /** False only when the run had already committed its files (the event log came after). */
  readonly nothingWritten: boolean;

  constructor(
    message: string,
    context: ErrorContext = {},
    options?: { cause?: unknown; nothingWritten?: boolean },
  ) {
    super('IO_FAILURE', message, context);
    if (options?.cause !== undefined) this.cause = options.cause;
    this.nothingWritten = options?.nothingWritten ?? true;
  }
}

/**
 * A signal (Ctrl-C, `kill`, a closed terminal) stopped the run before its commit. Its handler has
 * told the user; this only ends what was still going on in the moment before the process ends.
 */
export class Interrupted extends AllocationError {
  constructor(readonly signal: NodeJS.Signals) {
    super('INTERRUPTED', `interrupted (${signal})`);
  }
}
