import { describe, expect, it } from 'vitest';
import { EventQueue } from '../../src/adapters/event-queue.js';
import { Allocated, OutOfStock } from '../../src/domain/events.js';

const allocated = (orderid: string) => new Allocated(orderid, 'RETRO-CLOCK', 1, 'b1');

function drain(queue: EventQueue): string[] {
  const seen: string[] = [];
  for (let event = queue.next(); event !== undefined; event = queue.next()) {
    seen.push(event.orderid);
  }
  return seen;
}

describe('EventQueue', () => {
  it('hands out events oldest first, each once', () => {
    const queue = new EventQueue();
    queue.add(allocated('o1'));
    queue.add(new OutOfStock('o2', 'RETRO-CLOCK', 5));

    expect(drain(queue)).toEqual(['o1', 'o2']);
    expect(queue.next()).toBeUndefined();
  });

  it('keeps the order when events are added while others wait', () => {
    const queue = new EventQueue();
    queue.add(allocated('o1'));
    queue.add(allocated('o2'));

    const first = queue.next();
    queue.add(allocated('o3'));

    expect([first?.orderid, ...drain(queue)]).toEqual(['o1', 'o2', 'o3']);
  });

  it('is used again from the start once drained, without handing out old events', () => {
    const queue = new EventQueue();
    for (const orderid of ['o1', 'o2', 'o3']) queue.add(allocated(orderid));
    drain(queue);

    queue.add(allocated('o4'));

    expect(drain(queue)).toEqual(['o4']);
  });
});
