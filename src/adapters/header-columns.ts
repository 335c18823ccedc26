import { headerNames } from './table.js';
import { listed, shortened } from './shown.js';

/*
 * What a table's header says: where the columns a file's rules read are, whether a data row is
 * the header again, and which columns have no name.
 */

/**
 * Where each of `names` is in `header`; or, if one is missing or there twice (which would be
 * meant?), what is wrong with the header. Columns the rules do not read may repeat or be unnamed.
 */
export function columnsOf(header: readonly string[], names: readonly string[]): number[] | string {
  const missing = names.filter((name) => !header.includes(name));
  if (missing.length > 0) {
    const found = listed(header.filter((name) => name !== '').map(shortened)) || 'nothing';
    return `missing column ${missing.map((m) => `"${m}"`).join(', ')} (the header has: ${found})`;
  }
  for (const name of names) {
    const at = header.flatMap((found, i) => (found === name ? [String(i + 1)] : []));
    if (at.length > 1) {
      const times = at.length === 2 ? 'twice' : `${at.length} times`;
      const where = `${at.slice(0, -1).join(', ')} and ${at.at(-1)}`;
      return `column "${name}" is in the header ${times} (columns ${where})`;
    }
  }
  return names.map((name) => header.indexOf(name));
}

export const REPEATED_HEADER = 'repeats the header (two files joined into one?): remove the line';

/** Whether a data row is the header again, as it reads after trimming, in any case. */
export function repeatsHeader(cells: readonly string[], header: readonly string[]): boolean {
  const names = headerNames(cells.slice(0, header.length));
  return header.every((name, i) => names[i] === name);
}

/** The columns with no name in the header, and which of them have a value in a row kept. */
export class UnnamedColumns {
  readonly #indexes: number[];
  readonly #withValues = new Set<number>();

  private constructor(indexes: number[]) {
    this.#indexes = indexes;
  }

  /** Those of `header`; none, and no row to look at, for a header that names every column. */
  static of(header: readonly string[]): UnnamedColumns | undefined {
    const indexes = header.flatMap((name, i) => (name === '' ? [i] : []));
    return indexes.length > 0 ? new UnnamedColumns(indexes) : undefined;
  }

  see(cells: readonly string[]): void {
    if (this.#withValues.size === this.#indexes.length) return;
    for (const i of this.#indexes) if (cells[i]?.trim()) this.#withValues.add(i);
  }

  /** Those with a value, numbered from 1 as a spreadsheet counts columns. */
  withValues(): number[] {
    return [...this.#withValues].sort((a, b) => a - b).map((i) => i + 1);
  }
}
