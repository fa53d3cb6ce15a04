import { randomUUID } from 'node:crypto';
import { formatFileNumber, PRIVATE_NOTES_RULE, type Role } from '@ccas/shared';
import { Clock } from '../src/common/clock';
import { booking, inDays, motifsOf, paris } from './appointments.helpers';
import { auditEvents } from './support/factories';
import { createTeam, type Team, type TestMember } from './support/team';
import { startTestApp, type TestApp } from './support/test-app';

let t: TestApp;
let team: Team;
/** A director who also accompanies people (MANAGER and AGENT): the only kind of manager who writes notes. */
let director: TestMember;
beforeAll(async () => {
  t = await startTestApp();
  team = await createTeam(t);
  director = await memberWithRoles(team.tenantId, ['MANAGER', 'AGENT'], 'Directrice');
});
afterAll(() => t.close());

async function memberWithRoles(tenantId: string, roles: Role[], firstName: string): Promise<TestMember> {
  const subject = `subject-${randomUUID()}`;
  const email = `${firstName.toLowerCase()}-${randomUUID().slice(0, 8)}@example.test`;
  const { rows } = await t.owner.query<{ id: string }>(
    `INSERT INTO memberships (tenant_id, email, first_name, last_name, roles, subject) VALUES ($1, $2, $3, 'Test', $4, $5) RETURNING id`,
    [tenantId, email, firstName, roles, subject],
  );
  const token = await t.issuer.sign({ sub: subject, email, email_verified: true, sid: randomUUID() }, { expiresIn: '1h' });
  const auth = <T extends { set(name: string, value: string): T }>(req: T) => req.set('Authorization', `Bearer ${token}`);
  return {
    id: rows[0].id,
    email,
    get: (path) => auth(t.http.get(path)),
    post: (path) => auth(t.http.post(path)),
    put: (path) => auth(t.http.put(path)),
    patch: (path) => auth(t.http.patch(path)),
    delete: (path) => auth(t.http.delete(path)),
  };
}

const unique = (text: string) => `${text} ${randomUUID().slice(0, 8)}`;

const interview = (overrides: Record<string, unknown>) => ({
  occurredAt: '2026-11-20T10:30:00+01:00',
  channel: 'IN_PERSON_PLANNED',
  durationMinutes: 45,
  themes: ['Logement'],
  summary: 'Point logement',
  followUpActions: [],
  ...overrides,
});

