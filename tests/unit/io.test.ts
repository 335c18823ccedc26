import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { type WriteTo, writer } from '../../src/entrypoints/io.js';

/** A descriptor that takes at most `each` bytes a write, then fails with `failWith`, if given. */
function descriptor(each: number, failWith?: string, after = Infinity) {
  const written: string[] = [];
  let writes = 0;
  const to: WriteTo = {
    direct: () => true,
    write: (_fd, bytes, offset) => {
      if (failWith !== undefined && writes++ >= after) {
        throw Object.assign(new Error(failWith), { code: failWith });
      }
      const taken = bytes.subarray(offset, offset + each);
      written.push(Buffer.from(taken).toString());
      return taken.length;
    },
  };
  return { to, written: () => written.join('') };
}

/** A stand-in for process.stdout that keeps what it is given. */
function stream() {
  const fake = Object.assign<EventEmitter, { text: string }>(new EventEmitter(), { text: '' });
  const write = (bytes: Uint8Array) => (fake.text += Buffer.from(bytes).toString());
  const asStream = Object.assign(fake, { write }) as unknown as NodeJS.WriteStream;
  return { stream: () => asStream, text: () => fake.text, fake };
}

describe("writing to the process's stdout or stderr", () => {
  it('writes to a pipe or a file itself, whole, however little each write takes', () => {
    const { to, written } = descriptor(3);
    const out = stream();

    const write = writer(1, out.stream, to);
    write('allocated 9934\n');
    write('ünallocated 66\n');

    expect(written()).toBe('allocated 9934\nünallocated 66\n');
    expect(out.text()).toBe('');
  });

  it('goes through the stream for a terminal', () => {
    const { to, written } = descriptor(100);
    const out = stream();

    writer(1, out.stream, { ...to, direct: () => false })('summary\n');

    expect(out.text()).toBe('summary\n');
    expect(written()).toBe('');
  });

  it('hands the rest to the stream once the descriptor would block, and what follows', () => {
    const { to, written } = descriptor(4, 'EAGAIN', 2);
    const out = stream();

    const write = writer(1, out.stream, to);
    write('0123456789\n');
    write('next\n');

    expect(written()).toBe('01234567');
    expect(out.text()).toBe('89\nnext\n');
  });

  it('drops what a reader that has gone would have read, without an error', () => {
    const { to, written } = descriptor(4, 'EPIPE', 1);
    const out = stream();

    const write = writer(1, out.stream, to);
    write('0123456789\n');
    write('next\n');

    expect(written()).toBe('0123');
    expect(out.text()).toBe('');
  });

  it('fails on any other error', () => {
    const { to } = descriptor(4, 'EIO', 0);

    expect(() => writer(1, stream().stream, to)('text')).toThrow('EIO');
  });
});
