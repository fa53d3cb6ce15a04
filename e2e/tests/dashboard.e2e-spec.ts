import { accessibilityViolations } from '../support/browser';
import { navigation } from '../support/files';
import { browserSessions, chooseOption, expectText, heading } from '../support/ui';

const sessionAs = browserSessions();

/** The first quarter offered (the current one) and the one before, as the period list names them. */
function quarterLabels(): [string, string] {
  const today = new Date(new Date().toLocaleString('en-US', { timeZone: 'Europe/Paris' }));
  const label = (quarter: number, year: number) => `${quarter + 1}${quarter === 0 ? 'er' : 'e'} trimestre ${year}`;
  const current = Math.floor(today.getMonth() / 3);
  return [label(current, today.getFullYear()), current === 0 ? label(3, today.getFullYear() - 1) : label(current - 1, today.getFullYear())];
}

describe('dashboard', () => {
  it('the director filters by a site and a quarter and reads a chart as a table', async () => {
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
