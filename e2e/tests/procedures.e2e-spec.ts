import type { Locator, Page } from 'playwright-core';
import { accessibilityViolations } from '../support/browser';
import { chooseOption, countingKeyboard, expectText, browserSessions, heading, uniqueWord } from '../support/ui';

// The person of the demo data the browser tests rely on (packages/devstack/src/demo/beneficiaries.ts).
const NOEMIE = 'LEFÈVRE Noémie';
const AGENT = 'agent@villeneuve.test';
const ACCUEIL = 'accueil@villeneuve.test';
const RESOURCES_DECLARATION = 'Déclaration trimestrielle de ressources (RSA, prime d’activité)';

const sessionAs = browserSessions();
const navigation = (page: Page) => page.getByRole('navigation', { name: 'Navigation principale' });

/** Finds Noémie Lefèvre from the navigation and opens her file. */
async function openNoemie(page: Page): Promise<void> {
  await navigation(page).getByRole('link', { name: 'Personnes accompagnées' }).click();
  const box = page.getByRole('searchbox', { name: 'Rechercher une personne' });
  await box.waitFor();
  await box.fill('lefevre noemie');
  const link = page.getByRole('table', { name: 'Dossiers trouvés' }).getByRole('link', { name: NOEMIE });
  await link.first().click();
  await heading(page, NOEMIE, 1).waitFor();
}

/** Opens the procedure form from the journal; returns it once its catalogues are loaded and the organism has the focus. */
async function openProcedureForm(page: Page, scope: Locator | Page = page): Promise<Locator> {
  await scope.getByRole('button', { name: 'Nouvelle démarche' }).click();
  const form = page.getByRole('region', { name: 'Nouvelle démarche' });
  const organism = form.getByRole('combobox', { name: 'Organisme' });
  await organism.waitFor();
  // Both lists are loaded (the agent's most used first).
  await form.getByPlaceholder('Tapez pour chercher, ou ↓').nth(1).waitFor();
  expect(await organism.evaluate((element) => element === document.activeElement)).toBe(true);
  return form;
}

