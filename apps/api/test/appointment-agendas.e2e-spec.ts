import { PROBLEM_TYPES } from '@ccas/shared';
import { addMinutes, booking, count, createFile, inDays, type MotifRef, motifsOf, paris } from './appointments.helpers';
import { createTeam, type Team } from './support/team';
import { DEMO, startTestApp, type TestApp } from './support/test-app';

let t: TestApp;
let team: Team;
let fileId: string;
let motifs: Record<string, MotifRef>;
beforeAll(async () => {
  t = await startTestApp();
  team = await createTeam(t);
  fileId = await createFile(team.agent, 'Agenda');
  motifs = await motifsOf(team.agent);
});
afterAll(() => t.close());

const book = (startsAt: string, overrides: Record<string, unknown> = {}) =>
  team.accueil.post('/api/v1/appointments').send(booking(team, fileId, motifs['Premier accueil'].id, startsAt, overrides));
const ids = (items: { id: string }[]) => items.map((item) => item.id);

/** Wednesdays around the next spring change of time (last Sunday of March, Paris). */
function aroundSpringChange() {
  const year = new Date().getUTCFullYear() + 1;
  const lastSunday = new Date(Date.UTC(year, 2, 31));
  lastSunday.setUTCDate(31 - lastSunday.getUTCDay());
  const wednesday = (weeksFromChange: number) => new Date(lastSunday.getTime() + (3 + 7 * weeksFromChange) * 86_400_000).toISOString().slice(0, 10);
  return { before: wednesday(-3), after: wednesday(1), later: wednesday(3), until: wednesday(5) };
}

describe('agendas', () => {
  it('shows an agent’s and a site’s appointments over a period, in time order, page by page', async () => {
    const day = inDays(8);
    const early = (await book(paris(day, '09:00')).expect(201)).body;
    const colleague = (await book(paris(day, '09:00'), { agentIds: [team.agent2.id] }).expect(201)).body;
    const elsewhere = (await book(paris(day, '11:00'), { siteId: team.siteIds[1] }).expect(201)).body;
    const late = (await book(paris(day, '16:00')).expect(201)).body;
    await book(paris(inDays(9), '09:00')).expect(201);
    const period = { from: paris(day, '00:00'), to: paris(inDays(9), '00:00') };

    const mine = (await team.agent.get('/api/v1/appointments').query({ ...period, agentId: 'me' }).expect(200)).body;
    expect(ids(mine.items)).toEqual([early.id, elsewhere.id, late.id]);
    const site = (await team.manager.get('/api/v1/appointments').query({ ...period, siteId: team.siteIds[0] }).expect(200)).body;
    expect(ids(site.items).sort()).toEqual([early.id, colleague.id, late.id].sort());
    expect(ids(site.items).at(-1)).toBe(late.id);
    const both = (await team.accueil.get('/api/v1/appointments').query({ ...period, agentId: team.agent.id, siteId: team.siteIds[1] }).expect(200)).body;
    expect(ids(both.items)).toEqual([elsewhere.id]);

    const pages: string[] = [];
    let cursor: string | undefined;
    do {
      const { body } = await team.agent.get('/api/v1/appointments').query({ ...period, agentId: team.agent.id, limit: 1, ...(cursor ? { cursor } : {}) }).expect(200);
      pages.push(...ids(body.items));
      cursor = body.nextCursor ?? undefined;
    } while (cursor);
    expect(pages).toEqual([early.id, elsewhere.id, late.id]);
    // An appointment across the start of the period is in it.
    const overlapping = (await team.agent.get('/api/v1/appointments').query({ from: paris(day, '09:15'), to: paris(day, '10:00'), agentId: 'me' }).expect(200)).body;
    expect(ids(overlapping.items)).toEqual([early.id]);
  });
});

