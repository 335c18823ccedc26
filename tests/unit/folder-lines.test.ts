import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sorted } from '../../src/adapters/folder-lines.js';
import type { InputProblem } from '../../src/errors.js';

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
