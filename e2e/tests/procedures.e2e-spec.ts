import type { Locator, Page } from 'playwright-core';
import { accessibilityViolations } from '../support/browser';
import { logResourcesDeclarationByKeyboard, navigation, NOEMIE, openNoemie, procedureForm, RESOURCES_DECLARATION } from '../support/files';
import { browserSessions, chooseOption, expectText, heading, uniqueWord } from '../support/ui';

const AGENT = 'agent@villeneuve.test';
const ACCUEIL = 'accueil@villeneuve.test';

const sessionAs = browserSessions();

/** Opens the procedure form from the file's button; returns it once ready for typing. */
async function openProcedureForm(page: Page, scope: Locator | Page = page): Promise<Locator> {
  await scope.getByRole('button', { name: 'Nouvelle démarche' }).click();
  return procedureForm(page);
}

/** Waits until `condition` holds (the list refreshes after a write). */
async function waitFor(condition: () => Promise<boolean>, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const journal = (page: Page) => page.getByRole('region', { name: 'Journal' });

describe('procedures ("démarches")', () => {
  it('"+ Démarche" asks for the person first, then logs the procedure with the keyboard only', async () => {
    const page = await sessionAs(AGENT);
    await page.getByRole('button', { name: '+ Démarche' }).click();
    const dialog = page.getByRole('dialog', { name: 'Pour quelle personne ?' });
    const box = dialog.getByRole('searchbox', { name: 'Rechercher une personne' });
    await box.waitFor();
    expect(await box.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.type('lefevre noemie');
    await dialog.getByRole('list', { name: 'Personnes trouvées' }).getByRole('button', { name: new RegExp(`^${NOEMIE}`) }).first().waitFor();
    // Enter takes the first person found.
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: `Démarche pour ${NOEMIE}` }).waitFor();
    const form = await procedureForm(page);
    expect(await accessibilityViolations(page)).toEqual([]);

    const keystrokes = await logResourcesDeclarationByKeyboard(page, form);
    expect(keystrokes.length).toBeLessThanOrEqual(12);
    await expectText(page.getByRole('alert'), 'Démarche enregistrée.');
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    // The file's journal opens on it (newest first).
    await openNoemie(page);
    await page.getByRole('tab', { name: 'Journal' }).click();
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
