import { isLinked } from '../domain/batch.js';
import { BatchFields } from './batch-fields.js';
import { csvField } from './csv-writer.js';
import { ranksByPosition } from './input-order.js';
import type { PlacedLog } from './placed-log.js';

const CHUNK = 1 << 16;
/** The most bytes a qty takes: it is at most 10^9 (see column-rules.ts). */
const QTY_BYTES = 10;

/**
 * allocations.csv's lines after `header`, as UTF-8 in chunks of about 64 KiB, for the
 * allocations still standing among `placed` (allocations made, in the order made), in the order
 * of their tags (the input position each came from). Each chunk is a view of one of two buffers,
 * which the second chunk after it overwrites: write it before asking for that one.
 *
 * The allocations were made sku by sku, and are written in position order: reading them in that
 * order would miss the cache on every slot and every batch. So the first pass reads the slots in
 * the order made, in step with memory, and puts what each line needs at its rank in the output:
 * the orderid, the qty, and its batch's fields. The second pass writes those in order as bytes,
 * each batch's fields encoded once, side by side in one buffer. On a million lines, writing the
 * outputs took 0.95 to 1.18 s this way, against 1.38 to 1.69 s with lines made as strings and
 * then encoded. Two buffers, written over in turn, keep the chunks from piling up outside the
 * heap until V8 next collects: a buffer per chunk put 20 MB on the run's peak.
 */
export function* allocationChunks(placed: PlacedLog, header = ''): Generator<Uint8Array> {
  const { orderids, qtys, fieldsAt, fields } = inOutputOrder(placed);
  let chunk = Buffer.allocUnsafe(Math.max(CHUNK, Buffer.byteLength(header)));
  let other = Buffer.allocUnsafe(CHUNK);
  let at = chunk.write(header, 0, 'utf8');
  for (let rank = 0; rank < fieldsAt.length; rank++) {
    const field = fieldsAt[rank] as number;
    if (field === -1) continue;
    const orderid = orderids[rank] as string;
    // The most a line can take: 3 bytes of UTF-8 a UTF-16 unit, and 2 quotes around it.
    const room = 3 * orderid.length + 2 + QTY_BYTES + fields.bytes(field);
    if (at + room > chunk.length) {
      if (at > 0) yield chunk.subarray(0, at);
      [chunk, other] = [other, chunk];
      if (room > chunk.length) chunk = Buffer.allocUnsafe(room);
      at = 0;
    }
    at = writeOrderid(chunk, at, orderid);
    at = fields.writeSku(chunk, at, field);
    at = writeQty(chunk, at, qtys[rank] as number);
    at = fields.writeRef(chunk, at, field);
  }
  if (at > 0) yield chunk.subarray(0, at);
}

/** What each line of the output needs, at its rank (see `allocationChunks`). */
function inOutputOrder(placed: PlacedLog) {
  const ranks = ranksByPosition(placed.tags());
  const count = ranks.length;
  const orderids = new Array<string>(count).fill('');
  const qtys = new Int32Array(count);
  const fieldsAt = new Int32Array(count);
  const fields = new BatchFields();
  for (let i = 0; i < count; i++) {
    const slot = placed.at(i);
    const { batch, orderid, qty } = slot;
    const rank = ranks[i] as number;
    if (!batch || !isLinked(slot)) {
      fieldsAt[rank] = -1;
      continue;
    }
    orderids[rank] = orderid;
    qtys[rank] = qty;
    fieldsAt[rank] = fields.indexOf(batch);
  }
  return { orderids, qtys, fieldsAt, fields };
}

/**
 * Writes an orderid as csvField would, at `at`; returns where it ends. Most are plain ASCII and
 * are copied a character at a time; any other is quoted if it must be and encoded by Node.
 */
function writeOrderid(chunk: Buffer, at: number, orderid: string): number {
  let end = at;
  for (let c = 0; c < orderid.length; c++) {
    const code = orderid.charCodeAt(c);
    if (code >= 0x80 || code === 0x22 || code === 0x2c || code === 0x0a || code === 0x0d) {
      return at + chunk.write(csvField(orderid), at, 'utf8');
    }
    chunk[end++] = code;
  }
  return end;
}

/** Writes a whole number from 0 to 10^9 in decimal at `at`; returns where it ends. */
function writeQty(chunk: Buffer, at: number, qty: number): number {
  let digits = 1;
  for (let rest = qty; rest >= 10; rest = Math.floor(rest / 10)) digits += 1;
  let rest = qty;
  for (let d = at + digits - 1; d >= at; d--) {
    chunk[d] = 0x30 + (rest % 10);
    rest = Math.floor(rest / 10);
  }
  return at + digits;
}
