import type { DigitalAssessmentAnswers } from '@ccas/shared';
import { createTeam, type Team } from './support/team';
import { startTestApp, type TestApp } from './support/test-app';

let t: TestApp;
let team: Team;
let fileId: string;
beforeAll(async () => {
  t = await startTestApp();
  team = await createTeam(t);
  const identity = { lastName: 'Morin', firstName: 'Ginette', birthName: null, alias: null, birthDate: null, sex: null, nationality: null };
  fileId = (await team.agent.post('/api/v1/beneficiaries').send({ identity }).expect(201)).body.id;
});
afterAll(() => t.close());

/** Has a smartphone, no e-mail of her own, does a few things with help: someone to accompany. */
const withHelp: DigitalAssessmentAnswers = {
  equipment: { smartphone: true, computerOrTablet: false, internetAtHome: false, mobileData: true },
  emailAccess: 'WITH_HELP',
  onlineAccounts: ['AMELI'],
  skills: { useDevice: 'ALONE', browse: 'WITH_HELP', fillForm: 'NO', scanAndSend: 'NO', managePasswords: 'NO' },
  barriers: ['READING_WRITING'],
  willingToLearn: 'YES',
};

describe('digital autonomy assessments', () => {
  it('computes and keeps the level by the shared rule, and records a refusal too', async () => {
    const assessed = await team.agent.post('/api/v1/digital-assessments').send({ beneficiaryId: fileId, declined: false, answers: withHelp }).expect(201);
    expect(assessed.body).toMatchObject({ level: 'A_ACCOMPAGNER', declined: false, assessor: { id: team.agent.id }, answers: withHelp });
    expect(assessed.body.reasons.length).toBeGreaterThan(0);

    const declined = await team.agent2
      .post('/api/v1/digital-assessments')
      .send({ beneficiaryId: fileId, declined: true, reason: 'Ne souhaite pas en parler aujourd’hui.' })
      .expect(201);
    expect(declined.body).toMatchObject({ declined: true, level: null, score: null, answers: null, declineReason: 'Ne souhaite pas en parler aujourd’hui.' });

    const history = (await team.manager.get('/api/v1/digital-assessments').query({ beneficiaryId: fileId }).expect(200)).body.items;
    expect(history.map((item: { declined: boolean }) => item.declined)).toEqual([true, false]);
  });

  it('is written by social workers only, and read by those who accompany', async () => {
    await team.accueil.post('/api/v1/digital-assessments').send({ beneficiaryId: fileId, declined: true }).expect(403);
    await team.manager.post('/api/v1/digital-assessments').send({ beneficiaryId: fileId, declined: true }).expect(403);
    await team.accueil.get('/api/v1/digital-assessments').query({ beneficiaryId: fileId }).expect(403);
    await team.agent.post('/api/v1/digital-assessments').send({ beneficiaryId: fileId, declined: false, answers: { ...withHelp, willingToLearn: 'PERHAPS' } }).expect(400);
  });
});

