/** Room for the strings `ownCopy` copies; longer ones are left as they are. */
const scratch = Buffer.allocUnsafe(1024);
/** V8 copies a shorter substring already: only longer ones are views of their parent. */
const SLICED_FROM = 13;

/**
 * A copy of `s` made afresh, when `s` may be a slice of a larger text: V8 cuts a substring of
 * 13 characters or more as a view of its parent, which then lives as long as the view. A copy
 * costs about 430 ns; shorter strings, copies already, are given back as they are.
 */
export function ownCopy(s: string): string {
  if (s.length < SLICED_FROM || s.length > scratch.length) return s;
  const copy = scratch.toString('latin1', 0, scratch.write(s, 0, 'latin1'));
  return copy === s ? copy : s;
}

/** A match of the empty string, to stand as the last match. */
const EMPTY = /^/;

/**
 * Makes V8 let go of the string the last regular expression matched: it keeps it, for the legacy
 * `RegExp.lastMatch`, until another match. A value sliced from a file's text keeps all the text
 * (a header, a value checked by zod), so reading a file calls this once its rows are read.
 */
export function forgetLastMatch(): void {
  EMPTY.exec('');
}
