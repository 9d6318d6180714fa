// Table lookups keyed by device text. A plain `table[key]` would find
// `constructor` or `toString` on Object.prototype for a line such as
// `constructor: x`, and count that line as understood.

/** Returns the table's own entry for `key`, or undefined. */
export function ownEntry<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
