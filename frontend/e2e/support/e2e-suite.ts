import type { DEMO_USERS } from '@invigil/server-seed';
import type { LocalStack } from '@invigil/local-stack';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { sel } from '../selectors';
import { ApiClient } from './api';
import { launchChromium } from './browser';
import { signIn } from './sign-in';
import type { E2eStackOptions } from './stack';
import { destroyE2eStack, startE2eStack } from './stack';
import { expectContains } from './ui-expect';

export type DemoUser = (typeof DEMO_USERS)[number];

export interface E2eSuiteOptions {
  gateways?: number;
  /** The stack's options; a function when they depend on something the suite starts first (an SMTP server). */
  stack?: E2eStackOptions | (() => E2eStackOptions | Promise<E2eStackOptions>);
  /** Extra Chromium flags, e.g. a fake camera and screen. */
  browserArgs?: string[];
}

/**
 * One browser suite's stack and Chromium, started before its tests and stopped after them, with the
 * sign-in steps every suite takes. Create it with `useE2eSuite()` at the top of a `describe`.
 */
export class E2eSuite {
  private started: { stack: LocalStack; browser: Browser } | null = null;
  private readonly contexts: BrowserContext[] = [];

  constructor(private readonly options: E2eSuiteOptions) {}

  get stack(): LocalStack {
    return this.running().stack;
  }

  get browser(): Browser {
    return this.running().browser;
  }

  /** The (first) gateway's address, serving the built frontend and the API. */
  url(path = ''): string {
    return `${this.stack.gatewayUrl()}${path}`;
  }

  /** A page in a fresh browser context (its own storage: one person per context). */
  async newPage(options: BrowserContextOptions = {}): Promise<Page> {
    const context = await this.browser.newContext(options);
    this.contexts.push(context);
    return context.newPage();
  }

  /** Signs the page in through the login page and waits until the top bar shows who it is. */
  async signInAs(page: Page, user: DemoUser): Promise<void> {
    await signIn(page, this.url(), user.email);
    await expectContains(page.getByTestId(sel.nav.userName), user.displayName);
  }

  /** A fresh context's page, signed in as `user`. */
  async signedInPage(user: DemoUser, options: BrowserContextOptions = {}): Promise<Page> {
    const page = await this.newPage(options);
    await this.signInAs(page, user);
    return page;
  }

  /** The HTTP API as `user`, for set-up steps and for checking what the server stored. */
  api(user: DemoUser): Promise<ApiClient> {
    return ApiClient.signIn(() => this.stack.gatewayUrl(), user.email);
  }

  async start(): Promise<void> {
    const { stack: stackOptions = {}, gateways = 1, browserArgs = [] } = this.options;
    const resolved = typeof stackOptions === 'function' ? await stackOptions() : stackOptions;
    const stack = await startE2eStack(gateways, resolved);
    try {
      this.started = { stack, browser: await launchChromium(browserArgs) };
    } catch (error) {
      await destroyE2eStack(stack);
      throw error;
    }
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    const { stack, browser } = this.started;
    this.started = null;
    await Promise.allSettled(this.contexts.splice(0).map((context) => context.close()));
    await browser.close();
    await destroyE2eStack(stack);
  }

  private running(): { stack: LocalStack; browser: Browser } {
    if (!this.started) throw new Error('The e2e suite is not started: use it inside tests or beforeAll hooks.');
    return this.started;
  }
}

/** Starts the suite's stack and browser before the enclosing describe's tests and stops them after. */
export function useE2eSuite(options: E2eSuiteOptions = {}): E2eSuite {
  const suite = new E2eSuite(options);
  beforeAll(() => suite.start());
  afterAll(() => suite.stop());
  return suite;
}
