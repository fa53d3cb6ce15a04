import type { Locator, Page } from 'playwright-core';
import { accessibilityViolations } from '../support/browser';
import { navigation, openNoemie } from '../support/files';
import { chooseOption, expectText, browserSessions, heading, uniqueWord } from '../support/ui';

const ADMIN = 'admin@villeneuve.test';
const AGENT = 'agent@villeneuve.test';

const sessionAs = browserSessions();

async function openAdministration(page: Page): Promise<void> {
  await navigation(page).getByRole('link', { name: 'Administration' }).click();
  await heading(page, 'Administration', 1).waitFor();
}

/** The value of an input, once it is on the page. */
async function valueOf(input: Locator): Promise<string> {
  await input.waitFor();
  return input.inputValue();
}

/** The row of `table` naming `name` (in its first cell). */
const row = (table: Locator, name: string) =>
  table.getByRole('row').filter({ has: table.page().getByRole('cell', { name, exact: true }) });

/** Opens Noémie Lefèvre's journal and the procedure form; returns the form once its catalogues are loaded. */
async function openProcedureForm(page: Page): Promise<Locator> {
  await openNoemie(page);
  await page.getByRole('tab', { name: 'Journal' }).click();
  await page.getByRole('region', { name: 'Journal' }).getByRole('button', { name: 'Nouvelle démarche' }).click();
  const form = page.getByRole('region', { name: 'Nouvelle démarche' });
  await form.getByPlaceholder('Tapez pour chercher, ou ↓').nth(1).waitFor();
  return form;
}

/** The organisms the procedure form offers for `search` (the combobox list filters as one types). */
async function offeredOrganisms(form: Locator, search: string): Promise<string[]> {
  const page = form.page();
  const organism = form.getByRole('combobox', { name: 'Organisme' });
  await organism.fill('');
  await organism.pressSequentially(search);
  const listbox = page.getByRole('listbox');
  await listbox.getByRole('option').or(listbox.getByText('Aucun résultat')).first().waitFor();
  return (await listbox.getByRole('option').allInnerTexts()).map((label) => label.trim());
}

