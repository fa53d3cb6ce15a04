import { Logger } from '@nestjs/common';
import { formatFileNumber } from '@ccas/shared';
import { Clock } from '../src/common/clock';
import { AuditEventsService } from '../src/modules/audit-events/audit-events.service';
import { auditEvents } from './support/factories';
import { createTeam, type Team, type TestMember } from './support/team';
import { startTestApp, type TestApp } from './support/test-app';

let t: TestApp;
let team: Team;
let files: { id: string; fileNumber: number }[];
beforeAll(async () => {
  t = await startTestApp();
  team = await createTeam(t);
  // A small history: two files created and read by two agents, and a manager's export.
  files = [];
  for (const [as, lastName] of [
    [team.agent, 'Lambert'],
    [team.agent2, 'Caron'],
  ] as const) {
    const identity = { lastName, firstName: 'Inès', birthName: null, alias: null, birthDate: null, sex: null, nationality: null };
    const file = (await as.post('/api/v1/beneficiaries').send({ identity }).expect(201)).body;
    await as.get(`/api/v1/beneficiaries/${file.id}`).expect(200);
    files.push({ id: file.id, fileNumber: file.fileNumber });
  }
  await team.agent2.get(`/api/v1/beneficiaries/${files[0].id}/timeline`).expect(200);
  await team.manager.get(`/api/v1/beneficiaries/${files[0].id}/access-export`).expect(200);
});
afterAll(() => t.close());

interface Row {
  seq: string;
  occurred_at: Date;
}

/** The tenant's events matching a SQL condition, newest first: what each filter must return, exactly. */
async function expectedSeqs(condition = 'true', params: unknown[] = []): Promise<number[]> {
  const { rows } = await t.owner.query<Row>(`SELECT seq FROM audit_events WHERE tenant_id = $1 AND ${condition} ORDER BY seq DESC`, [team.tenantId, ...params]);
  return rows.map((row) => Number(row.seq));
}

/** Every page of the list for these filters, walked with the cursors. */
async function allPages(as: TestMember, query: Record<string, string | number>, limit = 3): Promise<{ seq: number; [key: string]: unknown }[]> {
  const items: { seq: number }[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 100; page++) {
    const body = (await as.get('/api/v1/audit-events').query({ ...query, limit, ...(cursor ? { cursor } : {}) }).expect(200)).body;
    expect(body.items.length).toBeLessThanOrEqual(limit);
    items.push(...body.items);
    if (!body.nextCursor) return items;
    cursor = body.nextCursor;
  }
  throw new Error('too many pages');
}

const seqs = (items: { seq: number }[]) => items.map((item) => item.seq);

