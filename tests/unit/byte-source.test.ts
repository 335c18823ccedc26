import { open } from 'node:fs/promises';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesSource, fileSource, Pieces, wholeBytes } from '../../src/adapters/byte-source.js';
import { IoFailure } from '../../src/errors.js';
import { folderWith } from '../support/cli.js';
import { trickle } from '../support/sources.js';

function piecesOf(pieces: Pieces): Buffer[] {
  const all: Buffer[] = [];
  for (let piece = pieces.next(); piece !== undefined; piece = pieces.next()) {
    all.push(Buffer.from(piece));
  }
  return all;
}

/** Bytes of lines: any bytes but a newline, each line ended by one but maybe the last. */
const linesOfBytes = fc
  .tuple(fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 30 }), fc.boolean())
  .map(([lines, ended]) => {
    const text = lines.map((line) => Buffer.from(line.map((b) => (b === 10 ? 11 : b))));
    const joined = Buffer.concat(text.flatMap((line) => [line, Buffer.from('\n')]));
    return ended || joined.length === 0 ? joined : joined.subarray(0, -1);
  });

describe('reading bytes a piece at a time', () => {
  it('gives pieces of whole lines that add up to the bytes, however they come', () => {
    fc.assert(
      fc.property(
        linesOfBytes,
        fc.integer({ min: 1, max: 64 }),
        fc.integer({ min: 1, max: 50 }),
        (bytes, size, most) => {
          const pieces = piecesOf(new Pieces(trickle(bytes, most), size));

          expect(Buffer.concat(pieces).equals(bytes)).toBe(true);
          expect(pieces.slice(0, -1).every((piece) => piece.at(-1) === 10)).toBe(true);
          expect(pieces.every((piece) => piece.length > 0)).toBe(true);
        },
      ),
    );
  });

  it('grows for a line longer than its buffer', () => {
    const line = Buffer.from(`${'RETRO-CLOCK,'.repeat(20)}\nOMINOUS-MIRROR`);

    const pieces = piecesOf(new Pieces(bytesSource(line), 8));

    expect(pieces.map(String)).toEqual([`${'RETRO-CLOCK,'.repeat(20)}\n`, 'OMINOUS-MIRROR']);
  });

  it('gives nothing for no bytes, and the whole of them in one Buffer', () => {
    const bytes = Buffer.from('orderid,sku,qty\norder-1,RETRO-CLOCK,3\n');

    const whole = wholeBytes(trickle(bytes, 5));

    expect(piecesOf(new Pieces(bytesSource(Buffer.alloc(0))))).toEqual([]);
    expect(whole.equals(bytes)).toBe(true);
  });

  it('names the file it cannot read', async () => {
    const folder = await open(folderWith({}), 'r');

    const read = () => new Pieces(fileSource(folder.fd, 'data/orders.csv')).next();

    expect(read).toThrow(IoFailure);
    expect(read).toThrow(/^data\/orders\.csv: cannot read/);
    await folder.close();
  });
});
