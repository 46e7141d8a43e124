/**
 * The names a message shows of a longer list: the first few, then how many more (`a, b, c and 4 more`); all of them,
 * comma-separated, when they are few enough.
 */
export function namesAndMore<T>(items: readonly T[], shown: number, nameOf: (item: T) => string = String): string {
  const names = items.slice(0, shown).map(nameOf).join(', ');
  return items.length > shown ? `${names} and ${items.length - shown} more` : names;
}
