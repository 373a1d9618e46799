// Tables of words people type (commands, statuses, button values) are plain objects for
// readability, but a typed "__proto__" or "constructor" must not find Object's own members.
export type WordTable<T> = Readonly<Record<string, T>>;

/** The table's entry for `word`, or undefined when the table itself has none. */
export function lookUpWord<T>(table: WordTable<T>, word: string): T | undefined {
  return Object.hasOwn(table, word) ? table[word] : undefined;
}
