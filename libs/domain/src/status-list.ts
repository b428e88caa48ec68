/** The W3C Bitstring Status List's minimum size (16 KB), so one credential's index reveals little. */
export const STATUS_LIST_LENGTH = 131_072;

/** Where a credential's revocation bit lives: one list per page of `STATUS_LIST_LENGTH` credentials. */
export function statusListPosition(sequence: number): { page: number; index: number } {
  return { page: Math.floor(sequence / STATUS_LIST_LENGTH), index: sequence % STATUS_LIST_LENGTH };
}

/** The uncompressed bitstring with the given indexes set; index 0 is the first byte's highest bit. */
export function statusBitstring(setIndexes: Iterable<number>, length = STATUS_LIST_LENGTH): Uint8Array {
  const bytes = new Uint8Array(Math.ceil(length / 8));
  for (const index of setIndexes) {
    if (index < 0 || index >= length) throw new RangeError(`Status index ${index} is outside the list of ${length}`);
    bytes[index >> 3] = (bytes[index >> 3] ?? 0) | (0x80 >> (index & 7));
  }
  return bytes;
}

/** Whether the bit at `index` is set in an uncompressed bitstring. */
export function statusBitAt(bytes: Uint8Array, index: number): boolean {
  const byte = bytes[index >> 3];
  if (byte === undefined) throw new RangeError(`Status index ${index} is outside the list of ${bytes.length * 8}`);
  return (byte & (0x80 >> (index & 7))) !== 0;
}
