import fc from 'fast-check';

/**
 * How a spreadsheet program may write a file (the contract's "Reading spreadsheets as people
 * export them"): delimiter, line ends, encoding, quotes, padding, header case, column order, an
 * extra column, a `sep=` line, a blank row. Any of them, on the same rows, must read the same.
 */
export interface Format {
  readonly delimiter: ',' | ';' | '\t';
  readonly lineEnd: '\n' | '\r\n' | '\r';
  /** Mac Roman comes with CR line ends, as Excel for Mac writes it; Windows-1252 never does. */
  readonly encoding: 'utf8' | 'utf8-bom' | 'windows-1252' | 'mac-roman' | 'utf16le-bom';
  /** Every value in quotes, as some programs write them. */
  readonly quoted: boolean;
  /** Spaces around each unquoted value. */
  readonly padded: boolean;
  readonly upperCaseHeader: boolean;
  readonly reversedColumns: boolean;
  /** A column the contract does not know, first. */
  readonly extraColumn: boolean;
  /** Excel's `sep=;` line before the header, as some exports write it. */
  readonly sepLine: boolean;
  /** A row with nothing in it after the header: empty, or only delimiters (Excel's ";;;"). */
  readonly blankRow: 'none' | 'empty' | 'delimiters';
}

const ENCODINGS = ['utf8', 'utf8-bom', 'windows-1252', 'mac-roman', 'utf16le-bom'] as const;

export const format: fc.Arbitrary<Format> = fc
  .record({
    delimiter: fc.constantFrom(',' as const, ';' as const, '\t' as const),
    lineEnd: fc.constantFrom('\n' as const, '\r\n' as const, '\r' as const),
    encoding: fc.constantFrom(...ENCODINGS),
    quoted: fc.boolean(),
    padded: fc.boolean(),
    upperCaseHeader: fc.boolean(),
    reversedColumns: fc.boolean(),
    extraColumn: fc.boolean(),
    sepLine: fc.boolean(),
    blankRow: fc.constantFrom('none' as const, 'empty' as const, 'delimiters' as const),
  })
  .map((f): Format => {
    if (f.encoding === 'mac-roman') return { ...f, lineEnd: '\r' };
    return f.encoding === 'windows-1252' && f.lineEnd === '\r' ? { ...f, lineEnd: '\r\n' } : f;
  });

/** Commas, \n, UTF-8 and nothing else: what csvOf writes. */
export const PLAIN: Format = {
  ...{ delimiter: ',', lineEnd: '\n', encoding: 'utf8', quoted: false, padded: false },
  ...{ upperCaseHeader: false, reversedColumns: false, extraColumn: false, sepLine: false },
  blankRow: 'none',
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
    ...(f.sepLine ? [`sep=${f.delimiter}`] : []),
    shape(names).join(f.delimiter),
    ...blank[f.blankRow],
    ...rows.map((row) => line(row.map(String))),
  ];
  const text = lines.map((l) => `${l}${f.lineEnd}`).join('');
  if (f.encoding === 'utf8') return Buffer.from(text, 'utf8');
  if (f.encoding === 'utf8-bom') return Buffer.from(`\ufeff${text}`, 'utf8');
  // Windows-1252 is Latin-1 for the letters used here (É, é); Mac Roman has them elsewhere.
  if (f.encoding === 'windows-1252') return Buffer.from(text, 'latin1');
  if (f.encoding === 'mac-roman') return macRoman(text);
  return Buffer.from(`\ufeff${text}`, 'utf16le');
}

const MAC_ROMAN: Record<string, number> = { É: 0x83, é: 0x8e };

/** Text in Mac Roman, for ASCII and the letters in MAC_ROMAN. */
function macRoman(text: string): Buffer {
  return Buffer.from(Array.from(text, macRomanByte));
}

function macRomanByte(c: string): number {
  const byte = MAC_ROMAN[c] ?? c.charCodeAt(0);
  if (byte >= 0x80 && MAC_ROMAN[c] === undefined) throw new Error(`no ${c} in this Mac Roman`);
  return byte;
}
