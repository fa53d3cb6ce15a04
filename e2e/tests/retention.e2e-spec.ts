import { accessibilityViolations } from '../support/browser';
import { navigation } from '../support/files';
import { browserSessions, expectText, heading } from '../support/ui';

const MANAGER = 'manager@villeneuve.test';

const sessionAs = browserSessions();

describe('retention', () => {
  it('the manager archives a file due for archiving, which then shows as anonymised', async () => {
    const page = await sessionAs(MANAGER);
    await navigation(page).getByRole('link', { name: 'Archivage' }).click();
    await heading(page, 'Archivage des dossiers', 1).waitFor();
    // The demo holds files with no contact for more than two years (packages/devstack/src/demo/retention.ts).
    const table = page.getByRole('table', { name: 'Dossiers à archiver' });
    const firstFile = table.getByRole('row').nth(1).getByRole('link');
    await firstFile.waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    const number = (await firstFile.innerText()).trim();
    expect(number).toMatch(/^D\d{5}$/);

    // A look at the file first: it still names the person.
    await firstFile.click();
    await page.getByText(`Dossier ${number}`, { exact: true }).waitFor();
    expect(await page.getByText(/Dossier anonymisé le/).count()).toBe(0);
    await page.goBack();

    await table.getByRole('button', { name: `Archiver le dossier ${number}` }).click();
    const dialog = page.getByRole('dialog', { name: `Archiver le dossier ${number} ?` });
    await expectText(dialog, 'effacées définitivement');
    await dialog.getByRole('button', { name: 'Archiver et anonymiser' }).click();
    await expectText(page.getByRole('alert').or(page.locator('.mantine-Notification-root')), `Dossier ${number} archivé et anonymisé.`);
    await table.getByRole('link', { name: number, exact: true }).waitFor({ state: 'detached' });

    // The file itself: anonymised, nothing to edit.
    await page.goForward();
    await heading(page, `Dossier ${number}`, 1).waitFor();
    await expectText(page.getByRole('main'), 'Dossier anonymisé le');
    expect(await page.getByRole('button', { name: /Modifier/ }).count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