describe('partners and referrals', () => {
  it('lets the administrator keep the directory, and a worker refer a person and follow it', async () => {
    const partner = (
      await team.admin
        .post('/api/v1/partners')
        .send({ name: 'Conseillère numérique de la médiathèque', kind: 'DIGITAL_MEDIATION', address: null, contact: '01 23 45 67 89', offer: 'Ateliers smartphone le mardi' })
        .expect(201)
    ).body;
    await team.admin.post('/api/v1/partners').send({ name: 'Secours populaire', kind: 'ASSOCIATION', address: null, contact: null, offer: null }).expect(201);
    await team.agent.post('/api/v1/partners').send({ name: 'X', kind: 'ASSOCIATION', address: null, contact: null, offer: null }).expect(403);
    await team.admin.post('/api/v1/partners').send({ name: 'conseillere numerique de la mediatheque', kind: 'LIBRARY', address: null, contact: null, offer: null }).expect(409);

    const digital = (await team.agent.get('/api/v1/partners').query({ digital: 'true' }).expect(200)).body.items;
    expect(digital.map((p: { name: string }) => p.name)).toEqual(['Conseillère numérique de la médiathèque']);

    const referral = (await team.agent.post('/api/v1/referrals').send({ beneficiaryId: fileId, partnerId: partner.id, reason: 'Apprendre à utiliser Ameli' }).expect(201)).body;
    // While it is under way, the same orientation is not recorded twice.
    const duplicate = await team.agent2.post('/api/v1/referrals').send({ beneficiaryId: fileId, partnerId: partner.id }).expect(409);
    expect(duplicate.headers['content-type']).toContain('application/problem+json');
    const rows = await t.owner.query('SELECT count(*)::int AS n FROM referrals WHERE tenant_id = $1 AND beneficiary_id = $2', [team.tenantId, fileId]);
    expect(rows.rows[0].n).toBe(1);
    expect(referral).toMatchObject({ status: 'PROPOSED', partner: { name: partner.name, kind: 'DIGITAL_MEDIATION' }, agent: { id: team.agent.id } });
    const accepted = await team.agent2.patch(`/api/v1/referrals/${referral.id}`).send({ version: 0, status: 'ACCEPTED' }).expect(200);
    expect(accepted.body).toMatchObject({ status: 'ACCEPTED', version: 1 });
    await team.agent.patch(`/api/v1/referrals/${referral.id}`).send({ version: 0, status: 'DONE' }).expect(409);
    await team.accueil.patch(`/api/v1/referrals/${referral.id}`).send({ version: 1, status: 'DONE' }).expect(403);

    // A retired partner is offered no more but stays on the referral.
    await team.admin.patch(`/api/v1/partners/${partner.id}`).send({ retired: true }).expect(200);
    await team.agent.post('/api/v1/referrals').send({ beneficiaryId: fileId, partnerId: partner.id }).expect(400);
    const listed = (await team.manager.get('/api/v1/referrals').query({ beneficiaryId: fileId }).expect(200)).body.items;
    expect(listed[0]).toMatchObject({ id: referral.id, partner: { name: partner.name } });
    // The directory leaves it out, except for the administration screen that can put it back.
    const offered = (await team.admin.get('/api/v1/partners').query({ limit: 100 }).expect(200)).body.items;
    expect(offered.map((entry: { id: string }) => entry.id)).not.toContain(partner.id);
    const all = (await team.admin.get('/api/v1/partners').query({ limit: 100, includeRetired: 'true' }).expect(200)).body.items;
    expect(all.find((entry: { id: string }) => entry.id === partner.id)).toMatchObject({ retired: true });
  });

  it('puts assessments and referrals in the file’s timeline', async () => {
    const kinds = (await team.agent.get(`/api/v1/beneficiaries/${fileId}/timeline`).query({ limit: 100 }).expect(200)).body.items.map(
      (item: { kind: string }) => item.kind,
    );
    expect(kinds.filter((kind: string) => kind === 'assessment')).toHaveLength(2);
    expect(kinds).toContain('referral');
  });

  it('keeps each tenant’s records, partners and files apart', async () => {
    const other = await createTeam(t);
    const theirPartner = (
      await other.admin.post('/api/v1/partners').send({ name: 'France Services du Val', kind: 'FRANCE_SERVICES', address: null, contact: null, offer: null }).expect(201)
    ).body;
    await team.agent.post('/api/v1/referrals').send({ beneficiaryId: fileId, partnerId: theirPartner.id }).expect(400);
    await other.agent.post('/api/v1/referrals').send({ beneficiaryId: fileId, partnerId: theirPartner.id }).expect(404);
    await other.agent.post('/api/v1/digital-assessments').send({ beneficiaryId: fileId, declined: true }).expect(404);
    await other.manager.get('/api/v1/digital-assessments').query({ beneficiaryId: fileId }).expect(404);
    await other.admin.patch(`/api/v1/partners/${theirPartner.id}`).send({ retired: true }).expect(200);
    expect((await other.agent.get('/api/v1/partners').expect(200)).body.items).toEqual([]);
    const mine = (await team.agent.get('/api/v1/referrals').query({ beneficiaryId: fileId }).expect(200)).body.items[0];
    await other.agent.patch(`/api/v1/referrals/${mine.id}`).send({ version: mine.version, status: 'DONE' }).expect(404);
  });
});