/** A file holding one record of every kind, written by several people; returns what to look for. */
async function fullFile() {
  const texts = {
    lastName: '<script>alert("x")</script>',
    firstName: 'Zoé & Noé',
    household: unique('Enfantine'),
    teamSummary: unique('Synthèse partagée'),
    teamNote: unique('Note d’équipe visible'),
    otherPrivateSummary: unique('Synthèse du collègue'),
    otherPrivateNote: unique('Secret du collègue'),
    directorSummary: unique('Synthèse de la directrice'),
    directorPrivateNote: unique('Secret de la directrice'),
    procedureNote: unique('Déclaration faite'),
    assessmentReason: unique('Pas aujourd’hui'),
    partner: unique('Médiathèque Voltaire'),
    referralReason: unique('Atelier numérique'),
    appointmentNote: unique('Apporter l’avis d’imposition'),
  };
  const identity = { lastName: texts.lastName, firstName: texts.firstName, birthName: null, alias: null, birthDate: '1984-03-14', sex: 'FEMALE', nationality: null };
  const file = (await team.agent.post('/api/v1/beneficiaries').send({ identity }).expect(201)).body;
  const path = `/api/v1/beneficiaries/${file.id}`;
  await team.agent.post(`${path}/household-members`).send({ relation: 'CHILD', firstName: texts.household, lastName: null, birthDate: '2015-04-09', livesInHousehold: true }).expect(201);
  await team.agent.post(`${path}/interviews`).send(interview({ summary: texts.teamSummary, note: texts.teamNote, noteVisibility: 'TEAM' })).expect(201);
  await team.agent2.post(`${path}/interviews`).send(interview({ summary: texts.otherPrivateSummary, note: texts.otherPrivateNote, noteVisibility: 'PRIVATE' })).expect(201);
  await director.post(`${path}/interviews`).send(interview({ summary: texts.directorSummary, note: texts.directorPrivateNote, noteVisibility: 'PRIVATE' })).expect(201);

  const catalogue = [
    ...(await team.agent.get('/api/v1/catalogues/organism').query({ limit: 100 }).expect(200)).body.items,
    ...(await team.agent.get('/api/v1/catalogues/procedure-type').query({ limit: 100 }).expect(200)).body.items,
  ];
  const entry = (kind: string, code: string) => catalogue.find((item: { kind: string; code: string }) => item.kind === kind && item.code === code).id;
  await team.agent
    .post('/api/v1/procedures')
    .send({
      beneficiaryId: file.id,
      organismId: entry('organism', 'CAF'),
      procedureTypeId: entry('procedure-type', 'RESOURCES_DECLARATION'),
      mode: 'A_LA_PLACE',
      reasons: ['NO_SKILLS'],
      consent: 'ORAL',
      durationMinutes: 20,
      outcome: 'DONE',
      note: texts.procedureNote,
    })
    .expect(201);
  await team.agent
    .post('/api/v1/digital-assessments')
    .send({
      beneficiaryId: file.id,
      declined: false,
      answers: {
        equipment: { smartphone: true, computerOrTablet: false, internetAtHome: false, mobileData: true },
        emailAccess: 'WITH_HELP',
        onlineAccounts: ['AMELI'],
        skills: { useDevice: 'ALONE', browse: 'WITH_HELP', fillForm: 'NO', scanAndSend: 'NO', managePasswords: 'NO' },
        barriers: ['READING_WRITING'],
        willingToLearn: 'YES',
      },
    })
    .expect(201);
  await team.agent.post('/api/v1/digital-assessments').send({ beneficiaryId: file.id, declined: true, reason: texts.assessmentReason }).expect(201);
  const partner = (await team.admin.post('/api/v1/partners').send({ name: texts.partner, kind: 'LIBRARY', address: null, contact: null, offer: null }).expect(201)).body;
  await team.agent.post('/api/v1/referrals').send({ beneficiaryId: file.id, partnerId: partner.id, reason: texts.referralReason }).expect(201);
  const motif = Object.values(await motifsOf(team.agent))[0];
  await team.agent
    .post('/api/v1/appointments')
    .send(booking(team, file.id, motif.id, paris(inDays(12), '10:00'), { note: texts.appointmentNote }))
    .expect(201);
  return { file, texts, motif };
}

const exportOf = (as: TestMember, fileId: string, format?: 'html' | 'json') =>
  as.get(`/api/v1/beneficiaries/${fileId}/access-export`).query(format ? { format } : {});

