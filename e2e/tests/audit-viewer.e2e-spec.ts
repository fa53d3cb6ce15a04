import fs from 'node:fs';
import type { Download, Locator, Page } from 'playwright-core';
import { accessibilityViolations } from '../support/browser';
import { navigation, NOEMIE, openNoemie } from '../support/files';
import { browserSessions, chooseOption, expectText, heading } from '../support/ui';

const MANAGER = 'manager@villeneuve.test';
const MANAGER_NAME = 'Hélène Lefèvre';

const sessionAs = browserSessions();

/** Today in Paris, as typed in a date field (jj/mm/aaaa). */
const today = () => new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date());

async function fillDate(scope: Locator, label: string, value: string): Promise<void> {
  const field = scope.getByRole('textbox', { name: label, exact: true });
  await field.fill(value);
  await field.press('Tab');
}

/** Clicks what starts a download and returns the file the browser received. */
async function downloadFrom(page: Page, click: () => Promise<void>): Promise<{ download: Download; content: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = await download.path();
  return { download, content: fs.readFileSync(file) };
}

const eventRows = (page: Page) => page.getByRole('table', { name: 'Événements' }).locator('tbody tr');

describe('audit trail viewer and right of access', () => {
  it('the manager filters the audit trail by action and period, exports it and checks the chain', async () => {
    const page = await sessionAs(MANAGER);
    await navigation(page).getByRole('link', { name: "Journal d'audit" }).click();
    await heading(page, "Journal d'audit", 1).waitFor();
    await eventRows(page).first().waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    const filters = page.getByRole('form', { name: "Filtres du journal d'audit" });
    await chooseOption(filters, 'Action', 'Connexion');
    await fillDate(filters, 'Du', today());
    await fillDate(filters, 'Au', today());
    await filters.getByRole('button', { name: 'Filtrer' }).click();
    // Only today's logins remain, the manager's own among them.
    await expectText(eventRows(page), MANAGER_NAME);
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('table tbody tr')];
      return rows.length > 0 && rows.every((row) => row.querySelectorAll('td')[2]?.textContent === 'Connexion');
    });
    const actions = await eventRows(page).locator('td:nth-child(3)').allTextContents();
    expect(actions.length).toBeGreaterThan(0);
    expect(new Set(actions)).toEqual(new Set(['Connexion']));
    expect(await accessibilityViolations(page)).toEqual([]);

    const { download, content } = await downloadFrom(page, () => page.getByRole('button', { name: 'Exporter (CSV)' }).click());
    expect(download.suggestedFilename()).toMatch(/^journal-audit-\d{4}-\d{2}-\d{2}\.csv$/);
    expect([...content.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...lines] = content.toString('utf8').slice(1).trim().split('\r\n');
    expect(header.split(';').slice(0, 4)).toEqual(['N°', 'Date (heure de Paris)', 'Utilisateur', 'Action']);
    expect(lines.length).toBe(actions.length);
    expect(lines.every((line) => line.split(';')[3] === 'Connexion')).toBe(true);

    await page.getByRole('button', { name: "Vérifier l'intégrité" }).click();
    await expectText(page.getByRole('status'), 'Chaîne intacte (');
    expect(await page.getByRole('status').textContent()).toMatch(/Chaîne intacte \([\d\s  ]+ événements vérifiés\)/);
  }, 120_000);

  it('the manager produces the right-of-access export from a file, as a printable document and as data', async () => {
    const started = Date.now();
    const page = await sessionAs(MANAGER);
    await openNoemie(page);
    await page.getByRole('button', { name: "Droit d'accès" }).click();
    const dialog = page.getByRole('dialog', { name: "Droit d'accès" });
    // The rule on private notes is said before anything is downloaded.
    await expectText(dialog, 'Les notes privées d’entretien ne sont lisibles que par le professionnel qui les a écrites');
    expect(await accessibilityViolations(page)).toEqual([]);
    const html = await downloadFrom(page, () => dialog.getByRole('button', { name: 'Document imprimable (HTML)' }).click());
    expect(html.download.suggestedFilename()).toMatch(/^droit-acces-D\d{5}\.html$/);
    const document = html.content.toString('utf8');
    expect(document).toContain(`<h1>Informations détenues sur ${NOEMIE}</h1>`);
    expect(document).toContain(`par ${MANAGER_NAME}, au titre du droit d’accès`);
    expect(document).toContain('Notes privées');
    for (const title of ['Foyer', 'Entretiens', 'Démarches faites avec ou pour la personne', 'Rendez-vous', 'Qui a consulté ce dossier']) {
      expect(document).toContain(`>${title}`);
    }
    await expectText(page.getByRole('alert'), 'Export du droit d’accès téléchargé.');

    const json = await downloadFrom(page, () => dialog.getByRole('button', { name: 'Données structurées (JSON)' }).click());
    expect(json.download.suggestedFilename()).toBe(html.download.suggestedFilename().replace('.html', '.json'));
    const data = JSON.parse(json.content.toString('utf8'));
    expect(data.file.identity).toMatchObject({ lastName: 'Lefèvre', firstName: 'Noémie' });
    expect(data.generatedBy.name).toBe(MANAGER_NAME);
    // Both exports are in the file's access history, this one first (the page may read the file in between).
    expect(data.accessLog[0]).toMatchObject({ action: 'export', target: 'access-export' });
    const exports = data.accessLog.filter((entry: { action: string; target: string }) => entry.action === 'export' && entry.target === 'access-export');
    expect(exports).toHaveLength(2);
    expect(Date.parse(exports[1].occurredAt)).toBeGreaterThanOrEqual(started);
  }, 120_000);
});
