/*
 * How messages show what a file holds: a file that is not CSV (a JSON export, say) has values and
 * header names of any length and number, and a message should stay a line.
 */
const SHOWN_CHARS = 40;
const SHOWN_NAMES = 8;

/** A value as a message quotes it: whole, or its start and its length. */
export function quoted(value: string): string {
  if (value.length <= SHOWN_CHARS) return `"${value}"`;
  return `"${shortened(value)}" (${value.length} characters)`;
}

/** A value, or its first characters and an ellipsis if it has more than a message shows. */
export function shortened(value: string): string {
  return value.length <= SHOWN_CHARS ? value : `${value.slice(0, SHOWN_CHARS)}…`;
}

/** The first few names, then how many more. */
export function listed(names: readonly string[]): string {
  const more = names.length - SHOWN_NAMES;
  return names.slice(0, SHOWN_NAMES).join(', ') + (more > 0 ? `, … and ${more} more` : '');
}