/** Waits until `condition` holds (the list refreshes after a write). */
async function waitFor(condition: () => Promise<boolean>, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The option Enter would pick (the first match, highlighted as one types). */
const highlighted = (page: Page, name: string) => page.getByRole('option', { name, exact: true }).and(page.locator('[data-combobox-selected]'));

const journal = (page: Page) => page.getByRole('region', { name: 'Journal' });

describe('procedures ("démarches")', () => {
  it('an agent logs a procedure with the keyboard only in at most 12 keystrokes, and the journal shows it', async () => {
    const page = await sessionAs(AGENT);
    await openNoemie(page);
    await page.getByRole('tab', { name: 'Journal' }).click();
    const form = await openProcedureForm(page, journal(page));
    expect(await accessibilityViolations(page)).toEqual([]);

    const keyboard = countingKeyboard(page);
    // Organism: a few letters, Enter takes the first match.
    await keyboard.type('caf');
    await highlighted(page, 'CAF').waitFor();
    await keyboard.press('Enter');
    expect(await form.getByRole('combobox', { name: 'Organisme' }).inputValue()).toBe('CAF');
    // Procedure type: accents and capitals are optional.
    await keyboard.press('Tab');
    await keyboard.type('rsa');
    await highlighted(page, RESOURCES_DECLARATION).waitFor();
    await keyboard.press('Enter');
    expect(await form.getByRole('combobox', { name: 'Type de démarche' }).inputValue()).toBe(RESOURCES_DECLARATION);
    // Everything else is the usual case (done in the person's place, oral consent, done, now): Enter saves.
    await keyboard.press('Enter');
    await form.waitFor({ state: 'detached' });

    expect(keyboard.count).toBeLessThanOrEqual(12);
    console.info(`procedure logged in ${keyboard.count} keystrokes: ${keyboard.sequence.join(' ')}`);

    await expectText(page.getByRole('alert'), 'Démarche enregistrée.');
    // Newest first: the journal opens on it.
    const card = journal(page).getByRole('article').first();
    await expectText(card, `Démarche : ${RESOURCES_DECLARATION}`);
    await expectText(card, 'CAF · Faite à la place de la personne · par Camille Durand');
    await expectText(card, 'Consentement : Accord oral recueilli');
    await expectText(card, 'Réalisée');
  }, 120_000);

  it('a procedure to follow up appears in the agent’s to-do list until "Clore"', async () => {
    const page = await sessionAs(AGENT);
    await openNoemie(page);
    await page.getByRole('tab', { name: 'Journal' }).click();
    const form = await openProcedureForm(page, journal(page));
    await page.keyboard.type('mdph');
    await page.keyboard.press('Enter');
    await chooseOption(form, 'Type de démarche', 'Demande MDPH');
    await form.getByRole('radio', { name: 'Faite avec la personne' }).check();
    await form.getByRole('checkbox', { name: 'Handicap ou santé' }).check();
    await form.getByRole('radio', { name: 'À suivre' }).check();
    await form.getByLabel('Durée (minutes)').fill('25');
    // A password in the note is refused before sending.
    const note = form.getByLabel('Note');
    await note.fill('Mot de passe : Soleil2024');
    await form.getByRole('button', { name: 'Enregistrer la démarche' }).click();
    await expectText(form, 'Ne notez jamais les mots de passe ou identifiants de la personne.');
    await note.fill(`Relancer la MDPH ${uniqueWord()} dans quinze jours`);
    await form.getByRole('button', { name: 'Enregistrer la démarche' }).click();
    await form.waitFor({ state: 'detached' });
    const card = journal(page).getByRole('article').first();
    await expectText(card, 'Démarche : Demande MDPH');
    await expectText(card, 'MDPH · Faite avec la personne · par Camille Durand · 25 min');
    await expectText(card, 'Pourquoi : Handicap ou santé');

    await navigation(page).getByRole('link', { name: 'Démarches' }).click();
    const toDo = page.getByRole('table', { name: 'Démarches à suivre' });
    const rows = toDo.getByRole('row').filter({ has: page.getByRole('link', { name: NOEMIE }) }).filter({ hasText: 'Demande MDPH' }).filter({ hasText: 'À suivre' });
    await rows.first().waitFor();
    const before = await rows.count();
    await expectText(rows.first(), 'MDPH');
    expect(await accessibilityViolations(page)).toEqual([]);

    await rows.first().getByRole('button', { name: /^Clore/ }).click();
    await waitFor(async () => (await rows.count()) === before - 1);
    await page.reload();
    await heading(page, 'Démarches à suivre', 2).waitFor();
    await page.getByRole('table', { name: 'Démarches à suivre' }).or(page.getByText('Aucune démarche en attente', { exact: false })).first().waitFor();
    expect(await rows.count()).toBe(before - 1);
  }, 120_000);

  it('the front desk logs orientations only', async () => {
    const page = await sessionAs(ACCUEIL);
    await openNoemie(page);
    // No journal for the front desk: the file has its own "Démarches" section.
    expect(await page.getByRole('tab', { name: 'Journal' }).count()).toBe(0);
    const section = page.getByRole('region', { name: 'Démarches' });
    const form = await openProcedureForm(page, section);
    const modes = form.getByRole('radiogroup', { name: 'Comment ?' }).getByRole('radio');
    expect(await modes.count()).toBe(1);
    expect(await modes.first().getAttribute('value')).toBe('ORIENTATION');
    expect(await modes.first().isChecked()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.keyboard.type('france trav');
    await page.keyboard.press('Enter');
    await chooseOption(form, 'Type de démarche', 'Inscription ou actualisation France Travail');
    await form.getByRole('button', { name: 'Enregistrer la démarche' }).click();
    await form.waitFor({ state: 'detached' });
    await expectText(page.getByRole('alert'), 'Démarche enregistrée.');
  }, 120_000);
});
