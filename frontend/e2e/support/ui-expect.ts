import type { Locator } from 'playwright-core';

const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * Waits until the element's text matches, the way a person watching the page would: live updates
 * get time to arrive, and a failure says what the page showed instead.
 */
async function waitForText(
  locator: Locator,
  test: (text: string) => boolean,
  describe: string,
  timeoutMs: number,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '(element not found)';
  while (Date.now() < deadline) {
    try {
      if ((await locator.count()) > 0) {
        last = ((await locator.first().textContent()) ?? '').trim();
        if (test(last)) return last;
      }
    } catch {
      // The page is navigating; try again.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Expected ${locator} to ${describe} within ${timeoutMs} ms, but it showed: "${last}"`);
}

export function expectText(
  locator: Locator,
  expected: string | RegExp,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<string> {
  const test = (text: string) => (typeof expected === 'string' ? text === expected : expected.test(text));
  return waitForText(locator, test, `have text ${String(expected)}`, timeoutMs);
}

export function expectContains(
  locator: Locator,
  expected: string | RegExp,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<string> {
  const test = (text: string) => (typeof expected === 'string' ? text.includes(expected) : expected.test(text));
  return waitForText(locator, test, `contain ${String(expected)}`, timeoutMs);
}

export async function expectVisible(locator: Locator, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
  await locator.first().waitFor({ state: 'visible', timeout: timeoutMs });
}

/** Waits until a form field holds `expected` (a field's value is not its text). */
export async function expectValue(locator: Locator, expected: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '(element not found)';
  while (Date.now() < deadline) {
    if ((await locator.count()) > 0) {
      last = await locator.first().inputValue();
      if (last === expected) return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Expected ${locator} to hold "${expected}" within ${timeoutMs} ms, but it held: "${last}"`);
}
