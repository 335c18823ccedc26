import { later } from './load-later.js';

/** csv-stringify, loaded the first time a value needs quoting: most outputs have none. */
const csvStringify = later('csv-stringify/sync') as () => typeof import('csv-stringify/sync');

/** What makes csv-stringify quote a value: a delimiter, a quote or a line end. */
const SPECIAL = /[",\r\n]/;
const CHUNK = 1 << 16;

/** One value as csv-stringify writes it within a row: as it is, or quoted. */
export function csvField(value: string): string {
  if (!SPECIAL.test(value)) return value;
  return csvStringify()
    .stringify([[value, '']], { record_delimiter: '\n' })
    .slice(0, -2);
}

/**
 * One CSV line, `\n`-terminated: csv-stringify's output for it, byte for byte (it quotes each
 * value on its own, so a line is its fields joined; a test keeps the two equal).
 */
export function csvLine(values: readonly string[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    line += i === 0 ? csvField(values[i] as string) : `,${csvField(values[i] as string)}`;
  }
  return `${line}\n`;
}

/** Each row as a CSV line, made as it is asked for. */
export function* csvLines(rows: Iterable<readonly string[]>): Generator<string> {
  for (const row of rows) yield csvLine(row);
}

/**
 * CSV text with `\n` line ends, in chunks of about 64 KiB, so that a large output is written as
 * it is made and never held whole. `lines` are made by `csvLine`.
 */
export function* csvChunks(header: readonly string[], lines: Iterable<string>): Generator<string> {
  let pending = csvLine(header);
  for (const line of lines) {
    pending += line;
    if (pending.length >= CHUNK) {
      yield pending;
      pending = '';
    }
  }
  if (pending !== '') yield pending;
}
