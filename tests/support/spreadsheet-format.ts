import fc from 'fast-check';

/**
 * How a spreadsheet program may write a file (the contract's "Reading spreadsheets as people
 * export them"): delimiter, line ends, encoding, quotes, padding, header case, column order, an
 * extra column, a blank row. Any of them, on the same rows, must read the same.
 */
export interface Format {
  readonly delimiter: ',' | ';' | '\t';
  readonly lineEnd: '\n' | '\r\n';
  readonly encoding: 'utf8' | 'utf8-bom' | 'windows-1252' | 'utf16le-bom';
  /** Every value in quotes, as some programs write them. */
  readonly quoted: boolean;
  /** Spaces around each unquoted value. */
  readonly padded: boolean;
  readonly upperCaseHeader: boolean;
  readonly reversedColumns: boolean;
  /** A column the contract does not know, first. */
  readonly extraColumn: boolean;
  /** A row with nothing in it after the header: empty, or only delimiters (Excel's ";;;"). */
  readonly blankRow: 'none' | 'empty' | 'delimiters';
}

export const format: fc.Arbitrary<Format> = fc.record({
  delimiter: fc.constantFrom(',' as const, ';' as const, '\t' as const),
  lineEnd: fc.constantFrom('\n' as const, '\r\n' as const),
  encoding: fc.constantFrom(...(['utf8', 'utf8-bom', 'windows-1252', 'utf16le-bom'] as const)),
  quoted: fc.boolean(),
  padded: fc.boolean(),
  upperCaseHeader: fc.boolean(),
  reversedColumns: fc.boolean(),
  extraColumn: fc.boolean(),
  blankRow: fc.constantFrom('none' as const, 'empty' as const, 'delimiters' as const),
});

/** Commas, \n, UTF-8 and nothing else: what csvOf writes. */
export const PLAIN: Format = {
  ...{ delimiter: ',', lineEnd: '\n', encoding: 'utf8', quoted: false, padded: false },
  ...{ upperCaseHeader: false, reversedColumns: false, extraColumn: false, blankRow: 'none' },
};

/** The file a program would write for `header` and `rows` (values without quotes or delimiters). */
export function spreadsheet(
  header: readonly string[],
  rows: readonly (readonly (string | number)[])[],
  f: Format,
): Buffer {
  const shape = (cells: readonly string[]) => {
    const all = f.extraColumn ? ['note', ...cells] : [...cells];
    return f.reversedColumns ? all.reverse() : all;
  };
  const cell = (value: string) => (f.quoted ? `"${value}"` : f.padded ? ` ${value} ` : value);
  const line = (cells: readonly string[]) => shape(cells).map(cell).join(f.delimiter);
  const names = header.map((name) => (f.upperCaseHeader ? name.toUpperCase() : name));
  const blank = {
    none: [],
    empty: [''],
    delimiters: [f.delimiter.repeat(shape(names).length - 1)],
  };
  const lines = [
    shape(names).join(f.delimiter),
    ...blank[f.blankRow],
    ...rows.map((row) => line(row.map(String))),
  ];
  const text = lines.map((l) => `${l}${f.lineEnd}`).join('');
  if (f.encoding === 'utf8') return Buffer.from(text, 'utf8');
  if (f.encoding === 'utf8-bom') return Buffer.from(`\ufeff${text}`, 'utf8');
  // Windows-1252 is Latin-1 for the letters used here (É, é).
  if (f.encoding === 'windows-1252') return Buffer.from(text, 'latin1');
  return Buffer.from(`\ufeff${text}`, 'utf16le');
}