describe('GET /audit-events filters', () => {
  it('by member: exactly their events, with their name', async () => {
    const items = await allPages(team.manager, { actorId: team.agent2.id });
    expect(seqs(items)).toEqual(await expectedSeqs('actor_id = $2', [team.agent2.id]));
    expect(items.length).toBeGreaterThan(2);
    expect(items.every((item) => (item.actor as { name: string }).name === 'Agent2 Test')).toBe(true);
  });

  it('by file, given its number or its id: the file’s events, with the file number', async () => {
    const expected = await expectedSeqs("entity_type = 'beneficiary' AND entity_id = $2", [files[0].id]);
    expect(expected.length).toBeGreaterThanOrEqual(4);
    const byNumber = await allPages(team.manager, { file: formatFileNumber(files[0].fileNumber) });
    expect(seqs(byNumber)).toEqual(expected);
    expect(byNumber.every((item) => (item.file as { fileNumber: number }).fileNumber === files[0].fileNumber)).toBe(true);
    expect(seqs(await allPages(team.manager, { file: String(files[0].fileNumber) }))).toEqual(expected);
    expect(seqs(await allPages(team.manager, { file: files[0].id }))).toEqual(expected);
    // A number no file bears matches nothing.
    expect((await team.manager.get('/api/v1/audit-events').query({ file: 'D99999' }).expect(200)).body).toEqual({ items: [], nextCursor: null });
  });

  it('by action', async () => {
    const items = await allPages(team.manager, { action: 'export' });
    expect(seqs(items)).toEqual(await expectedSeqs("action = 'export'"));
    expect(items).toEqual([expect.objectContaining({ action: 'export', file: { id: files[0].id, fileNumber: files[0].fileNumber }, details: { target: 'access-export', format: 'json' } })]);
  });

  it('by period, `from` included and `to` excluded, combined with the other filters', async () => {
    const { rows } = await t.owner.query<Row>('SELECT seq, occurred_at FROM audit_events WHERE tenant_id = $1 ORDER BY seq', [team.tenantId]);
    const from = rows[2].occurred_at.toISOString();
    const to = rows[rows.length - 2].occurred_at.toISOString();
    const expected = await expectedSeqs('occurred_at >= $2 AND occurred_at < $3', [from, to]);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(rows.length - 2);
    expect(seqs(await allPages(team.manager, { from, to }))).toEqual(expected);
    // Offsets other than Z mean the same instants.
    const inParis = (iso: string) => new Date(Date.parse(iso) + 3_600_000).toISOString().replace('Z', '+01:00');
    expect(seqs(await allPages(team.manager, { from: inParis(from), to: inParis(to) }))).toEqual(expected);
    expect(seqs(await allPages(team.manager, { from, to, actorId: team.agent.id, action: 'read' }))).toEqual(
      await expectedSeqs("occurred_at >= $2 AND occurred_at < $3 AND actor_id = $4 AND action = 'read'", [from, to, team.agent.id]),
    );
  });

  it('pages newest first without gaps or repeats', async () => {
    const all = await allPages(team.manager, {}, 2);
    const expected = await expectedSeqs();
    expect(seqs(all)).toEqual(expected.filter((seq) => seq <= all[0].seq));
  });

  it('refuses invalid filters with a problem naming the field', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ action: 'peek' }, 'action'],
      [{ actorId: 'someone' }, 'actorId'],
      [{ from: '28/11/2026' }, 'from'],
      [{ from: '2026-11-28T10:00:00+01:00', to: '2026-11-28T09:00:00+01:00' }, 'to'],
      [{ file: 'Dupont' }, 'file'],
      [{ file: 'D42', entityId: 'x' }, 'file'],
      [{ limit: '1000' }, 'limit'],
      [{ whatever: '1' }, ''],
    ];
    for (const [query, path] of cases) {
      for (const route of ['/api/v1/audit-events', '/api/v1/audit-events/export']) {
        if (route.endsWith('export') && path === 'limit') continue;
        const response = await team.manager.get(route).query(query).expect(400);
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
      }
    }
    const badCursor = await team.manager.get('/api/v1/audit-events').query({ cursor: 'bm90LWEtY3Vyc29y' }).expect(400);
    expect(badCursor.body.detail).toBe('Curseur de pagination invalide.');
  });

  it('is for the audit permission (managers, administrators); another tenant’s events stay out of reach', async () => {
    await team.agent.get('/api/v1/audit-events').expect(403);
    await team.accueil.get('/api/v1/audit-events').expect(403);
    await team.agent.get('/api/v1/audit-events/export').expect(403);
    await team.accueil.get('/api/v1/audit-events/verification').expect(403);
    expect((await team.admin.get('/api/v1/audit-events').query({ limit: 1 }).expect(200)).body.items).toHaveLength(1);
    const other = await createTeam(t);
    expect((await other.manager.get('/api/v1/audit-events').query({ file: files[0].id }).expect(200)).body.items).toEqual([]);
    expect((await other.manager.get('/api/v1/audit-events').query({ actorId: team.agent.id }).expect(200)).body.items).toEqual([]);
  });
});

