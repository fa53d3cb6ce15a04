import { createHash } from 'node:crypto';
import ICAL from 'ical.js';
import { createFile, inDays, motifsOf, paris } from './appointments.helpers';
import { auditEvents } from './support/factories';
import { createTeam, type Team, type TestMember } from './support/team';
import { startTestApp, type TestApp } from './support/test-app';

let t: TestApp;
let team: Team;
let other: Team;
/** The agent's appointments the feed must show, and those it must not. */
const shown: Record<string, string> = {};
const hidden: Record<string, string> = {};
let theirs: string;

beforeAll(async () => {
  t = await startTestApp();
  [team, other] = await Promise.all([createTeam(t), createTeam(t)]);
  const identity = { lastName: 'Lefèvre', firstName: 'Nadia', birthName: null, alias: null, birthDate: null, sex: null, nationality: null };
  const person = (await team.agent.post('/api/v1/beneficiaries').send({ identity }).expect(201)).body.id as string;
  await t.owner.query("UPDATE beneficiaries SET phone = '06 98 76 54 32', email = 'nadia.lefevre@example.test' WHERE id = $1", [person]);

  const book = async (as: TestMember, of: Team, startsAt: string, overrides: Record<string, unknown> = {}) => {
    const motifs = await motifsOf(as);
    const body = { beneficiaryId: person, agentIds: [of.agent.id], siteId: of.siteIds[0], motifId: motifs['Premier accueil'].id, startsAt, durationMinutes: 45, ...overrides };
    return (await as.post('/api/v1/appointments').send(body).expect(201)).body as { id: string };
  };
  shown.upcoming = (await book(team.agent, team, paris(inDays(5), '14:30'), { note: 'Parle de ses dettes de loyer' })).id;
  shown.lastMonth = (await book(team.agent, team, paris(inDays(-30), '09:00'))).id;
  await team.agent.post(`/api/v1/appointments/${shown.lastMonth}/status`).send({ version: 0, status: 'SEEN' }).expect(200);
  hidden.cancelled = (await book(team.agent, team, paris(inDays(6), '10:00'))).id;
  await team.agent.post(`/api/v1/appointments/${hidden.cancelled}/status`).send({ version: 0, status: 'EXCUSED' }).expect(200);
  hidden.tooOld = (await book(team.agent, team, paris(inDays(-100), '10:00'))).id;
  hidden.tooFar = (await book(team.agent, team, paris(inDays(400), '10:00'))).id;
  hidden.colleague = (await book(team.agent, team, paris(inDays(5), '14:30'), { agentIds: [team.agent2.id] })).id;

  const elsewhere = await createFile(other.agent, 'Durand');
  const motifs = await motifsOf(other.agent);
  theirs = (
    await other.agent
      .post('/api/v1/appointments')
      .send({ beneficiaryId: elsewhere, agentIds: [other.agent.id], siteId: other.siteIds[0], motifId: motifs['Premier accueil'].id, startsAt: paris(inDays(5), '14:30') })
      .expect(201)
  ).body.id;
});
afterAll(() => t.close());

/** The path of a subscription address (the test app's public URL is not served). */
const pathOf = (url: string) => new URL(url).pathname;
const tokenOf = (url: string) => /\/calendar\/([^/]+)\.ics$/.exec(url)?.[1] ?? '';

async function subscribe(as: TestMember): Promise<string> {
  const { body } = await as.post('/api/v1/calendar-feed').expect(201);
  expect(body).toEqual({ url: expect.stringMatching(/^https:\/\/ccas\.example\.test\/api\/v1\/calendar\/[A-Za-z0-9_-]{43}\.ics$/), createdAt: expect.any(String) });
  return body.url;
}

