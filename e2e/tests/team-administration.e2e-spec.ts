import type { Browser, Locator, Page } from 'playwright-core';
import { accessibilityViolations, launchBrowser } from '../support/browser';
import { E2E } from '../support/environment';
import { navigation } from '../support/files';
import { accessTokenFor, beginLogin, CookieJar, decodeJwt, finishLogin, postForm } from '../support/oidc';
import { browserSessions, expectText, heading, SESSION_OPTIONS, uniqueWord } from '../support/ui';

const ADMIN = 'admin@villeneuve.test';
const DEMO_PASSWORD = 'demo1234';

const sessionAs = browserSessions();

async function openTeamAdministration(page: Page): Promise<Locator> {
  await navigation(page).getByRole('link', { name: 'Administration' }).click();
  await heading(page, 'Administration', 1).waitFor();
  // The team comes first.
  expect(await page.getByRole('tab', { name: 'Équipe' }).getAttribute('aria-selected')).toBe('true');
  return page.getByRole('table', { name: 'Équipe' });
}

/** The row of the team table naming this member. */
const memberRow = (table: Locator, name: string) => table.getByRole('row').filter({ hasText: name });

/** The login page of the identity provider, reached from the web app like anyone else. */
async function openLoginPage(page: Page): Promise<void> {
  await page.goto(E2E.webUrl);
  await page.locator('#kc-login').waitFor();
}

