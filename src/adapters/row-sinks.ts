import type { BATCH_COLUMNS, RowOf } from './column-rules.js';
import type { LineColumns } from './line-columns.js';
import { ownCopy } from './own-string.js';

/** Takes a valid row's checked values, in the rules' order (the array is reused). */
export type RowSink = (values: readonly unknown[]) => void;

type BatchRow = RowOf<typeof BATCH_COLUMNS>;

/**
 * Batch rows go to objects. A batch's ref and sku are copied from the file's text, so as not to
 * keep all of it (see own-string.ts), and rows of one sku share one string.
 */
export const batchSink = (rows: BatchRow[]): RowSink => {
  const skus = new Map<string, string>();
  return (v) => {
    let sku = skus.get(v[1] as string);
    if (sku === undefined) {
      sku = ownCopy(v[1] as string);
      skus.set(sku, sku);
    }
    rows.push({
      ref: ownCopy(v[0] as string),
      sku,
      qty: v[2] as number,
      eta: v[3] as string | null,
    });
  };
};
/** Order lines and allocation rows go to columns (see line-columns.ts), which share their skus. */
export const orderSink =
  (lines: LineColumns): RowSink =>
  (v) =>
    lines.push(v[0] as string, v[1] as string, v[2] as number);
export const allocationSink =
  (lines: LineColumns): RowSink =>
  (v) =>
    lines.push(v[0] as string, v[1] as string, v[2] as number, v[3] as string);
