import type { Locator, Page } from 'playwright-core';
import { countingKeyboard, heading } from './ui';

// Steps on a person's file shared by the browser tests.

/** The person of the demo data the browser tests rely on (packages/devstack/src/demo/beneficiaries.ts). */
export const NOEMIE = 'LEFÈVRE Noémie';
export const CAF = 'CAF';
export const RESOURCES_DECLARATION = 'Déclaration trimestrielle de ressources (RSA, prime d’activité)';

export const navigation = (page: Page) => page.getByRole('navigation', { name: 'Navigation principale' });

/** Finds Noémie Lefèvre from the navigation and opens her file. */
export async function openNoemie(page: Page): Promise<void> {
  await navigation(page).getByRole('link', { name: 'Personnes accompagnées' }).click();
  const box = page.getByRole('searchbox', { name: 'Rechercher une personne' });
  await box.waitFor();
  await box.fill('lefevre noemie');
  await page.getByRole('table', { name: 'Dossiers trouvés' }).getByRole('link', { name: NOEMIE }).first().click();
  await heading(page, NOEMIE, 1).waitFor();
}

/** The procedure form, once its catalogues are loaded and the organism has the focus. */
export async function procedureForm(page: Page): Promise<Locator> {
  const form = page.getByRole('region', { name: 'Nouvelle démarche' });
  const organism = form.getByRole('combobox', { name: 'Organisme' });
  await organism.waitFor();
  // Both lists are loaded (the agent's most used first).
  await form.getByPlaceholder('Tapez pour chercher, ou ↓').nth(1).waitFor();
  expect(await organism.evaluate((element) => element === document.activeElement)).toBe(true);
  return form;
}

/** The option Enter would pick (the first match, highlighted as one types). */
const highlighted = (page: Page, name: string) => page.getByRole('option', { name, exact: true }).and(page.locator('[data-combobox-selected]'));

/**
 * Logs the usual procedure (the CAF resources declaration, done in the person's place) with the keyboard
 * only, in the open form; returns the keystrokes it took.
 */
export async function logResourcesDeclarationByKeyboard(page: Page, form: Locator): Promise<readonly string[]> {
  const keyboard = countingKeyboard(page);
  // Organism: a few letters, Enter takes the first match.
  await keyboard.type('caf');
  await highlighted(page, CAF).waitFor();
  await keyboard.press('Enter');
  expect(await form.getByRole('combobox', { name: 'Organisme' }).inputValue()).toBe(CAF);
  // Procedure type: accents and capitals are optional.
  await keyboard.press('Tab');
  await keyboard.type('rsa');
  await highlighted(page, RESOURCES_DECLARATION).waitFor();
  await keyboard.press('Enter');
  expect(await form.getByRole('combobox', { name: 'Type de démarche' }).inputValue()).toBe(RESOURCES_DECLARATION);
  // Everything else is the usual case (done in the person's place, oral consent, done, now): Enter saves.
  await keyboard.press('Enter');
  await form.waitFor({ state: 'detached' });
  return keyboard.sequence;
}
