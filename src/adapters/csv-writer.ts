import { stringify } from 'csv-stringify/sync';

/** What makes csv-stringify quote a value: a delimiter, a quote or a line end. */
const SPECIAL = /[",\r\n]/;
const CHUNK = 1 << 16;

/** One CSV line, `\n`-terminated: csv-stringify's output for it, byte for byte. */
export function csvLine(values: readonly string[]): string {
  for (const value of values) {
    if (SPECIAL.test(value)) return stringify([values], { record_delimiter: '\n' });
  }
  return `${values.join(',')}\n`;
}

/**
 * CSV text with `\n` line ends, in chunks of about 64 KiB, so that a large output is written as
 * it is made and never held whole. A row that needs quoting goes through csv-stringify; the
 * others are joined with commas, which is what csv-stringify would write for them (a test keeps
 * the two equal) without its cost per row.
 */
export function* csvChunks(
  header: readonly string[],
  rows: Iterable<readonly string[]>,
): Generator<string> {
  let pending = csvLine(header);
  for (const row of rows) {
    pending += csvLine(row);
    if (pending.length >= CHUNK) {
      yield pending;
      pending = '';
    }
  }
  if (pending !== '') yield pending;
}
