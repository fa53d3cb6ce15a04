import type { Page } from 'playwright-core';
import { accessibilityViolations } from '../support/browser';
import { E2E } from '../support/environment';
import { navigation } from '../support/files';
import { chooseOption, expectText, browserSessions, heading, uniqueWord } from '../support/ui';

// The person of the demo data the browser tests rely on (packages/devstack/src/demo/beneficiaries.ts).
const NOEMIE = { name: 'LEFÈVRE Noémie', birthDate: '14/03/1985', phone: '06 45 12 78 90' };
const AGENT = 'agent@villeneuve.test';
const AGENT2 = 'agent2@villeneuve.test';
const ACCUEIL = 'accueil@villeneuve.test';

const sessionAs = browserSessions();

/** Searches from the navigation like a worker does, typing into the search box that has the focus. */
async function search(page: Page, text: string): Promise<void> {
  await navigation(page).getByRole('link', { name: 'Personnes accompagnées' }).click();
  await heading(page, 'Personnes accompagnées', 1).waitFor();
  const box = page.getByRole('searchbox', { name: 'Rechercher une personne' });
  await box.waitFor();
  expect(await box.evaluate((element) => element === document.activeElement)).toBe(true);
  await page.keyboard.type(text);
}

/** Finds Noémie Lefèvre with a misspelled, accent-less query and opens her file; returns its address. */
async function openNoemie(page: Page, query = 'lefevbre noemi'): Promise<string> {
  await search(page, query);
  const results = page.getByRole('table', { name: 'Dossiers trouvés' });
  const row = results.getByRole('row').filter({ has: page.getByRole('link', { name: NOEMIE.name }) });
  await row.first().waitFor({ timeout: 5_000 });
  await expectText(row, NOEMIE.birthDate);
  await row.first().getByRole('link', { name: NOEMIE.name }).click();
  await heading(page, NOEMIE.name, 1).waitFor();
  return page.url();
}

/** Writes an interview in the journal of the open file, with a private note (the default visibility). */
async function addInterview(page: Page, summary: string, note: string): Promise<void> {
  await page.getByRole('tab', { name: 'Journal' }).click();
  await page.getByRole('button', { name: 'Nouvel entretien' }).click();
  const form = page.getByRole('region', { name: 'Nouvel entretien' });
  await form.getByLabel('Thèmes').fill('Logement');
  await page.keyboard.press('Enter');
  await form.getByLabel('Synthèse').fill(summary);
  // Confidential by default, and it says who can read it.
  expect(await form.getByRole('radio', { name: 'Note privée : lisible par vous seul·e' }).isChecked()).toBe(true);
  await form.getByLabel('Note privée', { exact: true }).fill(note);
  await form.getByRole('button', { name: "Enregistrer l'entretien" }).click();
  await form.waitFor({ state: 'detached' });
}

/** The interview of the journal whose summary is `summary`. */
const interviewCard = (page: Page, summary: string) => page.getByRole('article').filter({ hasText: summary });