describe('absences', () => {
  it('refuses an absence over existing appointments, and appointments during an absence', async () => {
    const day = inDays(12);
    const appointment = (await book(paris(day, '10:00')).expect(201)).body;
    const refused = await team.agent.post('/api/v1/absences').send({ membershipId: team.agent.id, startsAt: paris(day, '08:00'), endsAt: paris(day, '18:00'), label: 'Formation' }).expect(409);
    expect(refused.body).toMatchObject({ type: PROBLEM_TYPES.slotTaken, detail: expect.stringMatching(/rendez-vous pendant cette absence/) });
    expect(refused.body.conflicts).toEqual([{ agent: { id: team.agent.id, name: 'Agent Test' }, startsAt: appointment.startsAt, endsAt: appointment.endsAt, kind: 'appointment' }]);

    const absence = (await team.accueil.post('/api/v1/absences').send({ membershipId: team.agent.id, startsAt: paris(day, '13:00'), endsAt: paris(day, '18:00'), label: 'Formation' }).expect(201)).body;
    expect(absence).toMatchObject({ agent: { id: team.agent.id }, repeatsWeeklyUntil: null, label: 'Formation' });
    const taken = await book(paris(day, '14:00')).expect(409);
    expect(taken.body.conflicts).toEqual([expect.objectContaining({ startsAt: paris(day, '13:00'), endsAt: paris(day, '18:00'), kind: 'absence' })]);
    // Absences may overlap one another (a day off inside a week of leave).
    await team.agent.post('/api/v1/absences').send({ membershipId: team.agent.id, startsAt: paris(day, '12:00'), endsAt: paris(day, '19:00') }).expect(201);
    // Deleting the absence frees the time, once the other one is gone too.
    await team.agent.delete(`/api/v1/absences/${absence.id}`).expect(204);
    await team.agent.delete(`/api/v1/absences/${absence.id}`).expect(404);
    const rest = (await team.agent.get('/api/v1/absences').query({ from: paris(day, '00:00'), to: paris(inDays(13), '00:00'), agentId: team.agent.id }).expect(200)).body;
    expect(rest.items).toEqual([{ absenceId: expect.any(String), agent: { id: team.agent.id, name: 'Agent Test' }, startsAt: paris(day, '12:00'), endsAt: paris(day, '19:00'), label: null }]);
    await team.agent.delete(`/api/v1/absences/${rest.items[0].absenceId}`).expect(204);
    await book(paris(day, '14:00')).expect(201);
  });

  it('repeats a weekly absence at the same Paris time across the change to summer time', async () => {
    const { before, after, later, until } = aroundSpringChange();
    const absence = (
      await team.agent
        .post('/api/v1/absences')
        .send({ membershipId: team.agent2.id, startsAt: paris(before, '14:00'), endsAt: paris(before, '17:00'), repeatsWeeklyUntil: until, label: 'Mercredi après-midi' })
        .expect(201)
    ).body;
    expect(absence).toMatchObject({ repeatsWeeklyUntil: until, startsAt: `${before}T13:00:00.000Z` });
    const occurrences = (await team.manager.get('/api/v1/absences').query({ from: paris(after, '00:00'), to: paris(later, '23:00'), agentId: team.agent2.id }).expect(200)).body.items;
    expect(occurrences.map((o: { startsAt: string; endsAt: string }) => [o.startsAt, o.endsAt])).toEqual([
      [`${after}T12:00:00.000Z`, `${after}T15:00:00.000Z`],
      [paris(inDaysFrom(after, 7), '14:00'), paris(inDaysFrom(after, 7), '17:00')],
      [`${later}T12:00:00.000Z`, `${later}T15:00:00.000Z`],
    ]);
    // Weeks later, in summer time: 14:00–17:00 in Paris is taken, 13:00–14:00 and 17:00 are free.
    const refused = await book(paris(later, '14:30'), { agentIds: [team.agent2.id] }).expect(409);
    expect(refused.body.conflicts).toEqual([{ agent: { id: team.agent2.id, name: 'Agent2 Test' }, startsAt: `${later}T12:00:00.000Z`, endsAt: `${later}T15:00:00.000Z`, kind: 'absence' }]);
    await book(paris(later, '13:00'), { agentIds: [team.agent2.id], durationMinutes: 60 }).expect(201);
    await book(paris(later, '17:00'), { agentIds: [team.agent2.id] }).expect(201);
    // After the last repetition, the agent is free again.
    await book(paris(inDaysFrom(until, 7), '15:00'), { agentIds: [team.agent2.id] }).expect(201);
    // A weekly absence over one of those appointments is refused with it.
    const over = await team.agent
      .post('/api/v1/absences')
      .send({ membershipId: team.agent2.id, startsAt: paris(before, '16:30'), endsAt: paris(before, '17:30'), repeatsWeeklyUntil: until })
      .expect(409);
    expect(over.body.conflicts).toEqual([expect.objectContaining({ startsAt: paris(later, '17:00'), kind: 'appointment' })]);
  });

  it('lists the absences of a site’s agents and refuses absurd ones', async () => {
    const day = inDays(20);
    await team.agent.post('/api/v1/absences').send({ membershipId: team.agent.id, startsAt: paris(day, '08:00'), endsAt: paris(day, '12:00') }).expect(201);
    const site = (await team.accueil.get('/api/v1/absences').query({ from: paris(day, '00:00'), to: paris(inDays(21), '00:00'), siteId: team.siteIds[0] }).expect(200)).body;
    expect(site.items.map((o: { agent: { id: string } }) => o.agent.id)).toEqual([team.agent.id]);
    const elsewhere = (await team.accueil.get('/api/v1/absences').query({ from: paris(day, '00:00'), to: paris(inDays(21), '00:00'), siteId: team.siteIds[1] }).expect(200)).body;
    expect(elsewhere.items).toEqual([]);

    const absence = (overrides: Record<string, unknown>) => ({ membershipId: team.agent.id, startsAt: paris(inDays(30), '08:00'), endsAt: paris(inDays(30), '12:00'), ...overrides });
    const before = await count(t, 'SELECT count(*)::int AS n FROM absences WHERE tenant_id = $1', [team.tenantId]);
    for (const invalid of [
      absence({ endsAt: paris(inDays(30), '07:00') }),
      absence({ endsAt: paris(inDays(500), '07:00') }),
      absence({ repeatsWeeklyUntil: inDays(29) }),
      absence({ repeatsWeeklyUntil: inDays(30 + 800) }),
      absence({ endsAt: paris(inDays(38), '07:00'), repeatsWeeklyUntil: inDays(60) }),
      absence({ membershipId: team.accueil.id }),
      absence({ label: 'x'.repeat(121) }),
      absence({ tenantId: team.tenantId }),
      absence({ startsAt: 'mercredi' }),
    ]) {
      const response = await team.agent.post('/api/v1/absences').send(invalid);
      expect([response.status, response.headers['content-type']]).toEqual([400, expect.stringContaining('application/problem+json')]);
    }
    expect(await count(t, 'SELECT count(*)::int AS n FROM absences WHERE tenant_id = $1', [team.tenantId])).toBe(before);
    await team.agent.get('/api/v1/absences').query({ from: paris(day, '00:00'), to: paris(inDays(90), '00:00'), agentId: 'me' }).expect(400);
    await team.manager.post('/api/v1/absences').send(absence({})).expect(403);
    await team.admin.get('/api/v1/absences').query({ from: paris(day, '00:00'), to: paris(inDays(21), '00:00'), agentId: 'me' }).expect(403);
  });
});

