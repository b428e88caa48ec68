/**
 * Reading items a test expects to be there: a list shorter than expected fails with how long it was,
 * instead of a TypeError on `undefined` further on.
 */

/** `list[index]`; throws when the list has no item there. */
export function at<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`expected at least ${index + 1} item(s), got ${list.length}`);
  return item;
}

export function first<T>(list: readonly T[]): T {
  return at(list, 0);
}
