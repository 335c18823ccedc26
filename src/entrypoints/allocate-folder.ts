import { bootstrapFolder } from '../bootstrap.js';
import type { Command } from '../domain/commands.js';
import { InvalidSku } from '../errors.js';
import { RunReport, type Summary } from './run-report.js';

export interface RunOptions {
  readonly dryRun: boolean;
  readonly waitSeconds: number;
  readonly onWarning: (warning: string) => void;
  readonly logError: (message: string, error: unknown) => void;
}

/** Long synchronous stretches let the lock's refresh timer run this often (in commands). */
const YIELD_EVERY = 8192;

/**
 * One run over a folder, as the contract says: create the batches, put back earlier allocations,
 * move what no longer fits, allocate every order line in file order, then write once.
 */
export async function allocateFolder(folder: string, options: RunOptions): Promise<Summary> {
  const started = performance.now();
  const report = new RunReport({ keepEvents: false });
  const { uow, bus } = await bootstrapFolder(folder, {
    waitSeconds: options.waitSeconds,
    publish: report.publish,
    logError: options.logError,
  });
  try {
    const { batches, orders, allocations, warnings } = uow.input;
    for (const warning of warnings) options.onWarning(warning);
    let sent = 0;
    const send = async (command: Command, line?: { orderid: string; sku: string; qty: number }) => {
      if (++sent % YIELD_EVERY === 0) await new Promise(setImmediate);
      try {
        return bus.handle(command);
      } catch (error) {
        if (!(error instanceof InvalidSku && line)) throw error;
        report.unknownSku(line);
        return undefined;
      }
    };
    for (const b of batches) await send({ type: 'CreateBatch', ...b });
    for (const a of allocations) await send({ type: 'RestoreAllocation', ...a }, a);
    for (const sku of new Set(batches.map((b) => b.sku))) await send({ type: 'Reconcile', sku });
    report.phase = 'orders';
    for (const o of orders) {
      const before = report.events;
      const outcome = await send({ type: 'Allocate', ...o }, o);
      if (outcome !== undefined && report.events === before) report.alreadyAllocated += 1;
    }
    const unallocated = uow.stillUnallocated(report.reported);
    if (!options.dryRun) await uow.save(unallocated);
    return {
      folder,
      dryRun: options.dryRun,
      linesRead: orders.length,
      allocated: report.allocated,
      alreadyAllocated: report.alreadyAllocated,
      amended: report.amended,
      reallocated: report.reallocated,
      unallocated: {
        outOfStock: unallocated.filter((u) => u.reason === 'out-of-stock').length,
        unknownSku: unallocated.filter((u) => u.reason === 'unknown-sku').length,
      },
      warnings: warnings.length,
      seconds: Math.round(performance.now() - started) / 1000,
    };
  } finally {
    await uow.close();
  }
}
