import type { Summary } from './run-report.js';

/** The summary a person reads on stderr after a run. */
export function printSummary(summary: Summary, write: (text: string) => void): void {
  const { outOfStock, unknownSku } = summary.unallocated;
  const rows: [string, string][] = [
    ['order lines read', String(summary.linesRead)],
    ['allocated', String(summary.allocated)],
    ['already allocated', String(summary.alreadyAllocated)],
    ['amended', String(summary.amended)],
    ['reallocated', String(summary.reallocated)],
    [
      'unallocated',
      `${outOfStock + unknownSku} (out-of-stock ${outOfStock}, unknown-sku ${unknownSku})`,
    ],
    ['warnings', String(summary.warnings)],
    ['time', `${summary.seconds.toFixed(2)} s`],
  ];
  const verb = summary.dryRun ? 'dry run, nothing written' : 'written';
  write(`allocate-from-csv: ${summary.folder} (${verb})\n`);
  for (const [name, value] of rows) write(`  ${name.padEnd(18)} ${value}\n`);
}
