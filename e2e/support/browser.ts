import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { E2E } from './environment';

/** Debian's Chromium (or CHROMIUM_PATH); browser tests never skip silently without one. */
export function chromiumPath(): string {
  const candidate = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(candidate)) {
    throw new Error(
      `No Chromium at ${candidate}. Install Debian's Chromium with "apt-get install -y chromium" ` +
        'or point CHROMIUM_PATH at a Chromium or Chrome binary.',
    );
  }
  return candidate;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    // Running as root in a closed network: no sandbox, no background traffic.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** Opens the web app, gets sent to the identity provider's login page and signs in there. */
export async function logIn(page: Page, email: string, password = 'demo1234'): Promise<void> {
  await page.goto(E2E.webUrl);
  await page.locator('#username').fill(email);
  await page.locator('#password').fill(password);
  await page.locator('#kc-login').click();
  await page.getByTestId('user-name').waitFor();
}

const axeSource = fs.readFileSync(path.join(path.dirname(createRequire(__filename).resolve('axe-core')), 'axe.min.js'), 'utf8');

/** Accessibility violations of the page (axe-core, WCAG 2.1 A/AA rules), as "rule: target" lines. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const results = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return results.violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`));
  });
}
