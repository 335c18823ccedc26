import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InMemoryProductRepository } from '../../src/adapters/in-memory-repository.js';
import { InMemoryUnitOfWork } from '../../src/adapters/in-memory-unit-of-work.js';
import { PlacedLog } from '../../src/adapters/placed-log.js';
import { type Batch, isLinked, preferenceOrder } from '../../src/domain/batch.js';
import type { Command } from '../../src/domain/commands.js';
import type { Event } from '../../src/domain/events.js';
import { testBus } from '../support/bus.js';

const sku = fc.constantFrom('RETRO-CLOCK', 'OMINOUS-MIRROR');
const eta = fc.constantFrom(null, '2026-12-01', '2026-12-02', '2027-01-15');
const qty = fc.integer({ min: 1, max: 10 });
const stock = fc.integer({ min: 0, max: 20 });
const ref = fc.constantFrom('b0', 'b1', 'b2', 'b3', 'b4', 'b5', 'b6', 'b7');
const orderid = fc.constantFrom('o1', 'o2', 'o3', 'o4', 'o5', 'o6', 'o7', 'o8', 'o9');

const createBatch = fc.record({
  type: fc.constant('CreateBatch' as const),
  ref,
  sku,
  qty: stock,
  eta,
});
const allocate = fc.record({ type: fc.constant('Allocate' as const), orderid, sku, qty });
const change = fc.record({ type: fc.constant('ChangeBatchQuantity' as const), ref, qty: stock });

/** Some batches first, then a mix in which allocations dominate. */
const scenario: fc.Arbitrary<Command[]> = fc
  .tuple(
    fc.array(createBatch, { minLength: 1, maxLength: 8 }),
    fc.array(
      fc.oneof({ arbitrary: allocate, weight: 6 }, { arbitrary: change, weight: 2 }, createBatch),
      { minLength: 5, maxLength: 80 },
    ),
  )
  .map(([batches, rest]) => [...batches, ...rest]);
const RUNS = { numRuns: 300 };

/**
 * Runs commands as the CLI would: a failing command is reported and the run goes on. The log of
 * allocations drops those taken back as soon as it may, to be checked as often as it can be.
 */
function run(commands: Command[]) {
  const harness = testBus(new InMemoryUnitOfWork(new InMemoryProductRepository(new PlacedLog(1))));
  const checks: string[] = [];
  for (const c of commands) {
    const batches =
      c.type === 'Allocate' ? [...(harness.uow.products.get(c.sku)?.batches ?? [])] : [];
    const expected = c.type === 'Allocate' ? naiveChoice(batches, c) : undefined;
    try {
      const got = harness.bus.handle(c);
      if (c.type === 'Allocate' && expected !== 'keep' && got !== expected)
        checks.push(`${c.orderid}: ${String(got)} != ${String(expected)}`);
    } catch (error) {
      checks.push(`threw ${(error as Error).name}`);
    }
  }
  return { ...harness, checks };
}

/** The rule, written the slow obvious way: sort, then the first batch that takes the line. */
function naiveChoice(batches: Batch[], line: { orderid: string; qty: number; sku: string }) {
  const holder = batches.find((b) => [...b.allocations()].some((l) => l.orderid === line.orderid));
  const held = holder && [...holder.allocations()].find((l) => l.orderid === line.orderid);
  if (holder && held?.qty === line.qty) return 'keep';
  const room = (b: Batch) => b.availableQuantity + (b === holder ? (held?.qty ?? 0) : 0);
  return [...batches].sort(preferenceOrder).find((b) => room(b) >= line.qty)?.reference;
}

function allBatches(uow: ReturnType<typeof testBus>['uow']) {
  return [...uow.products.all()].flatMap((p) => [...p.batches]);
}

describe('allocation invariants, over random batches and orders', () => {
  it('never over-allocates a batch, and keeps allocated quantities exact', () => {
    fc.assert(
      fc.property(scenario, (commands) => {
        const { uow } = run(commands);
        for (const batch of allBatches(uow)) {
          const sum = [...batch.allocations()].reduce((total, l) => total + l.qty, 0);
          expect(batch.allocatedQuantity).toBe(sum);
          expect(batch.availableQuantity).toBeGreaterThanOrEqual(0);
        }
      }),
      RUNS,
    );
  });

  it('allocates each (orderid, sku) at most once', () => {
    fc.assert(
      fc.property(scenario, (commands) => {
        const { uow } = run(commands);
        const keys = allBatches(uow).flatMap((b) =>
          [...b.allocations()].map((l) => `${l.sku}|${l.orderid}`),
        );
        expect(new Set(keys).size).toBe(keys.length);
      }),
      RUNS,
    );
  });

  it('chooses the batch the rule says, as a slow obvious implementation would', () => {
    fc.assert(
      fc.property(scenario, (commands) => {
        const { checks } = run(commands);
        expect(checks.filter((c) => !c.startsWith('threw'))).toEqual([]);
      }),
      RUNS,
    );
  });

  it('reallocates or reports out of stock every line taken back from a batch', () => {
    fc.assert(
      fc.property(scenario, (commands) => {
        const { published } = run(commands);
        published.forEach((event, i) => {
          if (event.type !== 'Deallocated' || event.reason === 'amended') return;
          const after = published
            .slice(i + 1)
            .find((e) => sameLine(e, event) && e.type !== 'Deallocated');
          expect(after?.type).toMatch(/^(Allocated|OutOfStock)$/);
        });
      }),
      RUNS,
    );
  });

  it('logs every allocation standing once, in the order each batch holds them', () => {
    fc.assert(
      fc.property(scenario, (commands) => {
        const { uow } = run(commands);
        const logged = [...uow.products.placed()].filter(isLinked);
        for (const batch of allBatches(uow)) {
          expect(logged.filter((slot) => slot.batch === batch)).toEqual([...batch.slots()]);
        }
        const held = allBatches(uow).reduce((count, b) => count + [...b.slots()].length, 0);
        expect(logged.length).toBe(held);
      }),
      RUNS,
    );
  });

  it('gives the same result for the same input', () => {
    fc.assert(
      fc.property(scenario, (commands) => {
        const first = run(commands);
        const second = run(commands);
        expect(second.published).toEqual(first.published);
        expect(snapshot(second.uow)).toEqual(snapshot(first.uow));
      }),
      RUNS,
    );
  });
});

function sameLine(a: Event, b: Event): boolean {
  return a.orderid === b.orderid && a.sku === b.sku;
}

function snapshot(uow: ReturnType<typeof testBus>['uow']) {
  return allBatches(uow).map((b) => [b.reference, b.purchasedQuantity, [...b.allocations()]]);
}
