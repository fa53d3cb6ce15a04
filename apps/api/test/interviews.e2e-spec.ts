import { PROBLEM_TYPES } from '@ccas/shared';
import { createTeam, type Team, type TestMember } from './support/team';
import { startTestApp, type TestApp } from './support/test-app';

let t: TestApp;
let team: Team;
beforeAll(async () => {
  t = await startTestApp();
  team = await createTeam(t);
});
afterAll(() => t.close());

async function createFile(): Promise<string> {
  const identity = { lastName: 'Roux', firstName: 'Agnès', birthName: null, alias: null, birthDate: null, sex: null, nationality: null };
  return (await team.agent.post('/api/v1/beneficiaries').send({ identity }).expect(201)).body.id;
}

const interview = (overrides: Record<string, unknown> = {}) => ({
  occurredAt: '2026-11-20T10:30:00+01:00',
  channel: 'IN_PERSON_PLANNED',
  durationMinutes: 45,
  themes: ['Logement', 'Budget, dettes'],
  summary: 'Point sur la demande de logement social.',
  followUpActions: [{ label: 'Relancer le bailleur', dueOn: '2026-12-05', done: false }],
  ...overrides,
});

const PRIVATE_TEXT = 'Évoque des violences conjugales, ne pas en parler devant le conjoint.';

/** Every place an interview shows up, as one reader sees it. */
async function everythingSeenBy(reader: TestMember, fileId: string, interviewId: string): Promise<string> {
  const responses = await Promise.all([
    reader.get(`/api/v1/beneficiaries/${fileId}/interviews`).expect(200),
    reader.get(`/api/v1/beneficiaries/${fileId}/interviews/${interviewId}`).expect(200),
    reader.get(`/api/v1/beneficiaries/${fileId}/interviews/${interviewId}/history`).expect(200),
    reader.get(`/api/v1/beneficiaries/${fileId}/timeline`).expect(200),
    reader.get(`/api/v1/beneficiaries/${fileId}`).expect(200),
  ]);
  return JSON.stringify(responses.map((response) => response.body));
}

describe('interview notes', () => {
  it('shows a private note to its author only — not to colleagues, managers or administrators', async () => {
    const fileId = await createFile();
    const created = await team.agent
      .post(`/api/v1/beneficiaries/${fileId}/interviews`)
      .send(interview({ note: PRIVATE_TEXT, noteVisibility: 'PRIVATE' }))
      .expect(201);
    expect(created.body).toMatchObject({ note: PRIVATE_TEXT, noteVisibility: 'PRIVATE', editable: 'all', author: { id: team.agent.id } });
    // The author edits it once so that the history has an entry.
    await team.agent
      .patch(`/api/v1/beneficiaries/${fileId}/interviews/${created.body.id}`)
      .send({ version: 0, note: `${PRIVATE_TEXT} Suite.`, summary: 'Point logement.' })
      .expect(200);

    expect(await everythingSeenBy(team.agent, fileId, created.body.id)).toContain(PRIVATE_TEXT);
    for (const reader of [team.agent2, team.manager]) {
      const seen = await everythingSeenBy(reader, fileId, created.body.id);
      expect(seen).toContain('Point logement.');
      expect(seen).not.toContain('violences');
    }
    const forColleague = (await team.agent2.get(`/api/v1/beneficiaries/${fileId}/interviews/${created.body.id}`).expect(200)).body;
    expect(forColleague).toMatchObject({ note: null, noteVisibility: null, editable: 'none' });
    await team.admin.get(`/api/v1/beneficiaries/${fileId}/interviews/${created.body.id}`).expect(403);
    await team.accueil.get(`/api/v1/beneficiaries/${fileId}/interviews/${created.body.id}`).expect(403);
  });

  it('hides private notes in the database itself, whatever query the API role runs', async () => {
    const fileId = await createFile();
    await team.agent.post(`/api/v1/beneficiaries/${fileId}/interviews`).send(interview({ note: PRIVATE_TEXT })).expect(201);
    const readAs = async (memberId: string) => {
      const client = await t.appRole.connect();
      try {
        await client.query('BEGIN');
        await client.query("SELECT set_config('app.tenant_id', $1, true), set_config('app.member_id', $2, true)", [team.tenantId, memberId]);
        const { rows } = await client.query('SELECT body FROM interview_notes');
        await client.query('ROLLBACK');
        return rows.map((row: { body: string }) => row.body);
      } finally {
        client.release();
      }
    };
    expect(await readAs(team.agent.id)).toContain(PRIVATE_TEXT);
    expect(await readAs(team.manager.id)).not.toContain(PRIVATE_TEXT);
  });

  it('shows a team note to social workers and managers', async () => {
    const fileId = await createFile();
    const created = await team.agent
      .post(`/api/v1/beneficiaries/${fileId}/interviews`)
      .send(interview({ note: 'Orientée vers la banque alimentaire.', noteVisibility: 'TEAM' }))
      .expect(201);
    for (const reader of [team.agent2, team.manager]) {
      const seen = (await reader.get(`/api/v1/beneficiaries/${fileId}/interviews/${created.body.id}`).expect(200)).body;
      expect(seen).toMatchObject({ note: 'Orientée vers la banque alimentaire.', noteVisibility: 'TEAM' });
    }
  });

  it('makes a note private unless its author shares it', async () => {
    const fileId = await createFile();
    const created = await team.agent.post(`/api/v1/beneficiaries/${fileId}/interviews`).send(interview({ note: 'Brouillon' })).expect(201);
    expect(created.body.noteVisibility).toBe('PRIVATE');
  });
});

