import { resolve } from 'node:path';
import { bootstrapFolder, type InFlight, type UnallocatedLine } from '../bootstrap.js';
import type { InputProblem } from '../errors.js';
import { COLLECT_FROM, collectGarbage } from './collect.js';
import { FolderRun, type Opened } from './folder-run.js';
import { PhaseClock } from './phase-clock.js';
import { noProgress, type Progress } from './progress.js';
import { RunReport, type Summary } from './run-report.js';
import { withShortRunCompiler } from './short-runs.js';

export interface RunOptions {
  readonly dryRun: boolean;
  readonly waitSeconds: number;
  /** Append the run's events, as JSON lines, to this file once the run has committed. */
  readonly events?: string | undefined;
  /** Told of each warning: a problem in the input that the run could get past. */
  readonly onWarning: (warning: InputProblem) => void;
  readonly progress?: Progress | undefined;
  /** The run's temp files and commit, for a signal to stop it (see signals.ts). */
  readonly inFlight?: InFlight | undefined;
  readonly logError: (message: string, error: unknown) => void;
}

/**
 * One run over a folder, as the contract says: create the batches, put back earlier allocations,
 * move what no longer fits, allocate every order line, then write once. Lines go sku by sku (see
 * `FolderRun`), with the same outcome as in file order.
 */
export function allocateFolder(folder: string, options: RunOptions): Promise<Summary> {
  return withShortRunCompiler(folder, () => runFolder(folder, options));
}

async function runFolder(folder: string, options: RunOptions): Promise<Summary> {
  const clock = new PhaseClock();
  const report = new RunReport();
  const opened = await bootstrapFolder(folder, {
    waitSeconds: options.waitSeconds,
    events: options.events,
    inFlight: options.inFlight,
    publish: report.publish,
    logError: options.logError,
  });
  const { uow, bus } = opened;
  clock.lap('reading');
  try {
    const run = new FolderRun(uow, bus, report, options.progress ?? noProgress);
    const { linesRead, warnings } = await allocateAll(uow, run, clock, options);
    const unallocated = uow.stillUnallocated(report.reported);
    const summary = summarise(folder, options.dryRun, report, linesRead, unallocated, warnings);
    if (options.dryRun) uow.checkSave();
    clock.lap('allocating');
    if (!options.dryRun) await write(opened, run, unallocated, summary);
    clock.lap('writing');
    return { ...summary, seconds: clock.total(), phases: clock.seconds() };
  } finally {
    options.progress?.stop();
    await uow.close();
  }
}

/** Writes the outputs, then appends the run's events to the event log, if there is one. */
async function write(
  { uow, eventLog }: Opened,
  run: FolderRun,
  unallocated: readonly UnallocatedLine[],
  summary: Counts,
): Promise<void> {
  run.phase('writing', 1);
  await uow.save(unallocated);
  run.advance(1);
  if (eventLog === undefined) return;
  // Not asked for without a log: the first date formatted loads the time zone (0.2 to 4 ms).
  const time = new Date().toISOString();
  await eventLog.append({ time, folder: resolve(summary.folder), counts: counts(summary) });
}

/**
 * The run's commands, phase by phase: the batches, earlier allocations, then the order lines
 * once read. Gives the lines read and the warnings told, repeats of lines included.
 */
async function allocateAll(
  uow: Opened['uow'],
  run: FolderRun,
  clock: PhaseClock,
  options: RunOptions,
): Promise<{ linesRead: number; warnings: number }> {
  const { batches, batchesBySku, allocations } = uow.input;
  await run.createBatches(batches, batchesBySku);
  clock.lap('batches');
  const restored = allocations.rows.length;
  await run.restore(allocations);
  // Rows are let go once walked, each file's as soon as it can be (see `Lines.release`).
  allocations.release();
  clock.lap('restoring');
  // orders.csv may still be being read on another thread; a problem in it rejects here, before
  // any warning, as it did when every file was checked before the first command.
  const orders = await run.wait('reading', uow.input.orders);
  clock.lap('reading');
  uow.input.warnings.forEach(options.onWarning);
  await run.allocate(orders, restored + 1);
  const repeatWarnings = uow.input.repeatWarnings();
  repeatWarnings.forEach(options.onWarning);
  const linesRead = orders.bySku.length - orders.repeats.warnings.length;
  orders.release();
  if (restored + orders.bySku.length >= COLLECT_FROM) collectGarbage();
  return { linesRead, warnings: uow.input.warnings.length + repeatWarnings.length };
}

/** The summary but for its times, which the run knows only once it has written. */
type Counts = Omit<Summary, 'seconds' | 'phases'>;

function summarise(
  folder: string,
  dryRun: boolean,
  report: RunReport,
  linesRead: number,
  unallocated: readonly UnallocatedLine[],
  warnings: number,
): Counts {
  const unknownSku = unallocated.filter((u) => u.reason === 'unknown-sku').length;
  return {
    folder,
    dryRun,
    linesRead,
    allocated: report.allocated,
    alreadyAllocated: report.alreadyAllocated,
    amended: report.amended,
    reallocated: report.reallocated,
    unallocated: { outOfStock: unallocated.length - unknownSku, unknownSku },
    warnings,
  };
}

/** What the event log's run header counts. */
function counts(summary: Counts) {
  const { linesRead, allocated, alreadyAllocated, amended, reallocated, unallocated } = summary;
  return { linesRead, allocated, alreadyAllocated, amended, reallocated, unallocated };
}
