import { createTeam, type Team } from './support/team';
import { startTestApp, type TestApp } from './support/test-app';

let t: TestApp;
let team: Team;
beforeAll(async () => {
  t = await startTestApp();
  team = await createTeam(t);
});
afterAll(() => t.close());

const labels = async (kind: string, query: Record<string, string> = {}) =>
  (await team.agent.get(`/api/v1/catalogues/${kind}`).query({ limit: '100', ...query }).expect(200)).body.items.map(
    (entry: { label: string }) => entry.label,
  );

describe('catalogues', () => {
  it('gives every new tenant the organisms and procedure types of the product brief, with their categories', async () => {
    const organisms = (await team.agent.get('/api/v1/catalogues/organism').query({ limit: '100' }).expect(200)).body.items;
    expect(organisms).toHaveLength(18);
    expect(organisms).toContainEqual(
      expect.objectContaining({ code: 'DGFIP', label: 'DGFiP (impots.gouv)', category: 'argent', retired: false, usedByMe: 0 }),
    );
    expect(organisms.at(-1).label).toBe('Autre organisme'); // "other" comes last
    expect(await labels('procedure-type')).toContain('Demande de titre de séjour');
  });

  it('lets the tenant administrator add, rename and retire entries; retired ones are offered no more', async () => {
    const created = await team.admin.post('/api/v1/catalogues/organism').send({ label: 'Épicerie solidaire', category: 'argent' }).expect(201);
    expect(created.body).toMatchObject({ code: null, label: 'Épicerie solidaire', category: 'argent', retired: false });
    await team.admin.post('/api/v1/catalogues/organism').send({ label: 'épicerie SOLIDAIRE', category: null }).expect(409);

    const path = `/api/v1/catalogues/organism/${created.body.id}`;
    await team.admin.patch(path).send({ label: 'Épicerie sociale' }).expect(200);
    const retired = await team.admin.patch(path).send({ retired: true }).expect(200);
    expect(retired.body).toMatchObject({ label: 'Épicerie sociale', retired: true });
    expect(await labels('organism')).not.toContain('Épicerie sociale');
    expect(await labels('organism', { includeRetired: 'true' })).toContain('Épicerie sociale');
  });

  it('is managed by the administrator only, and per tenant', async () => {
    await team.agent.post('/api/v1/catalogues/organism').send({ label: 'Association X', category: null }).expect(403);
    await team.manager.post('/api/v1/catalogues/procedure-type').send({ label: 'Y', category: null }).expect(403);

    const other = await createTeam(t);
    const [mine] = (await team.agent.get('/api/v1/catalogues/organism').expect(200)).body.items;
    await other.admin.patch(`/api/v1/catalogues/organism/${mine.id}`).send({ retired: true }).expect(404);
    const created = (await other.admin.post('/api/v1/catalogues/organism').send({ label: 'Seulement chez eux', category: null }).expect(201)).body;
    expect(await labels('organism', { includeRetired: 'true' })).not.toContain(created.label);
  });

  it('refuses unknown catalogues, categories and fields', async () => {
    await team.admin.get('/api/v1/catalogues/aid-type').expect(400);
    await team.admin.post('/api/v1/catalogues/organism').send({ label: 'Z', category: 'sport' }).expect(400);
    await team.admin.post('/api/v1/catalogues/organism').send({ label: 'Z', category: null, code: 'CAF' }).expect(400);
    await team.admin.post('/api/v1/catalogues/organism').send({ label: '', category: null }).expect(400);
  });
});