function inDaysFrom(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

describe('opening hours, motifs and settings', () => {
  it('replaces a site’s week at once, refusing overlapping ranges of one day', async () => {
    const path = `/api/v1/sites/${team.siteIds[1]}/opening-hours`;
    expect((await team.agent.get(path).expect(200)).body).toEqual({ siteId: team.siteIds[1], ranges: [] });
    const week = [
      { weekday: 3, opensAt: '14:00', closesAt: '17:00' },
      { weekday: 1, opensAt: '09:00', closesAt: '12:00' },
      { weekday: 1, opensAt: '13:30', closesAt: '17:00' },
    ];
    const saved = (await team.admin.put(path).send({ ranges: week }).expect(200)).body;
    expect(saved.ranges).toEqual([week[1], week[2], week[0]]);
    const overlapping = await team.admin.put(path).send({ ranges: [...week, { weekday: 1, opensAt: '11:00', closesAt: '14:00' }] }).expect(400);
    // 11:00–14:00 meets both Monday ranges.
    expect(overlapping.body.errors.map((error: { path: string }) => error.path).sort()).toEqual(['ranges.2.opensAt', 'ranges.3.opensAt']);
    await team.admin.put(path).send({ ranges: [{ weekday: 8, opensAt: '09:00', closesAt: '12:00' }] }).expect(400);
    await team.admin.put(path).send({ ranges: [{ weekday: 2, opensAt: '12:00', closesAt: '09:00' }] }).expect(400);
    await team.admin.put(path).send({ ranges: [{ weekday: 2, opensAt: '9h', closesAt: '12:00' }] }).expect(400);
    await team.agent.put(path).send({ ranges: [] }).expect(403);
    expect((await team.accueil.get(path).expect(200)).body.ranges).toEqual(saved.ranges);
    await team.admin.put(path).send({ ranges: [] }).expect(200);
    expect((await team.agent.get(path).expect(200)).body.ranges).toEqual([]);
  });

  it('lets the administrator extend, rename and retire motifs', async () => {
    const seeded = Object.keys(await motifsOf(team.admin));
    expect(seeded).toEqual(expect.arrayContaining(['Premier accueil', 'Visite à domicile', 'Entretien en visio']));
    const created = (await team.admin.post('/api/v1/appointment-motifs').send({ label: 'Aide alimentaire', durationMinutes: 25, locationType: 'public_office' }).expect(201)).body;
    expect(created).toEqual({ id: expect.any(String), label: 'Aide alimentaire', durationMinutes: 25, locationType: 'public_office', retired: false });
    await team.admin.post('/api/v1/appointment-motifs').send({ label: 'AIDE ALIMENTAIRÉ', durationMinutes: 25, locationType: 'public_office' }).expect(409);
    await team.admin.post('/api/v1/appointment-motifs').send({ label: 'Trop long', durationMinutes: 481, locationType: 'public_office' }).expect(400);
    const renamed = (await team.admin.patch(`/api/v1/appointment-motifs/${created.id}`).send({ label: 'Colis alimentaire', retired: true }).expect(200)).body;
    expect(renamed).toMatchObject({ label: 'Colis alimentaire', retired: true });
    expect(Object.keys(await motifsOf(team.agent))).not.toContain('Colis alimentaire');
    const all = (await team.admin.get('/api/v1/appointment-motifs').query({ includeRetired: 'true', limit: 3 }).expect(200)).body;
    expect(all.items).toHaveLength(3);
    const rest = (await team.admin.get('/api/v1/appointment-motifs').query({ includeRetired: 'true', limit: 100, cursor: all.nextCursor }).expect(200)).body;
    expect([...all.items, ...rest.items].map((motif: { label: string }) => motif.label)).toContain('Colis alimentaire');
    await team.admin.patch(`/api/v1/appointment-motifs/${created.id}`).send({ label: 'Premier accueil' }).expect(409);
  });

  it('keeps the tenant’s reminder settings, moving reminders not sent yet', async () => {
    expect((await team.agent.get('/api/v1/settings/appointments').expect(200)).body).toEqual({ reminderEmail: true, reminderSms: true, reminderHoursBefore: 48 });
    const appointment = (await book(paris(inDays(40), '10:00')).expect(201)).body;
    const saved = await team.admin.put('/api/v1/settings/appointments').send({ reminderEmail: true, reminderSms: false, reminderHoursBefore: 24 }).expect(200);
    expect(saved.body).toEqual({ reminderEmail: true, reminderSms: false, reminderHoursBefore: 24 });
    const { rows } = await t.owner.query(
      "SELECT DISTINCT due_at FROM appointment_notifications WHERE tenant_id = $1 AND appointment_id = $2 AND kind = 'REMINDER' AND state = 'PENDING'",
      [team.tenantId, appointment.id],
    );
    expect(rows.map((row: { due_at: Date }) => row.due_at.toISOString())).toEqual([addMinutes(appointment.startsAt, -24 * 60)]);
    await team.agent.put('/api/v1/settings/appointments').send({ reminderEmail: false, reminderSms: false, reminderHoursBefore: 24 }).expect(403);
    for (const invalid of [{ reminderEmail: true, reminderSms: true, reminderHoursBefore: 0 }, { reminderEmail: 'yes', reminderSms: true, reminderHoursBefore: 48 }, { reminderEmail: true }]) {
      await team.admin.put('/api/v1/settings/appointments').send(invalid).expect(400);
    }
    expect((await team.manager.get('/api/v1/settings/appointments').expect(200)).body.reminderHoursBefore).toBe(24);
    const other = await createTeam(t);
    expect((await other.agent.get('/api/v1/settings/appointments').expect(200)).body.reminderHoursBefore).toBe(48);
  });
});

describe('demo agendas', () => {
  it('fills the demo agents’ coming weeks without overlaps, around a weekly Wednesday afternoon off', async () => {
    const as = async (email: string) => `Bearer ${await t.tokenFor(email)}`;
    const front = await as('accueil@villeneuve.test');
    const { rows: sites } = await t.owner.query<{ id: string }>('SELECT id FROM sites WHERE tenant_id = $1 ORDER BY name', [DEMO.villeneuveId]);
    const period = { from: new Date().toISOString(), to: new Date(Date.now() + 28 * 86_400_000).toISOString() };
    const items: { agents: { id: string }[]; startsAt: string; endsAt: string; status: string }[] = [];
    for (const site of sites) {
      let cursor: string | undefined;
      do {
        const { body } = await t.http.get('/api/v1/appointments').query({ ...period, siteId: site.id, limit: 100, ...(cursor ? { cursor } : {}) }).set('Authorization', front).expect(200);
        items.push(...body.items);
        cursor = body.nextCursor ?? undefined;
      } while (cursor);
    }
    expect(items.length).toBeGreaterThan(30);
    const held = items.filter((item) => !['EXCUSED', 'REVOKED'].includes(item.status));
    for (const a of held) {
      for (const b of held) {
        const shared = a.agents.some((agent) => b.agents.some((other) => other.id === agent.id));
        if (a !== b && shared) expect(a.startsAt >= b.endsAt || b.startsAt >= a.endsAt).toBe(true);
      }
    }
    const { rows } = await t.owner.query<{ id: string }>("SELECT id FROM memberships WHERE tenant_id = $1 AND email = 'agent2@villeneuve.test'", [DEMO.villeneuveId]);
    const absences = (await t.http.get('/api/v1/absences').query({ ...period, agentId: rows[0].id }).set('Authorization', front).expect(200)).body.items;
    expect(absences.length).toBeGreaterThanOrEqual(3);
    for (const absence of absences) {
      expect(new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', weekday: 'long', hour: '2-digit', minute: '2-digit' }).format(new Date(absence.startsAt))).toBe('mercredi 13:30');
    }
  });
});
