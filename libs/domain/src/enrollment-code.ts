/** No 0/O, 1/I/L, 2/Z, 5/S, 8/B: a code read aloud or off a whiteboard survives. */
export const ENROLLMENT_CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
export const GENERATED_CODE_LENGTH = 6;

/** `randomInt(n)` returns an integer in [0, n); injected so callers pass a cryptographic source. */
export function generateEnrollmentCode(
  randomInt: (exclusiveMax: number) => number,
  length = GENERATED_CODE_LENGTH,
): string {
  let code = '';
  for (let i = 0; i < length; i++) code += ENROLLMENT_CODE_ALPHABET[randomInt(ENROLLMENT_CODE_ALPHABET.length)];
  return code;
}

/** Codes are case-insensitive: stored and compared in upper case without spaces or dashes. */
export function normalizeEnrollmentCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase();
}
