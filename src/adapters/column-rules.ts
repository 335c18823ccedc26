import * as z from 'zod/mini';

/* The columns of each input file and the rule each cell must follow, in zod (see row-schemas.ts). */

/** Larger quantities are typing mistakes, and sums of a million of them stay exact. */
export const MAX_QUANTITY = 1_000_000_000;

/*
 * zod's mini build: the same rules, written as checks. The full build is 100 KB more in the
 * CLI's bundle and sets up its English messages when loaded, which the rules here do not use
 * (each has its own): a 10,000-line run took about 20 ms less.
 */

const trimmed = () => z.string().check(z.trim());
const present = () => trimmed().check(z.minLength(1, { error: 'is empty' }));

/**
 * The rule for each kind of column, on the raw text of a cell. A sku is an identifier too; the
 * rows that hold one share its string (see row-sinks.ts).
 */
export const identifier = present();

/** Each quantity rule and the least it accepts: the CSV reader checks plain digits itself. */
const quantityRules = new WeakMap<object, number>();
export const quantityMin = (rule: object): number | undefined => quantityRules.get(rule);

export const quantity = (min: number) => {
  const rule = z.pipe(
    z.pipe(
      present().check(z.regex(/^[0-9]+$/, { error: 'is not a whole number' })),
      z.transform(Number),
    ),
    // Only a number too large for a double fails as a number: it is Infinity.
    z
      .number({ error: `must be at most ${MAX_QUANTITY}` })
      .check(
        z.gte(min, { error: `must be at least ${min}` }),
        z.lte(MAX_QUANTITY, { error: `must be at most ${MAX_QUANTITY}` }),
      ),
  );
  quantityRules.set(rule, min);
  return rule;
};

/**
 * A cell of one to nine digits and nothing else, as a number, if at least `min`: what the
 * quantity rules accept, for most cells, read without zod or a lookup (the test of reading rows
 * keeps the two in step). Any other cell is undefined, and goes through the rule. With skus left
 * to the columns to share, a million order lines' rows were read in 0.50 s of the main thread's
 * time against 0.59 s, where each quantity and sku was looked up in a map (profiled, 3 runs
 * each).
 */
export function plainQuantity(raw: string, min: number): number | undefined {
  if (raw.length === 0 || raw.length > 9) return undefined;
  let value = 0;
  for (let i = 0; i < raw.length; i++) {
    const digit = raw.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return undefined;
    value = value * 10 + digit;
  }
  return value >= min ? value : undefined;
}

const isoDate = z.iso.date();
export const eta = z.pipe(
  trimmed(),
  z.transform((value: string, context) => {
    if (value === '' || isoDate.safeParse(value).success) return value === '' ? null : value;
    context.issues.push({
      code: 'custom',
      message: 'is not a date of the form YYYY-MM-DD',
      input: value,
    });
    return z.NEVER;
  }),
);

/** Each file's columns and rules; CSV header names appear only in this folder. */
export const BATCH_COLUMNS = { ref: identifier, sku: identifier, qty: quantity(0), eta };
export const ORDER_COLUMNS = { orderid: identifier, sku: identifier, qty: quantity(1) };
export const ALLOCATION_COLUMNS = {
  orderid: identifier,
  sku: identifier,
  qty: quantity(1),
  batchref: identifier,
};

export type Rules = Record<string, z.ZodMiniType<unknown, string>>;
export type RowOf<R extends Rules> = { [K in keyof R]: z.output<R[K]> };
