import { PROBLEM_TYPES } from '@ccas/shared';
import { Clock } from '../src/common/clock';
import { addMinutes, booking, count, createFile, type MotifRef, motifsOf, paris, inDays } from './appointments.helpers';
import { createTeam, type Team } from './support/team';
import { startTestApp, type TestApp } from './support/test-app';

let t: TestApp;
let team: Team;
let fileId: string;
let motifs: Record<string, MotifRef>;
let followUp: string;
beforeAll(async () => {
  t = await startTestApp();
  team = await createTeam(t);
  fileId = await createFile(team.agent, 'Perrin');
  motifs = await motifsOf(team.agent);
  followUp = motifs['Suivi de l’accompagnement'].id;
});
afterEach(() => t.app.get(Clock).set(null));
afterAll(() => t.close());

const book = (startsAt: string, overrides: Record<string, unknown> = {}, as = team.agent) =>
  as.post('/api/v1/appointments').send(booking(team, fileId, followUp, startsAt, overrides));
const booked = async (startsAt: string, overrides: Record<string, unknown> = {}, as = team.agent) => (await book(startsAt, overrides, as).expect(201)).body;
const setStatus = (id: string, version: number, status: string, as = team.agent) => as.post(`/api/v1/appointments/${id}/status`).send({ version, status });

describe('booking', () => {
  it('books an appointment for an agent, with the motif’s duration and place unless chosen', async () => {
    const startsAt = paris(inDays(10), '09:00');
    const visit = motifs['Visite à domicile'];
    const created = await booked(startsAt, { motifId: visit.id, durationMinutes: undefined, note: 'Apporter l’avis d’imposition.' });
    expect(created).toMatchObject({
      version: 0,
      beneficiary: { id: fileId, name: 'PERRIN Alix', fileNumber: expect.any(Number) },
      agents: [{ id: team.agent.id, name: 'Agent Test' }],
      site: { id: team.siteIds[0], name: 'Hôtel de ville' },
      motif: { id: visit.id, label: 'Visite à domicile' },
      locationType: 'home',
      startsAt,
      endsAt: addMinutes(startsAt, 60),
      note: 'Apporter l’avis d’imposition.',
      status: 'PLANNED',
      statusChangedAt: null,
      statusChangedBy: null,
      createdBy: { id: team.agent.id },
    });
    const chosen = await booked(paris(inDays(10), '14:00'), { motifId: visit.id, durationMinutes: 90, locationType: 'phone' });
    expect(chosen).toMatchObject({ locationType: 'phone', endsAt: addMinutes(paris(inDays(10), '14:00'), 90) });
    expect((await team.manager.get(`/api/v1/appointments/${created.id}`).expect(200)).body).toEqual(created);
  });

  it('lets the front desk book for any social worker, and a social worker for a colleague or several agents', async () => {
    const day = inDays(11);
    await booked(paris(day, '09:00'), { agentIds: [team.agent2.id] }, team.accueil);
    await booked(paris(day, '10:00'), { agentIds: [team.agent2.id] }, team.agent);
    const pair = await booked(paris(day, '11:00'), { agentIds: [team.agent2.id, team.agent.id] });
    expect(pair.agents.map((agent: { id: string }) => agent.id).sort()).toEqual([team.agent.id, team.agent2.id].sort());
    // Only active social workers of the tenant have an agenda.
    for (const agentId of [team.accueil.id, team.manager.id, team.admin.id]) {
      const refused = await book(paris(day, '15:00'), { agentIds: [agentId] }, team.accueil).expect(400);
      expect(refused.body.errors).toEqual([{ path: 'agentIds', message: 'Choisissez des travailleurs sociaux actifs de votre structure.' }]);
    }
  });

  it('needs a site of the tenant and a motif it still offers', async () => {
    const day = inDays(12);
    const other = await createTeam(t);
    const theirMotif = (await motifsOf(other.admin))['Domiciliation'].id;
    expect((await book(paris(day, '09:00'), { siteId: other.siteIds[0] }).expect(400)).body.errors).toEqual([{ path: 'siteId', message: 'Site inconnu.' }]);
    expect((await book(paris(day, '09:00'), { motifId: theirMotif }).expect(400)).body.errors).toEqual([{ path: 'motifId', message: 'Motif inconnu ou retiré.' }]);
    const motif = (await team.admin.post('/api/v1/appointment-motifs').send({ label: 'Atelier budget', durationMinutes: 90, locationType: 'public_office' }).expect(201)).body;
    const old = await booked(paris(day, '10:00'), { motifId: motif.id });
    await team.admin.patch(`/api/v1/appointment-motifs/${motif.id}`).send({ retired: true }).expect(200);
    await book(paris(day, '14:00'), { motifId: motif.id }).expect(400);
    // An appointment keeps its retired motif through other edits.
    const edited = await team.agent.patch(`/api/v1/appointments/${old.id}`).send({ version: 0, note: 'Salle 2' }).expect(200);
    expect(edited.body).toMatchObject({ motif: { id: motif.id }, note: 'Salle 2', version: 1 });
  });
});