describe('editing an interview', () => {
  it('lets the author change everything, a manager the shared fields only, and other workers nothing', async () => {
    const fileId = await createFile();
    const path = `/api/v1/beneficiaries/${fileId}/interviews/${
      (await team.agent.post(`/api/v1/beneficiaries/${fileId}/interviews`).send(interview({ note: PRIVATE_TEXT })).expect(201)).body.id
    }`;

    await team.agent2.patch(path).send({ version: 0, summary: 'Réécrit' }).expect(403);
    const { rows: denials } = await t.owner.query(
      "SELECT details FROM audit_events WHERE tenant_id = $1 AND actor_id = $2 AND action = 'denied'",
      [team.tenantId, team.agent2.id],
    );
    expect(denials).toEqual([{ details: expect.objectContaining({ target: 'interview' }) }]);
    const refused = await team.manager.patch(path).send({ version: 0, note: 'Remplacée' }).expect(403);
    expect(refused.body.detail).toBe('Seul l’auteur d’une note peut la modifier.');
    await team.manager.patch(path).send({ version: 0, noteVisibility: 'TEAM' }).expect(403);

    const byManager = await team.manager.patch(path).send({ version: 0, themes: ['Logement'], durationMinutes: 60 }).expect(200);
    expect(byManager.body).toMatchObject({ version: 1, themes: ['Logement'], durationMinutes: 60, editable: 'shared' });
    const byAuthor = await team.agent.patch(path).send({ version: 1, noteVisibility: 'TEAM' }).expect(200);
    expect(byAuthor.body).toMatchObject({ version: 2, note: PRIVATE_TEXT, noteVisibility: 'TEAM', themes: ['Logement'] });

    const stale = await team.agent.patch(path).send({ version: 1, summary: 'Trop tard' }).expect(409);
    expect(stale.body.type).toBe(PROBLEM_TYPES.staleVersion);
  });

  it('keeps who changed which fields and when, with former shared values but never a note’s text', async () => {
    const fileId = await createFile();
    const path = `/api/v1/beneficiaries/${fileId}/interviews/${
      (await team.agent.post(`/api/v1/beneficiaries/${fileId}/interviews`).send(interview({ note: PRIVATE_TEXT })).expect(201)).body.id
    }`;
    await team.agent.patch(path).send({ version: 0, note: 'Nouvelle version de la note', summary: 'Synthèse corrigée' }).expect(200);
    await team.manager.patch(path).send({ version: 1, channel: 'PHONE', occurredAt: '2026-11-20T09:30:00Z' }).expect(200);
    // Sending unchanged values records nothing (whatever the order of their keys).
    await team.agent
      .patch(path)
      .send({ version: 2, channel: 'PHONE', followUpActions: [{ done: false, dueOn: '2026-12-05', label: 'Relancer le bailleur' }] })
      .expect(200);

    const history = (await team.agent.get(`${path}/history`).expect(200)).body;
    expect(history.items).toEqual([
      expect.objectContaining({
        revisedBy: { id: team.manager.id, name: 'Manager Test' },
        changedFields: ['channel'],
        previous: { channel: 'IN_PERSON_PLANNED' },
      }),
      expect.objectContaining({
        revisedBy: { id: team.agent.id, name: 'Agent Test' },
        changedFields: ['summary', 'note'],
        previous: { summary: 'Point sur la demande de logement social.' },
      }),
    ]);
    const { rows } = await t.owner.query('SELECT previous::text FROM interview_revisions WHERE tenant_id = $1', [team.tenantId]);
    expect(JSON.stringify(rows)).not.toContain('violences');

    // A colleague who cannot read the private note is not told that it changed.
    const seenByColleague = (await team.agent2.get(`${path}/history`).expect(200)).body;
    expect(seenByColleague.items.map((item: { changedFields: string[] }) => item.changedFields)).toEqual([['channel'], ['summary']]);
  });

  it('moves the last contact back when a mistyped interview date is corrected', async () => {
    const fileId = await createFile();
    await team.agent.post(`/api/v1/beneficiaries/${fileId}/interviews`).send(interview({ occurredAt: '2026-01-10T09:00:00Z' })).expect(201);
    const typo = (await team.agent.post(`/api/v1/beneficiaries/${fileId}/interviews`).send(interview({ occurredAt: '2026-11-21T09:00:00Z' })).expect(201)).body;
    await team.agent.patch(`/api/v1/beneficiaries/${fileId}/interviews/${typo.id}`).send({ version: 0, occurredAt: '2025-11-21T09:00:00Z' }).expect(200);
    const file = (await team.agent.get(`/api/v1/beneficiaries/${fileId}`).expect(200)).body;
    expect(file.lastContactAt).toBe('2026-01-10T09:00:00.000Z');
  });
});

