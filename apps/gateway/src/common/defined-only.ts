/** The entries that were given: a PATCH leaves out what it does not change (null is a value: it clears). */
export function definedOnly<T>(changes: Partial<T>): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<T>;
}
