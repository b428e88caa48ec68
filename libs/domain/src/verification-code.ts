/** Crockford's base32: no I, L, O or U, so a code typed from paper survives. */
export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 12 characters of 5 bits: 60 random bits, far beyond guessing at a rate-limited endpoint. */
export const VERIFICATION_CODE_LENGTH = 12;

/** `randomInt(n)` returns an integer in [0, n); injected so callers pass a cryptographic source. */
export function generateVerificationCode(randomInt: (exclusiveMax: number) => number): string {
  let code = '';
  for (let i = 0; i < VERIFICATION_CODE_LENGTH; i++) code += CROCKFORD_ALPHABET[randomInt(CROCKFORD_ALPHABET.length)];
  return code;
}

/**
 * What a person typed, as stored: upper case, without spaces or dashes, with the letters Crockford
 * reads as digits (I and L as 1, O as 0). Null when it cannot be a verification code at all.
 */
export function normalizeVerificationCode(input: string): string | null {
  const code = input.replace(/[\s-]/g, '').toUpperCase().replace(/[IL]/g, '1').replace(/O/g, '0');
  if (code.length !== VERIFICATION_CODE_LENGTH) return null;
  for (const char of code) if (!CROCKFORD_ALPHABET.includes(char)) return null;
  return code;
}

/** "7K2M-9QXD-4RTA": the code in groups of four, as printed on the certificate. */
export function formatVerificationCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}
