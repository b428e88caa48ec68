import { nextTimeWarning } from './time-warnings';

/** Feeds the readings one after another, as the countdown would, and collects what is announced. */
function announcementsFor(readings: number[]): string[] {
  let announced: readonly number[] = [];
  const messages: string[] = [];
  for (const seconds of readings) {
    const next = nextTimeWarning(seconds, announced);
    announced = next.announced;
    if (next.message) messages.push(next.message);
  }
  return messages;
}

describe('time warnings', () => {
  it('says nothing while plenty of time is left, never reading the timer out', () => {
    expect(announcementsFor([900, 899, 898, 400, 301])).toEqual([]);
  });

  it('warns once at five minutes and once at one minute', () => {
    expect(announcementsFor([301, 300, 299, 298, 61, 60, 59, 1])).toEqual([
      '5 minutes left. Your answers are saved as you go.',
      '1 minute left. Your answers are saved as you go.',
    ]);
  });

  it('gives only the closest warning to a page opened late', () => {
    expect(announcementsFor([45, 44])).toEqual(['1 minute left. Your answers are saved as you go.']);
  });

  it('warns again after an extension lifts the clock above a threshold', () => {
    expect(announcementsFor([299, 600, 300])).toEqual([
      '5 minutes left. Your answers are saved as you go.',
      '5 minutes left. Your answers are saved as you go.',
    ]);
  });

  it('leaves the end itself to the time-over message', () => {
    expect(announcementsFor([0])).toEqual([]);
  });
});
