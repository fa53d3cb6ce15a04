import fs from 'node:fs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchBrowser, logIn } from './browser';

/**
 * One browser for the test file, and `sessionAs(email)`: a page signed in as `email` in a browser
 * session of its own (French, Paris time unless `timezoneId` says otherwise), closed after each test.
 * Call at the top of a test file.
 */
/**
 * A browser session as the tests' users have it: French, Paris time, reduced motion (no transition
 * is caught half-way: an element fading in would fail the contrast check).
 */
export const SESSION_OPTIONS = { locale: 'fr-FR', timezoneId: 'Europe/Paris', reducedMotion: 'reduce' } as const;

export function browserSessions(): (email: string, options?: { timezoneId?: string }) => Promise<Page> {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });
  return async (email, { timezoneId = 'Europe/Paris' } = {}) => {
    const context = await browser.newContext({ ...SESSION_OPTIONS, timezoneId });
    contexts.push(context);
    const page = await context.newPage();
    await logIn(page, email);
    return page;
  };
}

/** Clicks what starts a download and returns the file the browser received. */
export async function downloadFrom(page: Page, click: () => Promise<void>) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return { download, content: fs.readFileSync(await download.path()) };
}

export const heading = (page: Page, name: string, level?: number) => page.getByRole('heading', { name, exact: true, level });

/** Waits until the element shows `text` (the page may still be loading). */
export async function expectText(locator: Locator, text: string, timeout = 10_000): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor({ timeout });
}

/** Picks `option` in the Mantine select (combobox) named `label`. */
export async function chooseOption(scope: Page | Locator, label: string, option: string): Promise<void> {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  const page = 'page' in scope ? scope.page() : scope;
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** A word made of letters only, different on every call (names are searched by letters, not digits). */
export function uniqueWord(prefix = ''): string {
  let n = Date.now() * 1000 + Math.floor(Math.random() * 1000);
  let word = '';
  while (n > 0) {
    word = String.fromCharCode(97 + (n % 26)) + word;
    n = Math.floor(n / 26);
  }
  return prefix + word;
}

/** The page's keyboard, counting what the user does: each `press` is one, each typed character is one. */
export interface CountingKeyboard {
  press(key: string): Promise<void>;
  type(text: string): Promise<void>;
  /** Keystrokes so far. */
  readonly count: number;
  /** Keystrokes so far, in order (a typed word as its characters). */
  readonly sequence: readonly string[];
}

export function countingKeyboard(page: Page): CountingKeyboard {
  const sequence: string[] = [];
  return {
    async press(key) {
      sequence.push(key);
      await page.keyboard.press(key);
    },
    async type(text) {
      sequence.push(...text);
      await page.keyboard.type(text);
    },
    get count() {
      return sequence.length;
    },
    get sequence() {
      return sequence;
    },
  };
}
