import { describe, expect, it } from 'vitest';
import { nearName } from '../../src/adapters/near-names.js';

describe('the name a missing file may have been given instead', () => {
  it.each([
    ['Orders.CSV', 'rename it to orders.csv'],
    ['orders.csv.txt', 'rename it to orders.csv'],
    ['ORDERS.CSV.CSV', 'rename it to orders.csv'],
    ['orders (2).csv', 'rename it to orders.csv'],
    ['orders.xlsx', 'save it as CSV, named orders.csv'],
    ['Orders.ods', 'save it as CSV, named orders.csv'],
  ])('%s: %s', (name, advice) => {
    expect(nearName('orders.csv', ['batches.csv', name])).toEqual({ name, advice });
  });

  it('is none for names that only look alike', () => {
    const names = ['orders-old.csv', 'my orders.csv', 'orders (copy).csv', 'orders.csv.bak'];

    expect(nearName('orders.csv', names)).toBeUndefined();
  });

  it('prefers the same file misnamed to one in another format', () => {
    expect(nearName('orders.csv', ['orders.xlsx', 'orders (1).csv'])?.name).toBe('orders (1).csv');
  });
});
