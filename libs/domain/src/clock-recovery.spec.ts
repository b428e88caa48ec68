import { creditableSeconds, deadlineAt, remainingMs, reopenedExtensionsMs } from './clock';

const start = new Date('2026-01-01T10:00:00Z');
const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
const base = {
  timeLimitMs: 60 * 60_000,
  extensionsMs: 5 * 60_000,
  creditedMs: 60_000,
  startedAt: start,
  pausedMs: 4 * 60_000,
  pausedSince: null,
};

describe('reopenedExtensionsMs', () => {
  it('leaves exactly the given minutes when the time ran out long ago', () => {
    const now = at(200);
    const reopened = { ...base, extensionsMs: reopenedExtensionsMs(base, 15, now) };
    expect(remainingMs({ ...reopened, now })).toBe(15 * 60_000);
    expect(deadlineAt(reopened)).toEqual(at(215));
  });

  it('gives less than was left when the candidate submitted early and the proctor gives back less', () => {
    const now = at(10);
    const extensions = reopenedExtensionsMs(base, 5, now);
    expect(extensions).toBeLessThan(base.extensionsMs);
    expect(remainingMs({ ...base, extensionsMs: extensions, now })).toBe(5 * 60_000);
  });
});

describe('creditableSeconds', () => {
  it('offers the recorded disconnection not yet credited, in whole seconds', () => {
    expect(creditableSeconds(95_900, 30_000)).toBe(65);
  });

  it('offers nothing once everything was credited', () => {
    expect(creditableSeconds(30_000, 30_000)).toBe(0);
    expect(creditableSeconds(10_000, 30_000)).toBe(0);
  });
});
