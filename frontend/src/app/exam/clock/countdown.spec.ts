import { Countdown } from './countdown';

describe('Countdown', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-01-01T10:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  it('counts down locally once a second from the server value', () => {
    const countdown = new Countdown();
    expect(countdown.remainingSeconds()).toBeNull();

    countdown.sync(90);
    jest.advanceTimersByTime(3_000);
    expect(countdown.remainingSeconds()).toBe(87);
    countdown.stop();
  });

  it('takes a later server value as the truth and stops at zero', () => {
    const countdown = new Countdown();
    countdown.sync(90);
    jest.advanceTimersByTime(10_000);
    countdown.sync(5);
    jest.advanceTimersByTime(60_000);
    expect(countdown.remainingSeconds()).toBe(0);
    countdown.stop();
  });
});

describe('Countdown while paused', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-01-01T10:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  it('stands still while paused and runs again from the server value on resume', () => {
    const countdown = new Countdown();
    countdown.sync(90);
    jest.advanceTimersByTime(10_000);
    countdown.sync(80, false);
    jest.advanceTimersByTime(60_000);
    expect(countdown.remainingSeconds()).toBe(80);

    countdown.sync(80);
    jest.advanceTimersByTime(5_000);
    expect(countdown.remainingSeconds()).toBe(75);
    countdown.stop();
  });
});
