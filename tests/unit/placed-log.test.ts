import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PlacedLog } from '../../src/adapters/placed-log.js';
import { type AllocationSlot, Batch, isLinked } from '../../src/domain/batch.js';

/** Allocate a line with a tag, take back the nth standing allocation, or settle. */
const step = fc.oneof(
  { arbitrary: fc.record({ place: fc.nat({ max: 1000 }) }), weight: 3 },
  { arbitrary: fc.record({ take: fc.nat() }), weight: 2 },
  fc.constant({ settle: true }),
);

/** What the log shows: each entry's orderid, tag and whether it stands. */
function entries(log: PlacedLog) {
  const tags = log.tags();
  return [...log].map((slot, i) => ({
    orderid: slot.orderid,
    tag: tags[i],
    linked: isLinked(slot),
  }));
}

describe('the log of allocations placed', () => {
  it('keeps every allocation standing, in the order placed, with its tag, however it settles', () => {
    fc.assert(
      fc.property(
        fc.array(step, { maxLength: 200 }),
        fc.integer({ min: 1, max: 20 }),
        (steps, from) => {
          const log = new PlacedLog(from);
          const batch = new Batch('b1', 'CLOCK', 1_000_000, null);
          const standing: { slot: AllocationSlot; tag: number }[] = [];

          steps.forEach((s, i) => {
            if ('place' in s) {
              log.tag = s.place;
              const slot = batch.allocate({ orderid: `o${i}`, sku: 'CLOCK', qty: 1 });
              log.push(slot);
              standing.push({ slot, tag: s.place });
            } else if ('take' in s && standing.length > 0) {
              const [taken] = standing.splice(s.take % standing.length, 1);
              batch.deallocate((taken as { slot: AllocationSlot }).slot);
              log.takenBack(1);
            } else if ('settle' in s) {
              log.settle();
              const dead = entries(log).filter((e) => !e.linked).length;
              expect(dead === 0 || dead < from || dead * 8 < log.length).toBe(true);
            }
          });

          const kept = entries(log).filter((e) => e.linked);
          expect(kept).toEqual(
            standing.map(({ slot, tag }) => ({ orderid: slot.orderid, tag, linked: true })),
          );
        },
      ),
    );
  });

  it('drops what was taken back once it is an eighth of the log, and not before', () => {
    const log = new PlacedLog(1);
    const batch = new Batch('b1', 'CLOCK', 100, null);
    const slots = Array.from({ length: 16 }, (_, i) => {
      log.tag = i;
      const slot = batch.allocate({ orderid: `o${i}`, sku: 'CLOCK', qty: 1 });
      log.push(slot);
      return slot;
    });

    batch.deallocate(slots[3] as AllocationSlot);
    log.takenBack(1);
    log.settle();
    const before = log.length;
    batch.deallocate(slots[10] as AllocationSlot);
    log.takenBack(1);
    log.settle();

    expect(before).toBe(16);
    expect(entries(log).map((e) => e.orderid)).toEqual(
      slots.filter((_, i) => i !== 3 && i !== 10).map((s) => s.orderid),
    );
    expect([...log.tags()]).toEqual([0, 1, 2, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15]);
  });
});
