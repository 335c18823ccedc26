import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineChecks, Lines, sorted } from '../../src/adapters/folder-lines.js';
import { bytesSource } from '../../src/adapters/byte-source.js';
import { parseFile } from '../../src/adapters/input-files.js';
import { InputError, type InputProblem } from '../../src/errors.js';

const FILES = ['/in/batches.csv', '/in/orders.csv', '/in/allocations.csv', '/in'];
const problem = fc.record({
  file: fc.constantFrom(...FILES),
  line: fc.nat({ max: 500 }),
  message: fc.string(),
});

describe('problems put in order for a person', () => {
  it('lists them by file (the folder, batches, orders, allocations), then by line, stably', () => {
    fc.assert(
      fc.property(fc.array(problem, { maxLength: 200 }), (problems) => {
        const rank = (p: InputProblem) => [0, 1, 2, -1][FILES.indexOf(p.file)] as number;
        const expected = [...problems].sort((a, b) => rank(a) - rank(b) || a.line - b.line);

        const result = sorted([...problems]);

        expect(result).toEqual(expected);
      }),
    );
  });
});

function linesOf(kind: 'orders' | 'allocations', text: string): Lines {
  const file = `${kind}.csv`;
  return new Lines(kind, { file, ...parseFile(kind, file, bytesSource(Buffer.from(text))) });
}

describe('checking the files of lines', () => {
  it('lists every conflicting repeat when the orders are found wrong halfway through a walk', () => {
    const walked = linesOf(
      'allocations',
      'orderid,sku,qty,batchref\no1,CLOCK,1,b1\no1,CLOCK,2,b1\no2,LAMP,1,b2\no2,LAMP,3,b2\n',
    );
    const checks = new LineChecks(walked);
    const orders = linesOf('orders', 'orderid,sku,qty\no3,CLOCK,-1\n');
    const [first, second] = [walked.bySku[0] as number, walked.bySku[1] as number];
    walked.repeats.has(first);
    walked.repeats.has(second);

    let error: unknown;
    try {
      checks.accept(orders, [{ file: 'orders.csv', line: 2, message: 'qty "-1" is bad' }]);
    } catch (thrown) {
      error = thrown;
    }

    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems.map((p) => `${p.file}:${p.line}`)).toEqual([
      'orders.csv:2',
      'allocations.csv:3',
      'allocations.csv:5',
    ]);
    walked.bySku.slice(2).forEach((i) => walked.repeats.has(i));
    expect(walked.repeats.problems.map((p) => p.line)).toEqual([3, 5]);
  });
});
