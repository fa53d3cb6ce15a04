import type { Locator, Page } from 'playwright-core';
import { accessibilityViolations } from '../support/browser';
import { logResourcesDeclarationByKeyboard, openNoemie, procedureForm, RESOURCES_DECLARATION } from '../support/files';
import { browserSessions, chooseOption, expectText } from '../support/ui';

const AGENT = 'agent@villeneuve.test';
// A digital partner of the demo tenant (packages/devstack/src/demo/digital-inclusion.ts).
const PARTNER = 'France Services de Villeneuve';

const sessionAs = browserSessions();

const journal = (page: Page) => page.getByRole('region', { name: 'Journal' });

const answer = (form: Locator, question: string, choice: string) =>
  form.getByRole('radiogroup', { name: question }).getByRole('radio', { name: choice, exact: true }).check();

describe('procedures, digital inclusion and referrals on one file', () => {
  it('an agent logs a procedure by keyboard, assesses the person, accepts the suggested referral, and the journal shows all three', async () => {
    const page = await sessionAs(AGENT);
    // The demo's Noémie has no assessment yet (packages/devstack/src/demo/digital-inclusion.ts).
    await openNoemie(page);

    await page.getByRole('tab', { name: 'Journal' }).click();
    await journal(page).getByRole('button', { name: 'Nouvelle démarche' }).click();
    const keystrokes = await logResourcesDeclarationByKeyboard(page, await procedureForm(page));
    console.info(`procedure logged in ${keystrokes.length} keystrokes: ${keystrokes.join(' ')}`);
    expect(keystrokes.length).toBeLessThanOrEqual(12);
    await expectText(page.getByRole('alert'), 'Démarche enregistrée.');
    await page.getByRole('tab', { name: 'Dossier' }).click();

    const section = page.getByRole('region', { name: 'Autonomie numérique' });
    await expectText(section, 'Aucun diagnostic');
    await section.getByRole('button', { name: 'Proposer un diagnostic numérique' }).click();
    const form = page.getByRole('region', { name: 'Diagnostic numérique' });
    await form.getByRole('checkbox', { name: 'Smartphone' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    // Smartphone with mobile data (1 + 1), no e-mail (0), one gesture alone (2) and one with help (1): 5 points, "À accompagner".
    await form.getByRole('checkbox', { name: 'Smartphone' }).check();
    await form.getByRole('checkbox', { name: 'Données mobiles (forfait internet sur le téléphone)' }).check();
    await answer(form, 'Avez-vous une adresse e-mail que vous pouvez ouvrir vous-même ?', 'Non');
    await form.getByRole('checkbox', { name: 'CAF' }).check();
    await answer(form, 'Utiliser un clavier ou un écran tactile', 'Seul·e');
    await answer(form, 'Naviguer sur un site internet', 'Avec de l’aide');
    await answer(form, 'Remplir un formulaire en ligne', 'Pas encore');
    await answer(form, 'Scanner et envoyer un document', 'Pas encore');
    // Unanswered questions are refused before sending.
    await form.getByRole('button', { name: 'Enregistrer le diagnostic' }).click();
    await expectText(form, 'Choisissez une réponse.');
    await answer(form, 'Gérer ses mots de passe', 'Pas encore');
    await form.getByRole('checkbox', { name: 'Lecture ou écriture' }).check();
    await answer(form, 'Aimeriez-vous apprendre à faire vos démarches en ligne ?', 'Oui');
    await form.getByRole('button', { name: 'Enregistrer le diagnostic' }).click();
    await form.waitFor({ state: 'detached' });

    await expectText(page.getByRole('alert'), 'Diagnostic enregistré : À accompagner.');
    await expectText(section, 'À accompagner');
    await expectText(section, 'Fait seul·e : utiliser un clavier ou un écran tactile');
    // Assessed today: not proposed again.
    expect(await section.getByRole('button', { name: 'Proposer un diagnostic numérique' }).count()).toBe(0);

    const suggested = section.getByRole('region', { name: 'Orientation suggérée' });
    await suggested.getByRole('button', { name: `Orienter vers ${PARTNER}` }).click();
    await expectText(page.getByRole('alert'), `Orientation vers ${PARTNER} enregistrée.`);
    const referrals = section.getByRole('region', { name: 'Orientations' });
    const status = referrals.getByRole('combobox', { name: `Statut de l'orientation vers ${PARTNER}` });
    await status.waitFor();
    expect(await status.inputValue()).toBe('Proposée');
    await suggested.getByRole('button', { name: `Orientation en cours vers ${PARTNER}` }).waitFor();

    await chooseOption(referrals, `Statut de l'orientation vers ${PARTNER}`, 'Acceptée par la personne');
    await expectText(page.getByRole('alert'), `Orientation vers ${PARTNER} : Acceptée par la personne.`);
    // The select shows the saved status once the referrals are read again.
    await page.waitForFunction((input) => (input as HTMLInputElement).value === 'Acceptée par la personne', await status.elementHandle(), {
      timeout: 10_000,
    });

    await page.getByRole('tab', { name: 'Journal' }).click();
    // Newest first: the referral, the assessment, then the procedure logged at the start.
    const entries = journal(page).getByRole('article');
    await expectText(entries.nth(0), `Orientation vers ${PARTNER}`);
    await expectText(entries.nth(0), 'Acceptée par la personne');
    await expectText(entries.nth(1), 'Diagnostic numérique');
    await expectText(entries.nth(1), 'À accompagner');
    await expectText(entries.nth(2), `Démarche : ${RESOURCES_DECLARATION}`);
    await expectText(entries.nth(2), 'CAF · Faite à la place de la personne');
  }, 120_000);
});
