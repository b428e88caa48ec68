import type { ComponentFixture } from '@angular/core/testing';

/** The element with this data-testid, failing the test with a readable message when it is missing. */
export function byTestId<T extends HTMLElement = HTMLElement>(fixture: ComponentFixture<unknown>, testId: string): T {
  const element = queryTestId<T>(fixture, testId);
  if (!element) throw new Error(`No element with data-testid="${testId}" is rendered`);
  return element;
}

export function queryTestId<T extends HTMLElement = HTMLElement>(
  fixture: ComponentFixture<unknown>,
  testId: string,
): T | null {
  return (fixture.nativeElement as HTMLElement).querySelector<T>(`[data-testid="${testId}"]`);
}

export function textOf(fixture: ComponentFixture<unknown>, testId: string): string {
  return byTestId(fixture, testId).textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** Types like a person: sets the value and fires the event Angular's forms listen to. */
export function typeInto(fixture: ComponentFixture<unknown>, testId: string, value: string): void {
  const input = byTestId<HTMLInputElement>(fixture, testId);
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

export function chooseOption(fixture: ComponentFixture<unknown>, testId: string, value: string): void {
  const select = byTestId<HTMLSelectElement>(fixture, testId);
  select.value = value;
  select.dispatchEvent(new Event('change'));
}

/** Lets pending promise callbacks and the resulting change detection run. */
export async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
  await fixture.whenStable();
}
