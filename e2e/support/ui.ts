import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { logIn } from './browser';

/** A fresh browser session (French, Paris time) signed in as `email`. */
export async function signedInPage(browser: Browser, email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  const page = await context.newPage();
  await logIn(page, email);
  return { context, page };
}

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
