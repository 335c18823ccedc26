import { resolve } from 'node:path';
import { bootstrapFolder, type Lines, type UnallocatedLine } from '../bootstrap.js';
import type { Command } from '../domain/commands.js';
import { InvalidSku } from '../errors.js';
import { noProgress, type Progress } from './progress.js';
import { RunReport, type Summary } from './run-report.js';

export interface RunOptions {
  readonly dryRun: boolean;
  readonly waitSeconds: number;
  /** Append the run's events, as JSON lines, to this file once the run has committed. */
  readonly events?: string | undefined;
  readonly onWarning: (warning: string) => void;
  readonly progress?: Progress | undefined;
  readonly logError: (message: string, error: unknown) => void;
}

/** Long synchronous stretches let the lock's refresh timer run this often (in commands). */
const YIELD_EVERY = 8192;
const giveWay = () => new Promise(setImmediate);
/** Rows are read ahead in blocks of this many (see the CSV adapter's `prefetch`). */
const PREFETCH = 256;

/**
 * One run over a folder, as the contract says: create the batches, put back earlier allocations,
 * move what no longer fits, allocate every order line, then write once. Lines go sku by sku (see
 * `walk`), with the same outcome as in file order.
 */
export async function allocateFolder(folder: string, options: RunOptions): Promise<Summary> {
  const started = performance.now();
  const report = new RunReport();
  const { uow, bus, eventLog } = await bootstrapFolder(folder, {
    waitSeconds: options.waitSeconds,
    events: options.events,
    publish: report.publish,
    logError: options.logError,
  });
  try {
    const { batches, allocations } = uow.input;
    const progress = options.progress ?? noProgress;
    let sent = 0;
    let phaseStart = 0;
    const phase = (name: string, total: number) => {
      phaseStart = sent;
      if (total > 0) progress.phase(name, total);
    };
    /** Sends a command; an unknown sku for an order line is an outcome, not an error. */
    const send = (command: Command) => {
      sent += 1;
      try {
        return bus.handle(command);
      } catch (error) {
        if (!(error instanceof InvalidSku && 'orderid' in command)) throw error;
        report.unknownSku(command, uow.position);
        return undefined;
      }
    };
    /**
     * Every few thousand commands: report progress and give way, so that the lock's refresh timer
     * runs during long synchronous stretches.
     */
    const pace = async () => {
      progress.advance(sent - phaseStart);
      await giveWay();
    };
    phase('batches', batches.length);
    for (const b of batches) {
      send({ type: 'CreateBatch', ref: b.ref, sku: b.sku, qty: b.qty, eta: b.eta });
      if (sent % YIELD_EVERY === 0) await pace();
    }
    /**
     * Handles a file's lines sku by sku, so that one product's data stays in the cache, skipping
     * repeats. Products do not share state, so each ends as it would have in file order; the
     * unit of work and the report put what they keep back in order by position: `first` plus
     * the row's index (allocations' rows, then order lines).
     */
    const walk = async (lines: Lines, first: number, handle: (i: number) => void) => {
      for (let k = 0; k < lines.bySku.length; k++) {
        if (k % PREFETCH === 0) lines.prefetch(k, k + PREFETCH);
        const i = lines.bySku[k] as number;
        if (lines.repeats.has(i)) continue;
        uow.position = first + i;
        handle(i);
        if (sent % YIELD_EVERY === 0) await pace();
      }
    };
    phase('restoring', allocations.bySku.length);
    const restored = allocations.rows;
    await walk(allocations, 0, (i) =>
      send({
        type: 'RestoreAllocation',
        orderid: restored.orderid(i),
        sku: restored.sku(i),
        qty: restored.qty(i),
        batchref: restored.batchref(i),
      }),
    );
    uow.position = allocations.rows.length;
    for (const sku of new Set(batches.map((b) => b.sku))) send({ type: 'Reconcile', sku });
    // orders.csv may still be being read on another thread; a problem in it rejects here, before
    // any warning, as it did when every file was checked before the first command.
    const orders = await uow.input.orders;
    uow.input.warnings.forEach(options.onWarning);
    report.phase = 'orders';
    phase('allocating', orders.bySku.length);
    const lines = orders.rows;
    await walk(orders, allocations.rows.length + 1, (i) => {
      const before = report.events;
      const outcome = send({
        type: 'Allocate',
        orderid: lines.orderid(i),
        sku: lines.sku(i),
        qty: lines.qty(i),
      });
      if (outcome !== undefined && report.events === before) report.alreadyAllocated += 1;
    });
    progress.stop();
    const repeatWarnings = uow.input.repeatWarnings();
    repeatWarnings.forEach(options.onWarning);
    const unallocated = uow.stillUnallocated(report.reported());
    const summary = summarise(
      folder,
      options.dryRun,
      report,
      orders.bySku.length - orders.repeats.warnings.length,
      unallocated,
      uow.input.warnings.length + repeatWarnings.length,
    );
    if (!options.dryRun) {
      phase('writing', 1);
      await uow.save(unallocated);
      progress.advance(1);
      await eventLog?.append({
        time: new Date().toISOString(),
        folder: resolve(folder),
        counts: counts(summary),
      });
    }
    return { ...summary, seconds: Math.round(performance.now() - started) / 1000 };
  } finally {
    options.progress?.stop();
    await uow.close();
  }
}

function summarise(
  folder: string,
  dryRun: boolean,
  report: RunReport,
  linesRead: number,
  unallocated: readonly UnallocatedLine[],
  warnings: number,
): Summary {
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
    seconds: 0,
  };
}

/** What the event log's run header counts. */
function counts(summary: Summary) {
  const { linesRead, allocated, alreadyAllocated, amended, reallocated, unallocated } = summary;
  return { linesRead, allocated, alreadyAllocated, amended, reallocated, unallocated };
}