describe('no double booking', () => {
  it('refuses an overlapping appointment with the slot it meets, and no beneficiary data', async () => {
    const startsAt = paris(inDays(14), '10:00');
    await booked(startsAt, { durationMinutes: 60 });
    const refused = await book(addMinutes(startsAt, 30)).expect(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ type: PROBLEM_TYPES.slotTaken, status: 409, title: 'Créneau déjà pris' });
    expect(refused.body.conflicts).toEqual([
      { agent: { id: team.agent.id, name: 'Agent Test' }, startsAt, endsAt: addMinutes(startsAt, 60), kind: 'appointment' },
    ]);
    expect(JSON.stringify(refused.body)).not.toMatch(/Perrin|PERRIN/);
    // Back to back is fine; another agent at the same time too.
    await booked(addMinutes(startsAt, 60));
    await booked(startsAt, { agentIds: [team.agent2.id] });
    // With several agents, the one taken is named.
    const pair = await book(addMinutes(startsAt, 15), { agentIds: [team.agent2.id, team.agent.id] }).expect(409);
    expect(pair.body.conflicts.map((slot: { agent: { id: string } }) => slot.agent.id).sort()).toEqual([team.agent.id, team.agent2.id].sort());
  });

  it('lets exactly one of two simultaneous bookings of the same agent win, every time', async () => {
    const fresh = await createTeam(t);
    const file = await createFile(fresh.agent, 'Concurrent');
    const motif = (await motifsOf(fresh.agent))['Domiciliation'].id;
    for (let pair = 0; pair < 5; pair++) {
      const startsAt = paris(inDays(15), `${String(9 + pair).padStart(2, '0')}:00`);
      const [first, second] = await Promise.all([
        fresh.agent.post('/api/v1/appointments').send(booking(fresh, file, motif, startsAt, { agentIds: [fresh.agent.id] })),
        fresh.accueil.post('/api/v1/appointments').send(booking(fresh, file, motif, addMinutes(startsAt, 10), { agentIds: [fresh.agent.id] })),
      ]);
      expect([first.status, second.status].sort()).toEqual([201, 409]);
      const loser = first.status === 409 ? first : second;
      expect(loser.body.type).toBe(PROBLEM_TYPES.slotTaken);
    }
    expect(await count(t, 'SELECT count(*)::int AS n FROM appointments WHERE tenant_id = $1', [fresh.tenantId])).toBe(5);
    expect(await count(t, 'SELECT count(*)::int AS n FROM agent_busy_slots WHERE tenant_id = $1', [fresh.tenantId])).toBe(5);
  });

  it('frees the slot when an appointment is cancelled, for good', async () => {
    const startsAt = paris(inDays(16), '10:00');
    const first = await booked(startsAt);
    await book(startsAt).expect(409);
    const cancelled = (await setStatus(first.id, 0, 'EXCUSED').expect(200)).body;
    expect(cancelled).toMatchObject({ status: 'EXCUSED', version: 1, statusChangedBy: { id: team.agent.id } });
    await booked(startsAt);
    // A cancellation is final: no status, no move.
    for (const status of ['PLANNED', 'REVOKED', 'SEEN']) await setStatus(first.id, 1, status).expect(409);
    const moved = await team.agent.patch(`/api/v1/appointments/${first.id}`).send({ version: 1, startsAt: addMinutes(startsAt, 120) }).expect(409);
    expect(moved.body.detail).toMatch(/annulation est définitive/);
  });

  it('moves an appointment to a free time, refuses a taken one, and swaps agents without false conflicts', async () => {
    const day = inDays(17);
    const appointment = await booked(paris(day, '09:00'));
    const other = await booked(paris(day, '11:00'));
    const refused = await team.agent.patch(`/api/v1/appointments/${appointment.id}`).send({ version: 0, startsAt: paris(day, '11:15') }).expect(409);
    expect(refused.body.conflicts).toEqual([expect.objectContaining({ startsAt: other.startsAt, kind: 'appointment' })]);
    // Longer on its own time: it never conflicts with itself.
    const longer = (await team.agent.patch(`/api/v1/appointments/${appointment.id}`).send({ version: 0, durationMinutes: 90 }).expect(200)).body;
    expect(longer).toMatchObject({ version: 1, startsAt: appointment.startsAt, endsAt: paris(day, '10:30') });
    const moved = (await team.accueil.patch(`/api/v1/appointments/${appointment.id}`).send({ version: 1, startsAt: paris(day, '14:00') }).expect(200)).body;
    expect(moved).toMatchObject({ version: 2, startsAt: paris(day, '14:00'), endsAt: paris(day, '15:30') });
    await book(paris(day, '09:00')).expect(201);
    // Handing the 11:00 appointment to a colleague while moving it where the first agent is busy.
    const handed = await team.agent
      .patch(`/api/v1/appointments/${other.id}`)
      .send({ version: 0, agentIds: [team.agent2.id], startsAt: paris(day, '14:30') })
      .expect(200);
    expect(handed.body.agents).toEqual([{ id: team.agent2.id, name: 'Agent2 Test' }]);
    await team.agent.patch(`/api/v1/appointments/${other.id}`).send({ version: 0, note: 'x' }).expect(409);
  });
});

