import {
  CROCKFORD_ALPHABET,
  formatVerificationCode,
  generateVerificationCode,
  normalizeVerificationCode,
} from './verification-code';
import { STATUS_LIST_LENGTH, statusBitAt, statusBitstring, statusListPosition } from './status-list';

describe('verification codes', () => {
  it('are 12 Crockford base32 characters drawn from the given source', () => {
    let next = 0;
    const code = generateVerificationCode((max) => next++ % max);
    expect(code).toBe('0123456789AB');
    const random = generateVerificationCode((max) => Math.floor(Math.random() * max));
    expect(random).toHaveLength(12);
    for (const char of random) expect(CROCKFORD_ALPHABET).toContain(char);
  });

  it('read back whatever way a person types them', () => {
    expect(normalizeVerificationCode('7k2m-9qxd-4rta')).toBe('7K2M9QXD4RTA');
    expect(normalizeVerificationCode(' 7K2M 9QXD 4RTA ')).toBe('7K2M9QXD4RTA');
    expect(normalizeVerificationCode('IL0O-0000-0000')).toBe('110000000000');
  });

  it('refuse what cannot be a code', () => {
    expect(normalizeVerificationCode('7K2M9QXD4RT')).toBeNull();
    expect(normalizeVerificationCode('7K2M9QXD4RTU')).toBeNull();
    expect(normalizeVerificationCode('../../etc/pa')).toBeNull();
  });

  it('print in groups of four', () => {
    expect(formatVerificationCode('7K2M9QXD4RTA')).toBe('7K2M-9QXD-4RTA');
  });
});

describe('status list bits', () => {
  it('place a sequence number on a page and an index', () => {
    expect(statusListPosition(5)).toEqual({ page: 0, index: 5 });
    expect(statusListPosition(STATUS_LIST_LENGTH + 3)).toEqual({ page: 1, index: 3 });
  });

  it('set the highest bit first and read back only what was set', () => {
    const bits = statusBitstring([0, 9, STATUS_LIST_LENGTH - 1]);
    expect(bits).toHaveLength(STATUS_LIST_LENGTH / 8);
    expect(bits[0]).toBe(0x80);
    expect(bits[1]).toBe(0x40);
    expect(statusBitAt(bits, 9)).toBe(true);
    expect(statusBitAt(bits, 8)).toBe(false);
    expect(statusBitAt(bits, STATUS_LIST_LENGTH - 1)).toBe(true);
    expect(() => statusBitstring([STATUS_LIST_LENGTH])).toThrow(RangeError);
  });
});
