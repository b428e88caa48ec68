import { DEMO_PASSWORD } from '@invigil/server-seed';
import type { Page } from 'playwright-core';
import { sel } from '../selectors';

/** Signs in through the login page, as a person would. */
export async function signIn(page: Page, baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId(sel.login.email).fill(email);
  await page.getByTestId(sel.login.password).fill(password);
  await page.getByTestId(sel.login.submit).click();
}