describe('team administration', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('the administrator invites an agent, who sets a password at first login and finds their work; deactivation closes the door', async () => {
    const word = uniqueWord();
    const email = `agent.${word}@villeneuve.test`;
    const lastName = `Ferrand${word}`;
    const name = `Élise ${lastName}`;

    const admin = await sessionAs(ADMIN);
    const team = await openTeamAdministration(admin);
    await expectText(memberRow(team, 'Julien Moreau'), '(vous)');
    await expectText(memberRow(team, 'Julien Moreau'), 'Actif·ve');
    expect(await accessibilityViolations(admin)).toEqual([]);

    await admin.getByRole('button', { name: 'Inviter une personne' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Inviter une personne' });
    await dialog.getByRole('button', { name: 'Inviter', exact: true }).click();
    await expectText(dialog, 'Indiquez une adresse e-mail valide.');
    await expectText(dialog, 'Choisissez au moins un rôle.');
    await dialog.getByRole('textbox', { name: 'Adresse e-mail' }).fill(email);
    await dialog.getByRole('textbox', { name: 'Prénom' }).fill('Élise');
    await dialog.getByRole('textbox', { name: 'Nom', exact: true }).fill(lastName);
    await dialog.getByRole('checkbox', { name: 'Travailleur social' }).check();
    await dialog.getByRole('checkbox', { name: 'Antenne Nord' }).check();
    expect(await accessibilityViolations(admin)).toEqual([]);
    await dialog.getByRole('button', { name: 'Inviter', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await expectText(admin.getByRole('alert'), `${name} est invité·e`);
    await expectText(memberRow(team, name), 'Invité·e');
    await expectText(memberRow(team, name), 'Antenne Nord');

    // The same email twice is refused, on the field.
    await admin.getByRole('button', { name: 'Inviter une personne' }).click();
    await dialog.getByRole('textbox', { name: 'Adresse e-mail' }).fill(email.toUpperCase());
    await dialog.getByRole('textbox', { name: 'Prénom' }).fill('Autre');
    await dialog.getByRole('textbox', { name: 'Nom', exact: true }).fill('Personne');
    await dialog.getByRole('checkbox', { name: 'Accueil' }).check();
    await dialog.getByRole('button', { name: 'Inviter', exact: true }).click();
    await expectText(dialog, 'déjà celle d’un membre de votre structure');
    await dialog.getByRole('button', { name: 'Annuler' }).click();

    // First login of the new agent, through the real login page: they choose their password.
    const context = await browser.newContext(SESSION_OPTIONS);
    try {
      const agent = await context.newPage();
      await openLoginPage(agent);
      await agent.locator('#username').fill(email);
      await agent.locator('#kc-login').click();
      await heading(agent, 'Choisissez votre mot de passe', 1).waitFor();
      await expectText(agent.getByRole('main'), email);
      expect(await accessibilityViolations(agent)).toEqual([]);
      await agent.getByLabel('Nouveau mot de passe').fill('court');
      await agent.getByLabel('Confirmez le mot de passe').fill('court');
      await agent.getByRole('button', { name: 'Enregistrer et se connecter' }).click();
      await expectText(agent.getByRole('alert'), 'Le mot de passe doit contenir au moins 8 caractères.');
      await agent.getByLabel('Nouveau mot de passe').fill('un mot de passe solide');
      await agent.getByLabel('Confirmez le mot de passe').fill('un mot de passe solid');
      await agent.getByRole('button', { name: 'Enregistrer et se connecter' }).click();
      await expectText(agent.getByRole('alert'), 'Les deux mots de passe ne sont pas identiques.');
      await agent.getByLabel('Nouveau mot de passe').fill('un mot de passe solide');
      await agent.getByLabel('Confirmez le mot de passe').fill('un mot de passe solide');
      await agent.getByRole('button', { name: 'Enregistrer et se connecter' }).click();

      await expectText(agent.getByTestId('user-name'), name);
      await navigation(agent).getByRole('link', { name: 'Personnes accompagnées' }).waitFor();
      await navigation(agent).getByRole('link', { name: 'Agenda' }).waitFor();
      expect(await navigation(agent).getByRole('link', { name: 'Administration' }).count()).toBe(0);
      expect(await accessibilityViolations(agent)).toEqual([]);

      // The administrator sees them active now.
      await admin.reload();
      await expectText(memberRow(team, name), 'Actif·ve');

      // Deactivated: their next request is refused, whatever their session still holds.
      await team.getByRole('button', { name: `Désactiver ${name}` }).click();
      const confirm = admin.getByRole('dialog', { name: 'Désactiver un compte' });
      await expectText(confirm, 'perd tout accès dès sa prochaine action');
      await confirm.getByRole('button', { name: 'Désactiver', exact: true }).click();
      await confirm.waitFor({ state: 'detached' });
      await expectText(memberRow(team, name), 'Désactivé·e');
      await agent.reload();
      await heading(agent, 'Compte désactivé', 1).waitFor();

      // Reactivated: back in.
      await team.getByRole('button', { name: `Réactiver ${name}` }).click();
      await expectText(memberRow(team, name), 'Actif·ve');
      await agent.reload();
      await navigation(agent).getByRole('link', { name: 'Personnes accompagnées' }).waitFor();
    } finally {
      await context.close();
    }
  }, 120_000);

  it('the last administrator cannot step down: the refusal is shown as the API says it', async () => {
    const admin = await sessionAs(ADMIN);
    const team = await openTeamAdministration(admin);
    await team.getByRole('button', { name: 'Désactiver Julien Moreau' }).click();
    const confirm = admin.getByRole('dialog', { name: 'Désactiver un compte' });
    await confirm.getByRole('button', { name: 'Désactiver', exact: true }).click();
    await expectText(confirm.getByRole('alert'), 'Il doit rester au moins un administrateur actif');
    await confirm.getByRole('button', { name: 'Annuler' }).click();

    await team.getByRole('button', { name: 'Modifier Julien Moreau' }).click();
    const edit = admin.getByRole('dialog', { name: 'Modifier « Julien Moreau »' });
    await edit.getByRole('checkbox', { name: 'Direction' }).check();
    await edit.getByRole('checkbox', { name: 'Administration' }).uncheck();
    await edit.getByRole('button', { name: 'Enregistrer' }).click();
    await expectText(edit.getByRole('alert'), 'Il doit rester au moins un administrateur actif');
    expect(await accessibilityViolations(admin)).toEqual([]);
  }, 60_000);

  it('the administrator adds a site and renames it', async () => {
    const word = uniqueWord();
    const admin = await sessionAs(ADMIN);
    await openTeamAdministration(admin);
    await admin.getByRole('tab', { name: 'Sites' }).click();
    const sites = admin.getByRole('table', { name: 'Sites' });
    await expectText(sites.getByRole('row').filter({ hasText: 'Hôtel de ville' }), '1 place de la Mairie');

    await admin.getByRole('button', { name: 'Ajouter un site' }).click();
    const add = admin.getByRole('dialog', { name: 'Ajouter un site' });
    await add.getByRole('textbox', { name: 'Nom' }).fill(`Antenne ${word}`);
    await add.getByRole('textbox', { name: 'Adresse' }).fill('5 rue du Port, 94290 Villeneuve');
    expect(await accessibilityViolations(admin)).toEqual([]);
    await add.getByRole('button', { name: 'Ajouter le site' }).click();
    await add.waitFor({ state: 'detached' });
    await expectText(sites.getByRole('row').filter({ hasText: `Antenne ${word}` }), '5 rue du Port');

    await sites.getByRole('button', { name: `Modifier Antenne ${word}` }).click();
    const edit = admin.getByRole('dialog', { name: `Modifier « Antenne ${word} »` });
    await edit.getByRole('textbox', { name: 'Nom' }).fill(`Pôle ${word}`);
    await edit.getByRole('button', { name: 'Enregistrer' }).click();
    await edit.waitFor({ state: 'detached' });
    await sites.getByRole('row').filter({ hasText: `Pôle ${word}` }).waitFor();
    expect(await sites.getByRole('row').filter({ hasText: `Antenne ${word}` }).count()).toBe(0);
  }, 60_000);
});

describe('development identity provider: first login of an invited person', () => {
  it('asks for a password only for a pending invitation, keeps it, and signs the person in with the invited email', async () => {
    const email = `invite.${uniqueWord()}@villeneuve.test`;
    const adminToken = await accessTokenFor(ADMIN, DEMO_PASSWORD);

    // Nobody invited under this email yet: just a wrong login.
    let jar = new CookieJar();
    let login = await beginLogin(jar);
    expect((await postForm(jar, login.loginPage, { username: email, password: '' })).status).toBe(401);
    // A demo account never gets a password form, whatever is typed.
    expect((await postForm(jar, login.loginPage, { username: 'agent@villeneuve.test', password: 'wrong' })).status).toBe(401);

    const invited = await fetch(`${E2E.webUrl}/api/v1/users`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ email, firstName: 'Léa', lastName: 'Invitée', roles: ['ACCUEIL'], siteIds: [] }),
    });
    expect(invited.status).toBe(201);

    const askPassword = await postForm(jar, login.loginPage, { username: email, password: '' });
    expect(askPassword.status).toBe(200);
    expect(await askPassword.text()).toContain('id="password-new"');
    // Choosing a password without being invited is refused.
    expect((await postForm(jar, login.loginPage, { username: `x${email}`, 'password-new': 'abcdefgh', 'password-confirm': 'abcdefgh' })).status).toBe(401);
    expect((await postForm(jar, login.loginPage, { username: email, 'password-new': 'abc', 'password-confirm': 'abc' })).status).toBe(400);
    const chosen = await postForm(jar, login.loginPage, { username: email, 'password-new': 'correct horse', 'password-confirm': 'correct horse' });
    const tokens = await finishLogin(jar, chosen, login.loginPage, login.verifier);
    expect(decodeJwt(tokens.access_token)).toMatchObject({ email, email_verified: true, name: 'Léa Invitée' });
    const me = await fetch(`${E2E.webUrl}/api/v1/me`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ email, roles: ['ACCUEIL'], tenant: { name: 'CCAS de Villeneuve' } });

    // Later logins use that password; the invitation is taken: no new password can be chosen.
    jar = new CookieJar();
    login = await beginLogin(jar);
    expect((await postForm(jar, login.loginPage, { username: email, password: 'wrong password' })).status).toBe(401);
    expect((await postForm(jar, login.loginPage, { username: email, 'password-new': 'taken over', 'password-confirm': 'taken over' })).status).toBe(401);
    const again = await postForm(jar, login.loginPage, { username: email.toUpperCase(), password: 'correct horse' });
    const second = await finishLogin(jar, again, login.loginPage, login.verifier);
    expect(decodeJwt(second.access_token).sub).toBe(decodeJwt(tokens.access_token).sub);
  }, 60_000);
});