/** Reads back `;`-separated CSV with quoted fields (quotes doubled inside). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ';') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += char;
  }
  expect(field).toBe('');
  return rows;
}

const csvOf = (as: TestMember, query: Record<string, string>) =>
  as
    .get('/api/v1/audit-events/export')
    .query(query)
    .buffer(true)
    .parse((response, done) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => done(null, Buffer.concat(chunks)));
    });

describe('GET /audit-events/export', () => {
  it('streams the matching events as French CSV (UTF-8 with BOM, semicolons) and records the export', async () => {
    const query = { file: formatFileNumber(files[0].fileNumber) };
    const response = await csvOf(team.manager, query).expect(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="journal-audit-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = response.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...lines] = parseCsv(bytes.toString('utf8').slice(1));
    expect(header).toEqual(['N°', 'Date (heure de Paris)', 'Utilisateur', 'Action', 'Élément', 'Identifiant de l’élément', 'N° de dossier', 'Partie concernée', 'Adresse IP', 'Requête', 'Détails']);
    expect(lines.map((line) => Number(line[0]))).toEqual(await expectedSeqs("entity_type = 'beneficiary' AND entity_id = $2", [files[0].id]));
    expect(lines.every((line) => line.length === header.length && line[4] === 'Dossier' && line[6] === formatFileNumber(files[0].fileNumber))).toBe(true);
    expect(lines).toContainEqual(expect.arrayContaining(['Manager Test', 'Export', 'Dossier']));
    expect(lines).toContainEqual(expect.arrayContaining(['Agent2 Test', 'Consultation', 'Journal']));
    expect(lines.every((line) => /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/.test(line[1]))).toBe(true);

    const recorded = await auditEvents(t.owner, { tenantId: team.tenantId, actorId: team.manager.id, action: 'export' });
    expect(recorded.at(-1)?.details).toEqual({ target: 'audit-events', entityType: 'beneficiary', entityId: files[0].id });
  });

  it('exports the same events as the list for every filter, in several rounds when there are many', async () => {
    // Enough events for more than one round of the stream (1 000 rows each).
    await t.owner.query(
      `INSERT INTO audit_events (tenant_id, actor_id, action, entity_type, details)
       SELECT $1, $2, 'read', 'beneficiary', '{"target": "bulk"}' FROM generate_series(1, 1100)`,
      [team.tenantId, team.agent.id],
    );
    const lines = parseCsv((await csvOf(team.admin, { actorId: team.agent.id, action: 'read' }).expect(200)).body.toString('utf8').slice(1)).slice(1);
    expect(lines.map((line) => Number(line[0]))).toEqual(await expectedSeqs("actor_id = $2 AND action = 'read'", [team.agent.id]));
    expect(lines.length).toBeGreaterThan(1100);
    const recorded = await auditEvents(t.owner, { tenantId: team.tenantId, actorId: team.admin.id, action: 'export' });
    expect(recorded.at(-1)?.details).toEqual({ target: 'audit-events', actorId: team.agent.id, action: 'read' });
  });

  it('names the file with the day in Paris, from the application clock', async () => {
    const clock = t.app.get(Clock);
    // 00:30 in Paris on 30 November is still 29 November in UTC.
    clock.set(new Date('2026-11-29T23:30:00Z'));
    try {
      const response = await csvOf(team.manager, { action: 'export' }).expect(200);
      expect(response.headers['content-disposition']).toBe('attachment; filename="journal-audit-2026-11-30.csv"');
    } finally {
      clock.set(null);
    }
  });

  it('cuts the download when reading fails halfway, and logs the failure without its message', async () => {
    const service = t.app.get(AuditEventsService);
    const reader = service as unknown as { read: (...args: unknown[]) => Promise<unknown> };
    const read = reader.read.bind(service);
    let rounds = 0;
    // The second round of rows fails, with an error quoting a person's name as a database error might.
    const failing = jest.spyOn(reader, 'read').mockImplementation((...args) => {
      rounds += 1;
      return rounds === 2 ? Promise.reject(new Error('connection lost while reading "Lambert Inès"')) : read(...args);
    });
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    try {
      // More than one round (1 100 events inserted above): the file has started when the failure comes.
      const outcome = await new Promise<{ complete: boolean; bytes: number }>((resolve) => {
        let bytes = 0;
        void team.admin
          .get('/api/v1/audit-events/export')
          .query({ actorId: team.agent.id, action: 'read' })
          .buffer(true)
          // A cut connection fails the request (superagent listens for it); a complete file ends.
          .parse((response, done) => {
            response.on('data', (chunk: Buffer) => (bytes += chunk.length));
            response.on('end', () => done(null, null));
          })
          .then(
            () => resolve({ complete: true, bytes }),
            () => resolve({ complete: false, bytes }),
          );
      });
      // Part of the file came, then the connection was cut: no complete-looking, truncated file.
      expect(outcome.complete).toBe(false);
      expect(outcome.bytes).toBeGreaterThan(0);
      const messages = logged.mock.calls.map((call) => call.map(String).join(' '));
      expect(messages).toContainEqual(expect.stringContaining('Audit trail CSV export failed after 1000 events'));
      expect(messages.join('\n')).not.toContain('Lambert');
    } finally {
      failing.mockRestore();
      logged.mockRestore();
    }
  });

  it('reports the chain as intact, every event counted', async () => {
    const result = (await team.manager.get('/api/v1/audit-events/verification').expect(200)).body;
    const { rows } = await t.owner.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events WHERE tenant_id = $1', [team.tenantId]);
    expect(result).toEqual({ intact: true, checked: rows[0].n, firstBroken: null });
  });
});

describe('a former member', () => {
  it('stays in the member filter of whoever reads the trail, and their events stay found', async () => {
    await team.admin.patch(`/api/v1/users/${team.agent2.id}`).send({ active: false }).expect(200);
    const active = (await team.manager.get('/api/v1/users').query({ limit: 100 }).expect(200)).body.items;
    expect(active.map((member: { id: string }) => member.id)).not.toContain(team.agent2.id);
    // What the filter offers: everyone, deactivated included, by name only.
    const everyone = (await team.manager.get('/api/v1/users').query({ includeInactive: 'true', limit: 100 }).expect(200)).body.items;
    expect(everyone).toContainEqual({ id: team.agent2.id, firstName: 'Agent2', lastName: 'Test', roles: ['AGENT'] });
    const items = await allPages(team.manager, { actorId: team.agent2.id });
    expect(seqs(items)).toEqual(await expectedSeqs('actor_id = $2', [team.agent2.id]));
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((item) => (item.actor as { name: string }).name === 'Agent2 Test')).toBe(true);
  });
});