describe('beneficiary files', () => {
  it('an agent finds a person despite typos and missing accents, adds a household member and an interview whose private note they read', async () => {
    const page = await sessionAs(AGENT);
    await openNoemie(page);
    await expectText(page.getByRole('main'), 'Dossier D');
    await expectText(page.getByRole('main'), 'Référent·es : Camille Durand');

    // Household ("Foyer"): add a child.
    const child = uniqueWord('Lina-');
    await page.getByRole('button', { name: 'Ajouter un membre du foyer' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ajouter un membre du foyer' });
    await chooseOption(dialog, 'Lien avec la personne', 'Enfant');
    await dialog.getByRole('textbox', { name: 'Prénom', exact: true }).fill(child);
    await dialog.getByLabel('Date de naissance').fill('05/09/2019');
    await dialog.getByRole('button', { name: 'Ajouter au foyer' }).click();
    await dialog.waitFor({ state: 'detached' });
    const household = page.getByRole('region', { name: 'Foyer' });
    const childRow = household.getByRole('row').filter({ hasText: child });
    await expectText(childRow, 'Enfant');
    await expectText(childRow, '05/09/2019');

    // Journal: an interview with a private note.
    const summary = `Point sur le logement ${uniqueWord()}`;
    const note = `Confidentiel ${uniqueWord()} : ne concerne que moi`;
    await addInterview(page, summary, note);
    const card = interviewCard(page, summary);
    await expectText(card, note);
    await expectText(card, 'Note privée — visible par vous seul·e');
    await expectText(card, 'Par Camille Durand');

    // Still there after a reload: it was saved, and the address names no one.
    await page.reload();
    await expectText(interviewCard(page, summary), note);
    expect(decodeURIComponent(page.url())).not.toMatch(/lef[eè]vre|no[ée]mie/i);
  }, 120_000);

  it("another agent sees the interview but not its author's private note", async () => {
    const summary = `Entretien partagé ${uniqueWord()}`;
    const note = `Secret ${uniqueWord()} de l'auteure`;
    const author = await sessionAs(AGENT);
    const fileUrl = await openNoemie(author);
    await addInterview(author, summary, note);
    await expectText(interviewCard(author, summary), note);

    const colleague = await sessionAs(AGENT2);
    await colleague.goto(`${fileUrl}?onglet=journal`);
    await heading(colleague, NOEMIE.name, 1).waitFor();
    const card = interviewCard(colleague, summary);
    await expectText(card, 'Par Camille Durand');
    await expectText(card, 'Logement');
    expect(await colleague.getByText(note).count()).toBe(0);
    expect(await colleague.content()).not.toContain(note);
    // Someone else's interview cannot be changed.
    expect(await card.getByRole('button', { name: 'Modifier' }).count()).toBe(0);

    // An agent makes themself referent, and steps back.
    await colleague.getByRole('button', { name: 'Je deviens référent·e' }).click();
    await expectText(colleague.getByRole('main'), 'Karim Benali');
    await colleague.getByRole('button', { name: 'Je ne suis plus référent·e' }).click();
    await colleague.getByRole('button', { name: 'Je deviens référent·e' }).waitFor();
  }, 120_000);

  it('the front desk sees identity and contact only: no situation, no household, no journal, no note', async () => {
    const summary = `Entretien accueil ${uniqueWord()}`;
    const note = `Note ${uniqueWord()} hors de portée de l'accueil`;
    const author = await sessionAs(AGENT);
    await openNoemie(author);
    await addInterview(author, summary, note);

    const page = await sessionAs(ACCUEIL);
    await openNoemie(page, 'lefevre');
    await heading(page, 'Identité', 2).waitFor();
    await heading(page, 'Coordonnées', 2).waitFor();
    await expectText(page.getByRole('region', { name: 'Identité' }), NOEMIE.birthDate);
    await expectText(page.getByRole('region', { name: 'Coordonnées' }), NOEMIE.phone);
    const sections = (await page.getByRole('main').getByRole('heading', { level: 2 }).allInnerTexts()).map((text) => text.trim());
    // The front desk books the person's appointments from the file.
    expect(sections).toEqual(['Identité', 'Coordonnées', 'Rendez-vous']);
    expect(await page.getByRole('tab').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Nouvel entretien' }).count()).toBe(0);
    const html = await page.content();
    for (const hidden of [summary, note, 'Journal', 'Foyer', 'Ressources', 'Droits et protection']) expect(html).not.toContain(hidden);
  }, 120_000);

  it('warns of a likely duplicate, links to the existing file, and still lets the worker create another one', async () => {
    const lastName = uniqueWord('Durandal-');
    const page = await sessionAs(ACCUEIL);

    const create = async () => {
      await page.goto(`${E2E.webUrl}/personnes/nouveau`);
      await heading(page, 'Nouveau dossier', 1).waitFor();
      await page.getByLabel('Nom', { exact: true }).fill(lastName);
      await page.getByLabel('Prénom', { exact: true }).fill('Josiane');
      await page.getByLabel('Date de naissance').fill('02/02/1950');
      await page.getByLabel('Téléphone').fill('01 23 45 67 89');
      await page.getByRole('button', { name: 'Créer le dossier' }).click();
    };

    await create();
    const name = `${lastName.toLocaleUpperCase('fr-FR')} Josiane`;
    await heading(page, name, 1).waitFor();
    const firstFile = page.url();
    const firstNumber = (await page.getByText(/^Dossier D\d{5}$/).innerText()).trim();

    await create();
    const warning = page.getByRole('alert').filter({ hasText: 'Cette personne a peut-être déjà un dossier' });
    await expectText(warning, firstNumber);
    await expectText(warning, name);
    expect(await accessibilityViolations(page)).toEqual([]);
    await warning.getByRole('link', { name: "C'est la même personne" }).click();
    await heading(page, name, 1).waitFor();
    expect(page.url()).toBe(firstFile);

    await create();
    await page.getByRole('button', { name: 'Créer un nouveau dossier quand même' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/personnes/') && url.href !== firstFile && !url.pathname.endsWith('/nouveau'));
    await heading(page, name, 1).waitFor();
    expect((await page.getByText(/^Dossier D\d{5}$/).innerText()).trim()).not.toBe(firstNumber);
  }, 120_000);

  it('shows markup typed into a file or an interview as text, never as HTML', async () => {
    const payload = '<img src=x onerror=alert(1)>';
    const lastName = uniqueWord('Balise-');
    const page = await sessionAs(AGENT);
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs += 1;
      void dialog.dismiss();
    });

    await page.goto(`${E2E.webUrl}/personnes/nouveau`);
    await page.getByLabel('Nom', { exact: true }).fill(lastName);
    await page.getByLabel('Alias', { exact: true }).fill(payload);
    await page.getByRole('button', { name: 'Créer le dossier' }).click();
    await heading(page, `${lastName.toLocaleUpperCase('fr-FR')} (« ${payload} »)`, 1).waitFor();
    await expectText(page.getByRole('region', { name: 'Identité' }), payload);

    const summary = `${payload} <script>alert(2)</script> ${uniqueWord()}`;
    await addInterview(page, summary, payload);
    await expectText(interviewCard(page, summary), payload);

    await search(page, lastName);
    await expectText(page.getByRole('table', { name: 'Dossiers trouvés' }), payload);
    expect(await page.locator('img[src="x"], main script').count()).toBe(0);
    expect(dialogs).toBe(0);
  }, 120_000);

  it('a manager sees who opened the file and designates a referent, without reading private notes', async () => {
    const page = await sessionAs('manager@villeneuve.test');
    await openNoemie(page, 'noemie lefevre');
    await page.getByRole('tab', { name: 'Accès au dossier' }).click();
    const log = page.getByRole('region', { name: 'Qui a consulté ce dossier' });
    const ownRead = log.getByRole('row').filter({ hasText: 'Hélène Lefèvre' });
    await expectText(ownRead, 'Consultation');
    expect(await accessibilityViolations(page)).toEqual([]);

    await chooseOption(page, 'Désigner un·e référent·e', 'Karim Benali');
    await page.getByRole('button', { name: 'Désigner', exact: true }).click();
    const remove = page.getByRole('button', { name: 'Retirer Karim Benali des référent·es' });
    await remove.waitFor();
    await remove.click();
    await remove.waitFor({ state: 'detached' });

    // The interview that holds the demo private note is on screen, without its note.
    await page.getByRole('tab', { name: 'Journal' }).click();
    await page.getByRole('article').filter({ hasText: 'Appel de Mme : aide FSL accordée' }).waitFor();
    expect(await page.content()).not.toContain('épuisement lié à ses horaires de nuit');
  }, 120_000);

  it('refuses to overwrite a change someone else saved meanwhile, and says so', async () => {
    const lastName = uniqueWord('Concurrent-');
    const first = await sessionAs(AGENT);
    await first.goto(`${E2E.webUrl}/personnes/nouveau`);
    await first.getByLabel('Nom', { exact: true }).fill(lastName);
    await first.getByRole('button', { name: 'Créer le dossier' }).click();
    await heading(first, lastName.toLocaleUpperCase('fr-FR'), 1).waitFor();
    const second = await sessionAs(AGENT2);
    await second.goto(first.url());

    const contact = (page: Page) => page.getByRole('region', { name: 'Coordonnées' });
    const identity = first.getByRole('region', { name: 'Identité' });
    await identity.getByRole('button', { name: 'Modifier : Identité' }).click();
    await contact(first).getByRole('button', { name: 'Modifier : Coordonnées' }).click();
    await contact(second).getByRole('button', { name: 'Modifier : Coordonnées' }).click();
    await contact(first).getByLabel('Téléphone').fill('01 11 11 11 11');
    await contact(first).getByRole('button', { name: 'Enregistrer' }).click();
    await expectText(contact(first), '01 11 11 11 11');
    // The same person saving another section they had open meanwhile is not a conflict.
    await identity.getByRole('textbox', { name: 'Prénom', exact: true }).fill('Sacha');
    await identity.getByRole('button', { name: 'Enregistrer' }).click();
    await identity.getByRole('button', { name: 'Modifier : Identité' }).waitFor();
    await expectText(identity, 'Sacha');
    expect(await identity.getByRole('alert').count()).toBe(0);

    await contact(second).getByLabel('Téléphone').fill('02 22 22 22 22');
    await contact(second).getByRole('button', { name: 'Enregistrer' }).click();
    await expectText(contact(second).getByRole('alert'), "Ce dossier a été modifié par quelqu'un d'autre");
    await expectText(contact(second), '01 11 11 11 11');
    expect(await contact(second).innerText()).not.toContain('02 22 22 22 22');
  }, 120_000);

  it('the search page and a file page are accessible', async () => {
    const page = await sessionAs(AGENT);
    await search(page, 'lefevre');
    await page.getByRole('table', { name: 'Dossiers trouvés' }).getByRole('link', { name: NOEMIE.name }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('link', { name: NOEMIE.name }).click();
    await heading(page, 'Foyer', 2).waitFor();
    await page.getByRole('region', { name: 'Foyer' }).getByRole('table').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('tab', { name: 'Journal' }).click();
    await page.getByRole('article').first().waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  }, 120_000);
});
