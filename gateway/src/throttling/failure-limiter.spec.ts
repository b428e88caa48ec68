import { waitInWords } from './failure-limiter';

describe('waitInWords', () => {
  it('rounds up to whole minutes from a minute on, so nobody retries too early', () => {
    expect(waitInWords(120)).toBe('2 minutes');
    expect(waitInWords(119.2)).toBe('2 minutes');
    expect(waitInWords(61)).toBe('2 minutes');
    expect(waitInWords(60)).toBe('1 minute');
  });

  it('counts seconds below a minute, never zero', () => {
    expect(waitInWords(42.1)).toBe('43 seconds');
    expect(waitInWords(1)).toBe('1 second');
    expect(waitInWords(0.2)).toBe('1 second');
  });
});