describe('statuses', () => {
  it('records whether the person came only once the appointment has started, and lets it be corrected', async () => {
    const startsAt = paris(inDays(20), '10:00');
    const appointment = await booked(startsAt);
    const early = await setStatus(appointment.id, 0, 'SEEN').expect(422);
    expect(early.body.detail).toMatch(/pas encore commencé/);
    await setStatus(appointment.id, 0, 'NO_SHOW').expect(422);

    const clock = t.app.get(Clock);
    clock.set(new Date(Date.parse(startsAt) + 5 * 60_000));
    const seen = (await setStatus(appointment.id, 0, 'SEEN', team.accueil).expect(200)).body;
    expect(seen).toMatchObject({ status: 'SEEN', version: 1, statusChangedAt: addMinutes(startsAt, 5), statusChangedBy: { id: team.accueil.id } });
    await setStatus(appointment.id, 0, 'NO_SHOW').expect(409).expect((res) => expect(res.body.type).toBe(PROBLEM_TYPES.staleVersion));
    clock.set(new Date(Date.parse(startsAt) + 60 * 60_000));
    expect((await setStatus(appointment.id, 1, 'NO_SHOW').expect(200)).body).toMatchObject({ status: 'NO_SHOW', statusChangedAt: addMinutes(startsAt, 60) });
    // Once the person came or not, the appointment can no longer be cancelled…
    const refused = await setStatus(appointment.id, 2, 'REVOKED').expect(409);
    expect(refused.body.detail).toMatch(/ne peut plus être annulé/);
    // …nor moved into the future, but it can go back to planned.
    await team.agent.patch(`/api/v1/appointments/${appointment.id}`).send({ version: 2, startsAt: paris(inDays(30), '10:00') }).expect(422);
    expect((await setStatus(appointment.id, 2, 'PLANNED').expect(200)).body).toMatchObject({ status: 'PLANNED', version: 3 });
    expect((await setStatus(appointment.id, 3, 'REVOKED').expect(200)).body.status).toBe('REVOKED');
  });

  it('lists the reader’s past planned appointments to do, oldest first, until given a status', async () => {
    const fresh = await createTeam(t);
    const file = await createFile(fresh.agent, 'Afaire');
    const motif = (await motifsOf(fresh.agent))['Entretien téléphonique'].id;
    const at = (days: number, time: string) => paris(inDays(days), time);
    const bookFor = async (agentId: string, startsAt: string) =>
      (await fresh.accueil.post('/api/v1/appointments').send(booking(fresh, file, motif, startsAt, { agentIds: [agentId] })).expect(201)).body;
    const first = await bookFor(fresh.agent.id, at(3, '09:00'));
    const second = await bookFor(fresh.agent.id, at(3, '10:00'));
    const later = await bookFor(fresh.agent.id, at(6, '09:00'));
    await bookFor(fresh.agent2.id, at(3, '09:00'));

    const toDo = async () => (await fresh.agent.get('/api/v1/appointments').query({ toDo: 'true' }).expect(200)).body.items.map((item: { id: string }) => item.id);
    expect(await toDo()).toEqual([]);
    t.app.get(Clock).set(new Date(Date.parse(at(3, '10:05'))));
    expect(await toDo()).toEqual([first.id, second.id]);
    await fresh.agent.post(`/api/v1/appointments/${second.id}/status`).send({ version: 0, status: 'NO_SHOW' }).expect(200);
    expect(await toDo()).toEqual([first.id]);
    t.app.get(Clock).set(new Date(Date.parse(at(6, '12:00'))));
    const page = (await fresh.agent.get('/api/v1/appointments').query({ toDo: 'true', limit: 1 }).expect(200)).body;
    expect(page.items.map((item: { id: string }) => item.id)).toEqual([first.id]);
    const next = (await fresh.agent.get('/api/v1/appointments').query({ toDo: 'true', limit: 1, cursor: page.nextCursor }).expect(200)).body;
    expect(next.items.map((item: { id: string }) => item.id)).toEqual([later.id]);
  });

  it('counts the person’s no-shows on the file, for the front desk too, and shows appointments in the timeline', async () => {
    const file = await createFile(team.agent, 'Absente');
    const startsAt = paris(inDays(25), '16:00');
    const missed = (await team.agent.post('/api/v1/appointments').send(booking(team, file, followUp, startsAt)).expect(201)).body;
    const seen = (await team.agent.post('/api/v1/appointments').send(booking(team, file, followUp, addMinutes(startsAt, 60))).expect(201)).body;
    expect((await team.accueil.get(`/api/v1/beneficiaries/${file}`).expect(200)).body.noShowCount).toBe(0);
    t.app.get(Clock).set(new Date(Date.parse(startsAt) + 3 * 3_600_000));
    await setStatus(missed.id, 0, 'NO_SHOW').expect(200);
    await setStatus(seen.id, 0, 'SEEN').expect(200);
    expect((await team.accueil.get(`/api/v1/beneficiaries/${file}`).expect(200)).body.noShowCount).toBe(1);
    const agentView = (await team.agent.get(`/api/v1/beneficiaries/${file}`).expect(200)).body;
    expect(agentView).toMatchObject({ noShowCount: 1, lastContactAt: seen.startsAt });

    const timeline = (await team.manager.get(`/api/v1/beneficiaries/${file}/timeline`).expect(200)).body.items;
    expect(timeline.map((item: { kind: string; id: string }) => [item.kind, item.id])).toEqual([
      ['appointment', seen.id],
      ['appointment', missed.id],
    ]);
    expect(timeline[0]).toMatchObject({ occurredAt: seen.startsAt, appointment: { status: 'SEEN' } });
    const ofFile = (await team.accueil.get('/api/v1/appointments').query({ beneficiaryId: file, limit: 1 }).expect(200)).body;
    expect(ofFile.items.map((item: { id: string }) => item.id)).toEqual([seen.id]);
    const rest = (await team.accueil.get('/api/v1/appointments').query({ beneficiaryId: file, cursor: ofFile.nextCursor }).expect(200)).body;
    expect(rest).toEqual({ items: [expect.objectContaining({ id: missed.id })], nextCursor: null });
  });
});

