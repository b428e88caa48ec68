/**
 * Reading items a test expects to be there: a list shorter than expected fails with how long it was,
 * instead of a TypeError on `undefined` further on.
 */

/** A tuple of `count` items, for destructuring the first items of a list. */
type Items<T, N extends number, Built extends T[] = []> = Built['length'] extends N
  ? Built
  : Items<T, N, [...Built, T]>;

/** `list[index]`; throws when the list has no item there. */
export function at<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`expected at least ${index + 1} item(s), got ${list.length}`);
  return item;
}

export function first<T>(list: readonly T[]): T {
  return at(list, 0);
}

/** The first `count` items as a tuple; throws when the list is shorter. */
export function firstItems<T, N extends number>(list: readonly T[], count: N): Items<T, N> {
  if (list.length < count) throw new Error(`expected at least ${count} item(s), got ${list.length}`);
  // Checked just above: the slice holds exactly `count` items.
  return list.slice(0, count) as Items<T, N>;
}
