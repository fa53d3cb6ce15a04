import type { Browser, BrowserContext, Page } from 'playwright-core';
import { accessibilityViolations, launchBrowser, logIn } from '../support/browser';
import { E2E } from '../support/environment';
import { expectText, SESSION_OPTIONS } from '../support/ui';

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());
beforeEach(async () => {
  context = await browser.newContext(SESSION_OPTIONS);
  page = await context.newPage();
});
afterEach(() => context.close());

const navigationLabels = async () =>
  (await page.getByRole('navigation', { name: 'Navigation principale' }).locator('.mantine-NavLink-label').allInnerTexts()).map((label) =>
    label.trim(),
  );

describe('login page', () => {
  it('is the identity provider’s, in French, with Keycloak’s form ids, and accessible', async () => {
    await page.goto(E2E.webUrl);
    await page.locator('#kc-login').waitFor();
    expect(page.url()).toContain(`:${E2E.idpPort}/realms/ccas/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await page.getByLabel('Adresse e-mail').getAttribute('name')).toBe('username');
    expect(await page.getByLabel('Mot de passe').getAttribute('name')).toBe('password');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('says so when the password is wrong, and lets the person try again', async () => {
    await page.goto(E2E.webUrl);
    await page.locator('#username').fill('agent@villeneuve.test');
    await page.locator('#password').fill('wrong');
    await page.locator('#kc-login').click();
    await expectText(page.getByRole('alert'), 'Adresse e-mail ou mot de passe invalide.');
    await page.locator('#password').fill('demo1234');
    await page.locator('#kc-login').click();
    await page.getByTestId('user-name').waitFor();
  });
});

describe.each([
  ['accueil@villeneuve.test', 'Sophie Martin', 'CCAS de Villeneuve', 'Accueil', ['Accueil', 'Personnes accompagnées', 'Agenda', 'Démarches', 'Messages envoyés (démo)']],
  ['agent@villeneuve.test', 'Camille Durand', 'CCAS de Villeneuve', 'Travailleur social', ['Accueil', 'Personnes accompagnées', 'Agenda', 'Démarches', 'Tableau de bord', 'Messages envoyés (démo)']],
  ['manager@villeneuve.test', 'Hélène Lefèvre', 'CCAS de Villeneuve', 'Direction', ['Accueil', 'Personnes accompagnées', 'Agenda', 'Démarches', 'Tableau de bord', "Journal d'audit", 'Messages envoyés (démo)', 'Archivage']],
  ['admin@villeneuve.test', 'Julien Moreau', 'CCAS de Villeneuve', 'Administration', ['Accueil', "Journal d'audit", 'Messages envoyés (démo)', 'Administration']],
  ['agent@val.test', 'Nadia Rousseau', 'CIAS du Val', 'Travailleur social', ['Accueil', 'Personnes accompagnées', 'Agenda', 'Démarches', 'Tableau de bord', 'Messages envoyés (démo)']],
])('%s', (email, name, tenant, roleLabel, navigation) => {
  it('logs in, sees their name, CCAS, role and navigation on an accessible French home page, and logs out', async () => {
    await logIn(page, email);
    expect(page.url()).toBe(`${E2E.webUrl}/`);
    await expectText(page.getByTestId('user-name'), name);
    await expectText(page.getByRole('heading', { level: 1 }), `Bonjour ${name.split(' ')[0]}`);
    await expectText(page.getByTestId('tenant-name'), tenant);
    await expectText(page.getByRole('banner'), roleLabel);
    expect(await navigationLabels()).toEqual(navigation);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.locator('#kc-login').waitFor();
    // The identity-provider session is gone: coming back asks for the password again.
    await page.goto(E2E.webUrl);
    await page.locator('#kc-login').waitFor();
  });
});

it('tells a member their role does not open a page the navigation does not offer', async () => {
  await logIn(page, 'accueil@villeneuve.test');
  await page.goto(`${E2E.webUrl}/administration`);
  await expectText(page.getByRole('heading', { level: 1 }), 'Accès refusé');
});

it('shows a clear page when the API cannot be reached', async () => {
  await page.route('**/api/v1/**', (route) => route.abort('connectionrefused'));
  await page.goto(E2E.webUrl);
  await page.locator('#username').fill('agent@villeneuve.test');
  await page.locator('#password').fill('demo1234');
  await page.locator('#kc-login').click();
  await expectText(page.getByRole('heading', { level: 1 }), 'Service indisponible');
  await page.getByRole('button', { name: 'Réessayer' }).waitFor();
});
