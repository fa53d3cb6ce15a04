import type { Locator, Page } from 'playwright-core';
import { accessibilityViolations } from '../support/browser';
import { chooseOption, expectText, browserSessions, heading } from '../support/ui';

// The person of the demo data the browser tests rely on (packages/devstack/src/demo/beneficiaries.ts): no assessment yet.
const NOEMIE = 'LEFÈVRE Noémie';
const AGENT = 'agent@villeneuve.test';
// A digital partner of the demo tenant (packages/devstack/src/demo/digital-inclusion.ts).
const PARTNER = 'France Services de Villeneuve';

const sessionAs = browserSessions();

async function openNoemie(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Personnes accompagnées' }).click();
  const box = page.getByRole('searchbox', { name: 'Rechercher une personne' });
  await box.waitFor();
  await box.fill('lefevre noemie');
  await page.getByRole('table', { name: 'Dossiers trouvés' }).getByRole('link', { name: NOEMIE }).first().click();
  await heading(page, NOEMIE, 1).waitFor();
}

const answer = (form: Locator, question: string, choice: string) =>
  form.getByRole('radiogroup', { name: question }).getByRole('radio', { name: choice, exact: true }).check();

describe('digital inclusion', () => {
  it('an agent assesses a person, sees the level, orients them to a suggested partner and follows the referral', async () => {
    const page = await sessionAs(AGENT);
    await openNoemie(page);
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
    const journal = page.getByRole('region', { name: 'Journal' });
    const assessment = journal.getByRole('article').filter({ hasText: 'Diagnostic numérique' }).first();
    await expectText(assessment, 'À accompagner');
    const referral = journal.getByRole('article').filter({ hasText: `Orientation vers ${PARTNER}` }).first();
    await expectText(referral, 'Acceptée par la personne');
  }, 120_000);
});
