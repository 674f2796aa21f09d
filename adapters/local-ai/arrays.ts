/**
 * Growing the index's typed arrays. Small arrays grow by a factor; large
 * ones by at most {@link MAX_GROWTH} elements at a time, not by half or all
 * of themselves (a million tickets' arrays are hundreds of megabytes, and
 * the slack would stay for the life of the process).
 */
export const MAX_GROWTH = 1 << 22;

/** The length to grow to: at least `need`, `factor` times the current length, but never more than `maxStep` longer. */
export function grownLength(current: number, need: number, factor: number, maxStep = MAX_GROWTH): number {
  return Math.max(need, Math.min(Math.ceil(current * factor), current + maxStep));
}

type Growable = Int32Array<ArrayBuffer> | Uint32Array<ArrayBuffer> | Uint16Array<ArrayBuffer> | Uint8Array<ArrayBuffer>;

/** A new array of `size` elements holding the first `keep` of `a` (all of it by default); the rest is `fill`. */
export function resized<T extends Growable>(a: T, size: number, keep = a.length, fill = 0): T {
  const b = new (a.constructor as new (length: number) => T)(size);
  if (fill !== 0) b.fill(fill);
  b.set(a.subarray(0, Math.min(keep, size)) as ArrayLike<number>);
  return b;
}