describe('roles', () => {
  it('lets managers read but not write, and keeps the administrator out of appointments', async () => {
    const appointment = await booked(paris(inDays(26), '09:00'));
    await team.manager.post('/api/v1/appointments').send(booking(team, fileId, followUp, paris(inDays(26), '11:00'))).expect(403);
    await team.manager.patch(`/api/v1/appointments/${appointment.id}`).send({ version: 0, note: 'x' }).expect(403);
    await team.manager.post(`/api/v1/appointments/${appointment.id}/status`).send({ version: 0, status: 'REVOKED' }).expect(403);
    await team.manager.get(`/api/v1/appointments/${appointment.id}`).expect(200);
    await team.admin.get(`/api/v1/appointments/${appointment.id}`).expect(403);
    await team.admin.get('/api/v1/appointments').query({ beneficiaryId: fileId }).expect(403);
    await team.admin.post('/api/v1/appointments').send(booking(team, fileId, followUp, paris(inDays(26), '11:00'))).expect(403);
    await team.agent.post('/api/v1/appointment-motifs').send({ label: 'Autre', durationMinutes: 30, locationType: 'phone' }).expect(403);
    // The note is practical information: every reader of appointments sees it, the front desk included.
    const withNote = await booked(paris(inDays(26), '10:00'), { note: 'Venir avec le dernier avis d’imposition.' }, team.accueil);
    expect((await team.accueil.get(`/api/v1/appointments/${withNote.id}`).expect(200)).body.note).toBe('Venir avec le dernier avis d’imposition.');
    expect(await count(t, 'SELECT count(*)::int AS n FROM appointments WHERE tenant_id = $1 AND note = $2', [team.tenantId, 'x'])).toBe(0);
  });
});