describe('administration', () => {
  it('the administrator adds, renames and retires an organism; agents are offered it no more', async () => {
    const word = uniqueWord();
    const name = `Caisse ${word}`;
    const renamed = `Caisse ${word} du Val-de-Marne`;
    const admin = await sessionAs(ADMIN);
    await openAdministration(admin);
    await admin.getByRole('tab', { name: 'Organismes' }).click();
    const organisms = admin.getByRole('table', { name: 'Organismes' });
    await row(organisms, 'CAF').waitFor();
    await expectText(admin.getByRole('main'), 'les démarches déjà notées la gardent');
    expect(await accessibilityViolations(admin)).toEqual([]);

    await admin.getByRole('button', { name: 'Ajouter un organisme' }).click();
    const addDialog = admin.getByRole('dialog', { name: 'Ajouter un organisme' });
    // A label is required.
    await addDialog.getByRole('button', { name: 'Ajouter', exact: true }).click();
    await expectText(addDialog, 'Indiquez le libellé.');
    await addDialog.getByRole('textbox', { name: 'Libellé' }).fill(name);
    await chooseOption(addDialog, 'Catégorie', 'Social, santé');
    expect(await accessibilityViolations(admin)).toEqual([]);
    await addDialog.getByRole('button', { name: 'Ajouter', exact: true }).click();
    await addDialog.waitFor({ state: 'detached' });
    await expectText(admin.getByRole('alert'), `« ${name} » ajouté.`);
    await expectText(row(organisms, name), 'Social, santé');
    await expectText(row(organisms, name), 'Proposé');

    await organisms.getByRole('button', { name: `Renommer ${name}` }).click();
    const renameDialog = admin.getByRole('dialog', { name: `Renommer « ${name} »` });
    await renameDialog.getByRole('textbox', { name: 'Libellé' }).fill(renamed);
    await renameDialog.getByRole('button', { name: 'Enregistrer' }).click();
    await renameDialog.waitFor({ state: 'detached' });
    await row(organisms, renamed).waitFor();
    expect(await row(organisms, name).count()).toBe(0);

    // Offered to the agents under its new name…
    const agent = await sessionAs(AGENT);
    // …and no administration for them.
    await navigation(agent).getByRole('link', { name: 'Personnes accompagnées' }).waitFor();
    expect(await navigation(agent).getByRole('link', { name: 'Administration' }).count()).toBe(0);
    expect(await offeredOrganisms(await openProcedureForm(agent), word)).toEqual([renamed]);

    await organisms.getByRole('button', { name: `Retirer ${renamed}` }).click();
    await expectText(admin.getByRole('alert'), `« ${renamed} » retiré : il n'est plus proposé dans les démarches.`);
    // Still listed here, as retired, and can be brought back.
    await expectText(row(organisms, renamed), 'Retiré');
    await organisms.getByRole('button', { name: `Remettre en service ${renamed}` }).waitFor();

    await agent.reload();
    const form = await openProcedureForm(agent);
    expect(await offeredOrganisms(form, word)).toEqual([]);
    // The list is there: the other organisms are still offered.
    expect(await offeredOrganisms(form, 'caf')).toContain('CAF');
  }, 120_000);

  it('the administrator adds a partner to the directory, changes it and retires it', async () => {
    const name = `Atelier numérique ${uniqueWord()}`;
    const admin = await sessionAs(ADMIN);
    await openAdministration(admin);
    await admin.getByRole('tab', { name: 'Partenaires' }).click();
    const partners = admin.getByRole('table', { name: 'Partenaires' });
    await row(partners, 'France Services de Villeneuve').waitFor();

    await admin.getByRole('button', { name: 'Ajouter un partenaire' }).click();
    const addDialog = admin.getByRole('dialog', { name: 'Ajouter un partenaire' });
    await addDialog.getByRole('textbox', { name: 'Nom' }).fill(name);
    await chooseOption(addDialog, 'Type', 'Association');
    await addDialog.getByRole('textbox', { name: 'Adresse' }).fill('4 rue des Écoles, 94290 Villeneuve');
    await addDialog.getByRole('textbox', { name: 'Contact' }).fill('01 45 97 00 00');
    await addDialog.getByRole('textbox', { name: 'Offre' }).fill('Ateliers « premiers pas sur ordinateur » le mercredi.');
    expect(await accessibilityViolations(admin)).toEqual([]);
    await addDialog.getByRole('button', { name: 'Ajouter le partenaire' }).click();
    await addDialog.waitFor({ state: 'detached' });
    await expectText(admin.getByRole('alert'), `Partenaire « ${name} » ajouté.`);
    await expectText(row(partners, name), '01 45 97 00 00');
    await expectText(row(partners, name), 'Association');

    await partners.getByRole('button', { name: `Modifier ${name}` }).click();
    const editDialog = admin.getByRole('dialog', { name: `Modifier « ${name} »` });
    await chooseOption(editDialog, 'Type', 'Médiathèque');
    await editDialog.getByRole('button', { name: 'Enregistrer' }).click();
    await editDialog.waitFor({ state: 'detached' });
    await expectText(row(partners, name), 'Médiathèque');
    expect(await accessibilityViolations(admin)).toEqual([]);

    await partners.getByRole('button', { name: `Retirer ${name}` }).click();
    const confirm = admin.getByRole('dialog', { name: 'Retirer un partenaire' });
    await expectText(confirm, 'les orientations déjà notées le gardent');
    await confirm.getByRole('button', { name: 'Retirer', exact: true }).click();
    await confirm.waitFor({ state: 'detached' });
    await expectText(admin.getByRole('alert'), `« ${name} » retiré : il n'est plus proposé pour les orientations.`);
  }, 120_000);

  it('the administrator opens a site on Saturday mornings and changes when reminders leave', async () => {
    const admin = await sessionAs(ADMIN);
    await openAdministration(admin);
    await admin.getByRole('tab', { name: 'Horaires d’ouverture' }).click();
    await chooseOption(admin, 'Site', 'Antenne Nord');
    const saturday = admin.getByRole('group', { name: 'Samedi' });
    await expectText(saturday, 'Fermé');
    await saturday.getByRole('button', { name: 'Ajouter une plage le samedi' }).click();
    await saturday.getByLabel('Samedi, plage 1 : ouverture').fill('12:00');
    await saturday.getByLabel('Samedi, plage 1 : fermeture').fill('09:30');
    await admin.getByRole('button', { name: 'Enregistrer les horaires' }).click();
    await expectText(saturday, 'La fermeture doit suivre l’ouverture.');
    await saturday.getByLabel('Samedi, plage 1 : ouverture').fill('09:00');
    await saturday.getByLabel('Samedi, plage 1 : fermeture').fill('12:00');
    expect(await accessibilityViolations(admin)).toEqual([]);
    await admin.getByRole('button', { name: 'Enregistrer les horaires' }).click();
    await expectText(admin.getByRole('alert'), 'Horaires d’ouverture enregistrés.');

    await admin.reload();
    await chooseOption(admin, 'Site', 'Antenne Nord');
    expect(await valueOf(admin.getByRole('group', { name: 'Samedi' }).getByLabel('Samedi, plage 1 : fermeture'))).toBe('12:00');
    expect(await valueOf(admin.getByRole('group', { name: 'Mardi' }).getByLabel('Mardi, plage 1 : ouverture'))).toBe('09:00');

    await admin.getByRole('tab', { name: 'Rappels de rendez-vous' }).click();
    const delay = admin.getByRole('textbox', { name: 'Délai du rappel (heures avant le rendez-vous)' });
    expect(await valueOf(delay)).toBe('48');
    await delay.fill('24');
    await admin.getByRole('checkbox', { name: 'Rappel par SMS' }).uncheck();
    expect(await accessibilityViolations(admin)).toEqual([]);
    await admin.getByRole('button', { name: 'Enregistrer les réglages' }).click();
    await expectText(admin.getByRole('alert'), 'Réglages des rappels enregistrés.');
    await admin.reload();
    expect(await valueOf(admin.getByRole('textbox', { name: 'Délai du rappel (heures avant le rendez-vous)' }))).toBe('24');
    expect(await admin.getByRole('checkbox', { name: 'Rappel par SMS' }).isChecked()).toBe(false);
    expect(await admin.getByRole('checkbox', { name: 'Rappel par e-mail' }).isChecked()).toBe(true);
  }, 120_000);
});
