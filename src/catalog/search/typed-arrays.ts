export type NumberArray = Int32Array | Float64Array | Uint8Array;

/** A copy of `array` with room for `size` entries (the extra ones zero). */
export function grow<T extends NumberArray>(array: T, size: number): T {
  const larger = new (array.constructor as new (length: number) => T)(size);
  larger.set(array.length <= size ? array : (array.subarray(0, size) as T));
  return larger;
}

/** `array` when it holds `size` entries already, else a larger copy with room to spare. */
export function ensure<T extends NumberArray>(array: T, size: number): T {
  return array.length >= size ? array : grow(array, Math.max(size, Math.ceil(array.length * 1.5), 64));
}