/** Fetches and parses a feed with ical.js, resolving its times through the VTIMEZONE it carries. */
async function readFeed(url: string) {
  const response = await t.http.get(pathOf(url)).expect(200);
  expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
  const calendar = new ICAL.Component(ICAL.parse(response.text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
  return { text: response.text, calendar, events };
}

describe('the calendar subscription address', () => {
  it('is created once shown, kept only as a hash, and says whether one is active', async () => {
    const as = team.manager;
    expect((await as.get('/api/v1/calendar-feed').expect(200)).body).toEqual({ active: false, createdAt: null });
    const url = await subscribe(as);
    const { rows } = await t.owner.query<{ token_hash: Buffer }>(
      'SELECT token_hash FROM calendar_feeds WHERE membership_id = $1 AND revoked_at IS NULL',
      [as.id],
    );
    expect(rows).toEqual([{ token_hash: createHash('sha256').update(tokenOf(url)).digest() }]);
    const status = (await as.get('/api/v1/calendar-feed').expect(200)).body;
    expect(status).toEqual({ active: true, createdAt: expect.any(String) });
    expect(JSON.stringify(status)).not.toContain(tokenOf(url));
  });

  it('is for members who have an agenda', async () => {
    await team.admin.post('/api/v1/calendar-feed').expect(403);
    await t.http.post('/api/v1/calendar-feed').expect(401);
  });
});

describe('the ICS feed', () => {
  it('is valid iCalendar with the agent’s appointments, in Paris time, with initials and reason only', async () => {
    const { text, calendar, events } = await readFeed(await subscribe(team.agent));

    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(events.map((event) => event.uid).sort()).toEqual([`${shown.lastMonth}@ccas`, `${shown.upcoming}@ccas`].sort());
    const upcoming = events.find((event) => event.uid === `${shown.upcoming}@ccas`)!;
    expect(upcoming.summary).toBe('RDV N. L. — Premier accueil');
    expect(upcoming.location).toBe('Hôtel de ville');
    expect(upcoming.startDate.zone?.tzid).toBe('Europe/Paris');
    expect(upcoming.startDate.toString()).toBe(`${inDays(5)}T14:30:00`);
    expect(upcoming.startDate.toJSDate().toISOString()).toBe(paris(inDays(5), '14:30'));
    expect(upcoming.endDate.toJSDate().toISOString()).toBe(new Date(Date.parse(paris(inDays(5), '14:30')) + 45 * 60_000).toISOString());
    expect(text).toMatch(/^BEGIN:VTIMEZONE\r\nTZID:Europe\/Paris\r\n/m);

    // Nothing else about the person: no name, no contact, no note.
    expect(text).not.toMatch(/Lef[eè]vre|LEF[EÈ]VRE|Nadia|06 ?98|nadia\.lefevre|dettes/i);
  });

  it('is audited as a read of the member’s feed, without personal data', async () => {
    const url = await subscribe(team.agent2);
    await readFeed(url);
    const reads = (await auditEvents(t.owner, { tenantId: team.tenantId, actorId: team.agent2.id, action: 'read' })).filter(
      (event) => event.details.events !== undefined,
    );
    expect(reads.map((event) => event.details)).toEqual([{ events: 1 }]);
  });

  it('never shows another tenant’s appointments', async () => {
    const ours = await readFeed(await subscribe(team.agent));
    const their = await readFeed(await subscribe(other.agent));
    expect(their.events.map((event) => event.uid)).toEqual([`${theirs}@ccas`]);
    expect(ours.events.map((event) => event.uid)).not.toContain(`${theirs}@ccas`);
    expect(Object.values(hidden).map((id) => `${id}@ccas`).filter((uid) => ours.text.includes(uid))).toEqual([]);
  });

  it('stops at once when the address is replaced or revoked, with the same 404 as an unknown one', async () => {
    const first = await subscribe(team.agent);
    const second = await subscribe(team.agent);
    const replaced = await t.http.get(pathOf(first)).expect(404);
    await readFeed(second);

    await team.agent.delete('/api/v1/calendar-feed').expect(204);
    const revoked = await t.http.get(pathOf(second)).expect(404);
    expect((await team.agent.get('/api/v1/calendar-feed').expect(200)).body).toEqual({ active: false, createdAt: null });
    await team.agent.delete('/api/v1/calendar-feed').expect(404);

    const unknown = await t.http.get(`/api/v1/calendar/${'A'.repeat(43)}.ics`).expect(404);
    const malformed = await t.http.get('/api/v1/calendar/not-a-token.ics').expect(404);
    const said = (answer: { body: Record<string, unknown> }) => ({ type: answer.body.type, title: answer.body.title, detail: answer.body.detail });
    for (const answer of [replaced, revoked, malformed]) expect(said(answer)).toEqual(said(unknown));
    expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('stops when the member is deactivated', async () => {
    const member = await createTeam(t);
    const url = await subscribe(member.agent);
    await readFeed(url);
    await t.owner.query('UPDATE memberships SET active = false WHERE id = $1', [member.agent.id]);
    await t.http.get(pathOf(url)).expect(404);
  });
});
