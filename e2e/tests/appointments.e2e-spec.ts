import type { Locator, Page } from 'playwright-core';
import { accessibilityViolations } from '../support/browser';
import { navigation, NOEMIE, openNoemie } from '../support/files';
import { browserSessions, chooseOption, expectText, heading } from '../support/ui';

const ACCUEIL = 'accueil@villeneuve.test';
const AGENT = 'agent@villeneuve.test';
const AGENT_NAME = 'Camille Durand';
const MOTIF = 'Entretien téléphonique';

const sessionAs = browserSessions();

/** Paris wall clock now. */
const parisNow = () => new Date(new Date().toLocaleString('en-US', { timeZone: 'Europe/Paris' }));

/**
 * The day of the test's appointments: today, in the small hours (already past, so the agent may say
 * whether the person came, and free of demo appointments) — yesterday when the run starts before 1 a.m.
 */
const BOOKING_DAY = (() => {
  const day = parisNow();
  if (day.getHours() < 1) day.setDate(day.getDate() - 1);
  return day;
})();
/** Booked yesterday, seen on a Monday: the agent's week view shows it one week back. */
const BOOKED_LAST_WEEK = BOOKING_DAY.getDay() === 0 && parisNow().getDay() === 1;

/**
 * The front desk books, from its site's agenda, a quarter of an hour for Noémie with the agent on the
 * booking day at `time`.
 */
async function bookFromSiteAgenda(page: Page, time: string): Promise<void> {
  await navigation(page).getByRole('link', { name: 'Agenda' }).click();
  await heading(page, 'Agenda', 1).waitFor();
  await page.getByRole('button', { name: 'Nouveau rendez-vous' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nouveau rendez-vous' });
  await dialog.getByRole('searchbox', { name: 'Rechercher une personne' }).fill('lefevre noemie');
  await dialog.getByRole('list', { name: 'Personnes trouvées' }).getByRole('button', { name: new RegExp(`^${NOEMIE}`) }).first().click();
  await chooseOption(dialog, 'Motif', MOTIF);
  await dialog.getByRole('combobox', { name: 'Agent(s)' }).click();
  await page.getByRole('option', { name: AGENT_NAME, exact: true }).click();
  await page.keyboard.press('Escape');
  await fillBookingDay(dialog, time);
  await dialog.getByLabel('Durée (minutes)').fill('15');
  expect(await accessibilityViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Enregistrer le rendez-vous' }).click();
  await expectText(page.getByRole('alert'), 'Rendez-vous enregistré');
  await dialog.waitFor({ state: 'detached' });
}

async function fillBookingDay(dialog: Locator, time: string): Promise<void> {
  const date = dialog.getByRole('textbox', { name: 'Date' });
  await date.fill(new Intl.DateTimeFormat('fr-FR', { day: '2-digit', month: '2-digit', year: 'numeric' }).format(BOOKING_DAY));
  await date.press('Tab');
  await dialog.getByLabel('Heure').fill(time);
}

/** The agent's own week: the appointment of `time` on the booking day, opened. */
async function openInWeek(page: Page, time: string): Promise<Locator> {
  await navigation(page).getByRole('link', { name: 'Agenda' }).click();
  if (BOOKED_LAST_WEEK) await page.getByRole('button', { name: 'Précédent' }).click();
  const event = page.getByRole('button', { name: new RegExp(`${time} – .*${NOEMIE} — ${MOTIF}`) }).first();
  await event.scrollIntoViewIfNeeded();
  await event.click();
  const dialog = page.getByRole('dialog', { name: 'Rendez-vous' });
  await expectText(dialog, 'Prévu');
  return dialog;
}

async function noShows(page: Page): Promise<number> {
  await openNoemie(page);
  const badge = page.getByTestId('no-show-count');
  await badge.waitFor();
  const text = (await badge.textContent()) ?? '';
  return /^\d+/.test(text) ? Number(/^\d+/.exec(text)![0]) : 0;
}

describe('appointments', () => {
  it('the front desk books for an agent from the site agenda; the agent marks it seen, and a no-show counts on the file', async () => {
    const desk = await sessionAs(ACCUEIL);
    await bookFromSiteAgenda(desk, '00:15');
    await bookFromSiteAgenda(desk, '00:45');

    // The agent's browser is set to Tokyo time: the agenda still shows Paris time.
    const agent = await sessionAs(AGENT, { timezoneId: 'Asia/Tokyo' });
    const before = await noShows(agent);

    // The week view shows it (Monday-first French week, 24-hour times, Paris time).
    let dialog = await openInWeek(agent, '00:15');
    expect(await accessibilityViolations(agent)).toEqual([]);
    await dialog.getByRole('button', { name: 'Honoré' }).click();
    await expectText(agent.getByRole('alert'), 'Rendez-vous : Honoré.');
    await expectText(dialog, 'Statut donné par Camille Durand');
    await agent.keyboard.press('Escape');

    dialog = await openInWeek(agent, '00:45');
    await dialog.getByRole('button', { name: 'Absence non excusée' }).click();
    await expectText(agent.getByRole('alert'), 'Rendez-vous : Absence non excusée.');
    await agent.keyboard.press('Escape');

    // The file counts it (once read again).
    await openNoemie(agent);
    const after = before + 1;
    await expectText(agent.getByTestId('no-show-count'), after === 1 ? '1 absence non excusée' : `${after} absences non excusées`);
    const section = agent.getByRole('region', { name: 'Rendez-vous' });
    await expectText(section, 'Honoré');
    await expectText(section, 'Absence non excusée');
  }, 180_000);
});