describe('right of access export', () => {
  let subject: Awaited<ReturnType<typeof fullFile>>;
  beforeAll(async () => {
    subject = await fullFile();
  });

  it('gives the manager everything held about the person as JSON, except others’ private notes', async () => {
    const { file, texts, motif } = subject;
    const response = await exportOf(team.manager, file.id).expect(200);
    expect(response.headers['content-type']).toContain('application/json');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="droit-acces-${formatFileNumber(file.fileNumber)}.json"`);
    expect(response.headers['cache-control']).toBe('no-store');
    const data = response.body;
    expect(data).toMatchObject({
      generatedBy: { id: team.manager.id, name: 'Manager Test' },
      privateNotesRule: PRIVATE_NOTES_RULE,
      file: { id: file.id, fileNumber: file.fileNumber, identity: { lastName: texts.lastName, firstName: texts.firstName, birthDate: '1984-03-14' } },
    });
    // The social sections are there, not only what the front desk sees.
    expect(data.file.situation).toBeDefined();
    expect(data.household).toEqual([expect.objectContaining({ firstName: texts.household, relation: 'CHILD', birthDate: '2015-04-09' })]);
    expect(data.interviews.map((item: { summary: string }) => item.summary).sort()).toEqual([texts.directorSummary, texts.otherPrivateSummary, texts.teamSummary].sort());
    expect(data.interviews.find((item: { summary: string }) => item.summary === texts.teamSummary)).toMatchObject({ note: texts.teamNote, noteVisibility: 'TEAM' });
    for (const summary of [texts.otherPrivateSummary, texts.directorSummary]) {
      expect(data.interviews.find((item: { summary: string }) => item.summary === summary)).toMatchObject({ note: null, noteVisibility: null });
    }
    expect(data.procedures).toEqual([expect.objectContaining({ note: texts.procedureNote, mode: 'A_LA_PLACE', outcome: 'DONE' })]);
    expect(data.digitalAssessments.map((item: { declined: boolean; level: string | null }) => [item.declined, item.level])).toEqual([
      [true, null],
      [false, 'A_ACCOMPAGNER'],
    ]);
    expect(data.referrals).toEqual([expect.objectContaining({ reason: texts.referralReason, partner: expect.objectContaining({ name: texts.partner }) })]);
    expect(data.appointments).toEqual([expect.objectContaining({ note: texts.appointmentNote, motif: { id: motif.id, label: motif.label } })]);
    // Nothing of the form's internals (versions, what the reader may edit).
    expect(data.interviews[0]).not.toHaveProperty('editable');
    expect(data.procedures[0]).not.toHaveProperty('version');

    const raw = JSON.stringify(data);
    expect(raw).not.toContain(texts.otherPrivateNote);
    expect(raw).not.toContain(texts.directorPrivateNote);
  });

  it('lists who accessed the file, the export itself included, and records the export', async () => {
    const { file } = subject;
    const data = (await exportOf(team.manager, file.id).expect(200)).body;
    const actors = new Set(data.accessLog.map((entry: { actor: { name: string } }) => entry.actor.name));
    expect(actors).toEqual(new Set(['Agent Test', 'Agent2 Test', 'Directrice Test', 'Manager Test']));
    expect(data.accessLog[0]).toMatchObject({ action: 'export', target: 'access-export', actor: { id: team.manager.id } });
    expect(data.accessLog).toContainEqual(expect.objectContaining({ action: 'create', target: 'interview', actor: { id: team.agent2.id, name: 'Agent2 Test' } }));

    await exportOf(team.manager, file.id, 'html').expect(200);
    const exports = await auditEvents(t.owner, { tenantId: team.tenantId, actorId: team.manager.id, action: 'export' });
    expect(exports.map((event) => event.details)).toEqual(
      expect.arrayContaining([
        { target: 'access-export', format: 'json' },
        { target: 'access-export', format: 'html' },
      ]),
    );
  });

  it('renders a printable French HTML document with a section per kind, the rule explained, and every value escaped', async () => {
    const { file, texts, motif } = subject;
    const response = await exportOf(team.manager, file.id, 'html').expect(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="droit-acces-${formatFileNumber(file.fileNumber)}.html"`);
    const page = response.text;
    expect(page).toMatch(/^<!doctype html>\s*<html lang="fr">/);
    expect(page).toContain('@media print');
    // The stylesheet is written in the source, not escaped like data: its quoted font name survives.
    expect(page).toContain('font: 11pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;');
    expect(page).not.toMatch(/<style>[^<]*&quot;/);
    for (const title of ['Dossier', 'Foyer (1)', 'Entretiens (3)', 'Démarches faites avec ou pour la personne (1)', 'Diagnostics numériques (2)', 'Orientations vers des partenaires (1)', 'Rendez-vous (1)']) {
      expect(page).toContain(`>${title}</h2>`);
    }
    expect(page).toContain('par Manager Test, au titre du droit d’accès');
    // Paris time: the interview of 10:30 (+01:00).
    expect(page).toContain('20 novembre 2026 à 10:30');
    const escaped = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
    for (const text of [texts.household, texts.teamSummary, texts.teamNote, texts.otherPrivateSummary, texts.directorSummary, texts.procedureNote, texts.assessmentReason, texts.partner, texts.referralReason, texts.appointmentNote, motif.label]) {
      expect(page).toContain(escaped(text));
    }
    expect(page).toContain(escaped(PRIVATE_NOTES_RULE));
    expect(page).toContain('À accompagner');
    expect(page).toContain('Diagnostic refusé par la personne');
    // The name is shown as text: no markup of the person's own, no script at all.
    expect(page).toContain('&lt;SCRIPT&gt;ALERT(&quot;X&quot;)&lt;/SCRIPT&gt; Zoé &amp; Noé');
    expect(page).not.toMatch(/<script/i);
    expect(page).toContain(`Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(page).not.toContain(texts.otherPrivateNote);
    expect(page).not.toContain(texts.directorPrivateNote);
    // Who accessed the file, by name.
    expect(page).toContain('<td>Agent2 Test</td><td>Création</td><td>Entretien</td>');
  });

  it('includes the exporter’s own private notes, never a colleague’s', async () => {
    const { file, texts } = subject;
    const data = (await exportOf(director, file.id).expect(200)).body;
    expect(data.interviews.find((item: { summary: string }) => item.summary === texts.directorSummary)).toMatchObject({
      note: texts.directorPrivateNote,
      noteVisibility: 'PRIVATE',
    });
    const page = (await exportOf(director, file.id, 'html').expect(200)).text;
    expect(page).toContain(texts.directorPrivateNote);
    expect(page).toContain('Note privée (de l’auteur de ce document)');
    expect(JSON.stringify(data) + page).not.toContain(texts.otherPrivateNote);
  });

  it('is dated by the application clock, shown in Paris time', async () => {
    const { file } = subject;
    const clock = t.app.get(Clock);
    clock.set(new Date('2026-11-29T23:30:00Z'));
    try {
      expect((await exportOf(team.manager, file.id).expect(200)).body.generatedAt).toBe('2026-11-29T23:30:00.000Z');
      expect((await exportOf(team.manager, file.id, 'html').expect(200)).text).toContain('Document établi le 30 novembre 2026 à 00:30 (heure de Paris)');
    } finally {
      clock.set(null);
    }
  });

  it('is for members holding the export permission only: front desk, social workers and administrators get 403', async () => {
    const { file } = subject;
    for (const member of [team.accueil, team.agent, team.admin]) {
      const response = await exportOf(member, file.id, 'html').expect(403);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('looks exactly like a missing file from another tenant, and refuses bad input', async () => {
    const { file } = subject;
    const other = await createTeam(t);
    const foreign = await exportOf(other.manager, file.id).expect(404);
    expect(foreign.headers['content-type']).toContain('application/problem+json');
    expect(foreign.text).not.toContain(subject.texts.teamSummary);
    await exportOf(team.manager, randomUUID()).expect(404);
    await team.manager.get('/api/v1/beneficiaries/not-an-id/access-export').expect(400);
    const badFormat = await team.manager.get(`/api/v1/beneficiaries/${file.id}/access-export`).query({ format: 'pdf' }).expect(400);
    expect(badFormat.headers['content-type']).toContain('application/problem+json');
    expect(badFormat.body.errors).toEqual([expect.objectContaining({ path: 'format' })]);
    await team.manager.get(`/api/v1/beneficiaries/${file.id}/access-export`).query({ format: 'json', extra: '1' }).expect(400);
    // Nothing of the refused requests was recorded as an export by the other tenant's manager.
    expect(await auditEvents(t.owner, { tenantId: other.tenantId, action: 'export' })).toEqual([]);
  });
});