describe('isolation, audit and invalid input', () => {
  it('answers 404 to another tenant on every route and writes nothing here', async () => {
    const appointment = await booked(paris(inDays(27), '09:00'));
    const absence = (await team.agent.post('/api/v1/absences').send({ membershipId: team.agent.id, startsAt: paris(inDays(40), '08:00'), endsAt: paris(inDays(40), '12:00') }).expect(201)).body;
    const motif = motifs['Domiciliation'].id;
    const snapshot = async () => ({
      audit: await count(t, 'SELECT count(*)::int AS n FROM audit_events WHERE tenant_id = $1', [team.tenantId]),
      appointments: await count(t, 'SELECT coalesce(sum(version + 1), 0)::int AS n FROM appointments WHERE tenant_id = $1', [team.tenantId]),
      slots: await count(t, 'SELECT count(*)::int AS n FROM agent_busy_slots WHERE tenant_id = $1', [team.tenantId]),
      hours: await count(t, 'SELECT count(*)::int AS n FROM site_opening_hours WHERE tenant_id = $1', [team.tenantId]),
    });
    const before = await snapshot();
    const other = await createTeam(t);
    const period = { from: paris(inDays(27), '00:00'), to: paris(inDays(28), '00:00') };
    await other.agent.get(`/api/v1/appointments/${appointment.id}`).expect(404);
    await other.agent.patch(`/api/v1/appointments/${appointment.id}`).send({ version: 0, note: 'x' }).expect(404);
    await other.agent.post(`/api/v1/appointments/${appointment.id}/status`).send({ version: 0, status: 'REVOKED' }).expect(404);
    await other.agent.post('/api/v1/appointments').send(booking(other, fileId, (await motifsOf(other.agent))['Domiciliation'].id, paris(inDays(27), '15:00'), { agentIds: [other.agent.id], siteId: other.siteIds[0] })).expect(404);
    await other.agent.get('/api/v1/appointments').query({ beneficiaryId: fileId }).expect(404);
    await other.agent.get('/api/v1/appointments').query({ ...period, agentId: team.agent.id }).expect(404);
    await other.agent.get('/api/v1/appointments').query({ ...period, siteId: team.siteIds[0] }).expect(404);
    await other.agent.get('/api/v1/absences').query({ ...period, agentId: team.agent.id }).expect(404);
    await other.agent.get('/api/v1/absences').query({ ...period, siteId: team.siteIds[0] }).expect(404);
    await other.agent.delete(`/api/v1/absences/${absence.id}`).expect(404);
    await other.admin.get(`/api/v1/sites/${team.siteIds[0]}/opening-hours`).expect(404);
    await other.admin.put(`/api/v1/sites/${team.siteIds[0]}/opening-hours`).send({ ranges: [{ weekday: 1, opensAt: '09:00', closesAt: '12:00' }] }).expect(404);
    await other.admin.patch(`/api/v1/appointment-motifs/${motif}`).send({ retired: true }).expect(404);
    // Ids of this tenant in a body are unknown there.
    await other.agent.post('/api/v1/absences').send({ membershipId: team.agent.id, startsAt: paris(inDays(41), '08:00'), endsAt: paris(inDays(41), '12:00') }).expect(400);
    expect((await other.agent.get('/api/v1/appointments').query({ ...period, agentId: 'me' }).expect(200)).body.items).toEqual([]);
    expect(await snapshot()).toEqual(before);
    expect((await motifsOf(team.agent))['Domiciliation']).toMatchObject({ id: motif });
  });

  it('audits every read and write of appointments on the person’s file', async () => {
    const file = await createFile(team.agent, 'Audit');
    const startsAt = paris(inDays(28), '09:00');
    const appointment = (await team.agent.post('/api/v1/appointments').send(booking(team, file, followUp, startsAt)).expect(201)).body;
    await team.manager.get(`/api/v1/appointments/${appointment.id}`).expect(200);
    await team.agent.patch(`/api/v1/appointments/${appointment.id}`).send({ version: 0, startsAt: addMinutes(startsAt, 30) }).expect(200);
    await setStatus(appointment.id, 1, 'REVOKED', team.accueil).expect(200);
    await team.accueil.get('/api/v1/appointments').query({ from: paris(inDays(28), '00:00'), to: paris(inDays(29), '00:00'), agentId: team.agent.id }).expect(200);
    await team.agent.get('/api/v1/appointments').query({ beneficiaryId: file }).expect(200);
    const { rows } = await t.owner.query(
      `SELECT a.action, a.details->>'target' AS target, a.details->>'appointmentId' AS appointment, m.roles[1] AS role
         FROM audit_events a JOIN memberships m ON m.tenant_id = a.tenant_id AND m.id = a.actor_id
        WHERE a.tenant_id = $1 AND a.entity_type = 'beneficiary' AND a.entity_id = $2 AND a.details->>'target' LIKE 'appointment%' ORDER BY a.seq`,
      [team.tenantId, file],
    );
    expect(rows).toEqual([
      { action: 'create', target: 'appointment', appointment: appointment.id, role: 'AGENT' },
      { action: 'read', target: 'appointment', appointment: appointment.id, role: 'MANAGER' },
      { action: 'update', target: 'appointment', appointment: appointment.id, role: 'AGENT' },
      { action: 'update', target: 'appointment', appointment: appointment.id, role: 'ACCUEIL' },
      { action: 'read', target: 'appointments', appointment: null, role: 'ACCUEIL' },
      { action: 'read', target: 'appointments', appointment: null, role: 'AGENT' },
    ]);
  });

  const start = () => paris(inDays(29), '10:00');
  it.each<[string, () => Record<string, unknown>]>([
    ['a duration given as text', () => ({ durationMinutes: '30' })],
    ['a duration over twelve hours', () => ({ durationMinutes: 721 })],
    ['an unknown field', () => ({ tenantId: team.tenantId })],
    ['an impossible date', () => ({ startsAt: '2027-13-01T10:00:00Z' })],
    ['a date without time zone', () => ({ startsAt: '2027-01-04T10:00:00' })],
    ['a date in the year 3000', () => ({ startsAt: '3000-01-04T10:00:00Z' })],
    ['a date ten years ahead', () => ({ startsAt: new Date(Date.now() + 3650 * 86_400_000).toISOString() })],
    ['a date five years ago', () => ({ startsAt: new Date(Date.now() - 1826 * 86_400_000).toISOString() })],
    ['a huge note', () => ({ note: 'x'.repeat(2001) })],
    ['no agent', () => ({ agentIds: [] })],
    ['the same agent twice', () => ({ agentIds: [team.agent.id, team.agent.id] })],
    ['six agents', () => ({ agentIds: Array.from({ length: 6 }, (_, n) => `019ac000-0000-7000-8000-00000000000${n}`) })],
    ['an unknown location', () => ({ locationType: 'moon' })],
    ['a non-UUID file', () => ({ beneficiaryId: "' OR 1=1 --" })],
  ])('refuses %s with a 4xx problem and writes nothing', async (_, overrides) => {
    const body = booking(team, fileId, followUp, start(), overrides());
    const before = await count(t, 'SELECT count(*)::int AS n FROM appointments WHERE tenant_id = $1', [team.tenantId]);
    const response = await team.agent.post('/api/v1/appointments').send(body);
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(await count(t, 'SELECT count(*)::int AS n FROM appointments WHERE tenant_id = $1', [team.tenantId])).toBe(before);
  });

  it.each([
    ['no period nor filter', {}],
    ['a period without agent nor site', { from: '2027-01-04T00:00:00Z', to: '2027-01-11T00:00:00Z' }],
    ['a period too wide', { from: '2027-01-01T00:00:00Z', to: '2027-03-05T00:00:00Z', agentId: 'me' }],
    ['a period ending before it starts', { from: '2027-01-11T00:00:00Z', to: '2027-01-04T00:00:00Z', agentId: 'me' }],
    ['only one end', { from: '2027-01-04T00:00:00Z', agentId: 'me' }],
    ['the to-do list with a file', { toDo: 'true', beneficiaryId: '019ac000-0000-7000-8000-000000000001' }],
    ['an agent that is neither me nor an id', { from: '2027-01-04T00:00:00Z', to: '2027-01-11T00:00:00Z', agentId: 'everyone' }],
    ['a forged cursor', { toDo: 'true', cursor: 'bm9wZQ' }],
    ['an unknown filter', { toDo: 'true', status: 'PLANNED' }],
  ])('refuses a list query with %s', async (_, query) => {
    const response = await team.agent.get('/api/v1/appointments').query(query).expect(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('refuses invalid statuses and edits', async () => {
    const appointment = await booked(paris(inDays(29), '15:00'));
    await setStatus(appointment.id, 0, 'DONE').expect(400);
    await team.agent.post(`/api/v1/appointments/${appointment.id}/status`).send({ status: 'REVOKED' }).expect(400);
    await team.agent.patch(`/api/v1/appointments/${appointment.id}`).send({ version: 0, beneficiaryId: fileId }).expect(400);
    await team.agent.patch(`/api/v1/appointments/${appointment.id}`).send({ version: 0, durationMinutes: 4 }).expect(400);
    await team.agent.patch('/api/v1/appointments/not-an-id').send({ version: 0 }).expect(400);
    expect((await team.agent.get(`/api/v1/appointments/${appointment.id}`).expect(200)).body.version).toBe(0);
  });
});
