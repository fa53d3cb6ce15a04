import ExcelJS from 'exceljs';
import { accessibilityViolations } from '../support/browser';
import { navigation } from '../support/files';
import { browserSessions, chooseOption, downloadFrom, expectText, heading } from '../support/ui';

const sessionAs = browserSessions();

/** The first quarter offered (the current one) and the one before, as the period list names them. */
function quarterLabels(): [string, string] {
  const today = new Date(new Date().toLocaleString('en-US', { timeZone: 'Europe/Paris' }));
  const label = (quarter: number, year: number) => `${quarter + 1}${quarter === 0 ? 'er' : 'e'} trimestre ${year}`;
  const current = Math.floor(today.getMonth() / 3);
  return [label(current, today.getFullYear()), current === 0 ? label(3, today.getFullYear() - 1) : label(current - 1, today.getFullYear())];
}

describe('dashboard', () => {
  it('the director filters by a site and a quarter, reads a chart as a table, downloads it as XLSX and the whole list as CSV', async () => {
    const manager = await sessionAs('manager@villeneuve.test');
    await navigation(manager).getByRole('link', { name: 'Tableau de bord' }).click();
    await heading(manager, 'Tableau de bord', 1).waitFor();
    const procedures = manager.getByRole('region', { name: 'Démarches', exact: true });
    await expectText(procedures, 'Faites à la place');

    await manager.getByText('Trimestre', { exact: true }).click();
    await chooseOption(manager, 'Période', quarterLabels()[1]);
    await chooseOption(manager, 'Site', 'Hôtel de ville');
    const byMode = manager.getByRole('region', { name: 'Démarches par façon de faire' });
    await byMode.getByText('Tableau', { exact: true }).click();
    const table = byMode.getByRole('table', { name: 'Démarches par façon de faire' });
    await expectText(table, 'Faite à la place de la personne');
    const counts = (await table.getByRole('row').allInnerTexts()).slice(1).map((row) => Number(row.split('\t')[1].replace(/\s/g, '')));
    expect(counts).toHaveLength(3);
    expect(counts.reduce((sum, n) => sum + n, 0)).toBeGreaterThan(0);
    expect(await accessibilityViolations(manager)).toEqual([]);

    // The download holds the same table as the page.
    const { download, content } = await downloadFrom(manager, () => byMode.getByRole('button', { name: 'XLSX : télécharger « Démarches par façon de faire »' }).click());
    expect(download.suggestedFilename()).toMatch(/^tableau-de-bord-procedures-by-mode-\d{4}-\d{2}-01-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(content).buffer);
    const rows = workbook.worksheets[0].getSheetValues().slice(1).map((row) => (row as unknown[]).slice(1));
    expect(rows).toEqual([
      ['Façon de faire', 'Démarches'],
      ['Faite à la place de la personne', counts[0]],
      ['Faite avec la personne', counts[1]],
      ['Montrée ou orientée pour la faire seul·e', counts[2]],
    ]);

    // The whole list of the quarter's procedures at that site: as many rows as the chart counts.
    const lists = manager.getByRole('region', { name: 'Listes à télécharger' });
    const csv = await downloadFrom(manager, () => lists.getByRole('button', { name: 'CSV : télécharger « Démarches »' }).click());
    const lines = csv.content.toString('utf8').split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('\uFEFFDate;N° de dossier;Agent;Organisme;Type de démarche;Domaine;Façon de faire;Consentement;Durée (min);Résultat');
    expect(lines).toHaveLength(1 + counts.reduce((sum, n) => sum + n, 0));
  }, 120_000);

  it('the director opens the yearly ABS report: the year beside the previous one, printable and as a workbook', async () => {
    const manager = await sessionAs('manager@villeneuve.test');
    await navigation(manager).getByRole('link', { name: 'Tableau de bord' }).click();
    await manager.getByRole('link', { name: 'Rapport annuel (ABS)' }).click();
    const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric' }).format(new Date())) - 1;
    await heading(manager, `Analyse des besoins sociaux — activité ${year}`, 1).waitFor();
    const summary = manager.getByRole('table', { name: `Synthèse ${year} et ${year - 1}` });
    await expectText(summary, 'Démarches faites à la place de la personne');
    expect(await summary.getByRole('columnheader').allInnerTexts()).toEqual(['Indicateur', String(year - 1), String(year), 'Évolution']);
    expect(await accessibilityViolations(manager)).toEqual([]);
    const { download, content } = await downloadFrom(manager, () => manager.getByRole('button', { name: 'Télécharger (XLSX)' }).click());
    expect(download.suggestedFilename()).toBe(`rapport-abs-${year}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(content).buffer);
    expect(workbook.worksheets[0].name).toBe(`Synthèse ${year} et ${year - 1}`);
  }, 120_000);

  it('an agent sees their own activity, with no choice of agent', async () => {
    const agent = await sessionAs('agent@villeneuve.test');
    await navigation(agent).getByRole('link', { name: 'Tableau de bord' }).click();
    await heading(agent, 'Mon activité', 1).waitFor();
    await expectText(agent.getByRole('region', { name: 'Rendez-vous', exact: true }), 'Prévus dans les 7 jours');
    expect(await agent.getByRole('combobox', { name: 'Agent' }).count()).toBe(0);
    expect(await accessibilityViolations(agent)).toEqual([]);
  }, 120_000);
});