describe('timeline', () => {
  it('lists the file’s interviews newest first, page by page, and moves the last contact date forward only', async () => {
    const fileId = await createFile();
    const dates = ['2026-03-01T09:00:00Z', '2026-10-01T09:00:00Z', '2026-06-01T09:00:00Z', '2026-06-01T09:00:00Z'];
    for (const occurredAt of dates) {
      await team.agent.post(`/api/v1/beneficiaries/${fileId}/interviews`).send(interview({ occurredAt })).expect(201);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const { body }: { body: { items: { kind: string; occurredAt: string }[]; nextCursor: string | null } } = await team.manager.get(`/api/v1/beneficiaries/${fileId}/timeline`).query({ limit: 3, ...(cursor ? { cursor } : {}) }).expect(200);
      expect(body.items.every((item: { kind: string }) => item.kind === 'interview')).toBe(true);
      seen.push(...body.items.map((item: { occurredAt: string }) => item.occurredAt));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['2026-10-01T09:00:00.000Z', '2026-06-01T09:00:00.000Z', '2026-06-01T09:00:00.000Z', '2026-03-01T09:00:00.000Z']);

    const file = (await team.agent.get(`/api/v1/beneficiaries/${fileId}`).expect(200)).body;
    expect(file.lastContactAt).toBe('2026-10-01T09:00:00.000Z');
  });

  it('is closed to the front desk, and interviews are written by social workers only', async () => {
    const fileId = await createFile();
    await team.accueil.get(`/api/v1/beneficiaries/${fileId}/timeline`).expect(403);
    await team.accueil.post(`/api/v1/beneficiaries/${fileId}/interviews`).send(interview()).expect(403);
    await team.manager.post(`/api/v1/beneficiaries/${fileId}/interviews`).send(interview()).expect(403);
  });
});
