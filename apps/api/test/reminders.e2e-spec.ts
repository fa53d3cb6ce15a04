import { Clock } from '../src/common/clock';
import { ReminderDispatcher } from '../src/modules/reminders/reminder-dispatcher';
import { DISPATCH_QUEUE, ReminderJobs } from '../src/modules/reminders/reminder-jobs';
import { createFile, inDays, motifsOf, paris } from './appointments.helpers';
import { auditEvents } from './support/factories';
import { createTeam, type Team } from './support/team';
import { startTestApp, type TestApp } from './support/test-app';

let t: TestApp;
let team: Team;
let clock: Clock;
let dispatcher: ReminderDispatcher;
beforeAll(async () => {
  t = await startTestApp();
  team = await createTeam(t);
  clock = t.app.get(Clock);
  dispatcher = t.app.get(ReminderDispatcher);
});
afterEach(() => clock.set(null));
afterAll(() => t.close());

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const at = (instant: string, offset = 0) => new Date(Date.parse(instant) + offset);
const parisDay = (instant: string) =>
  new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', weekday: 'long', day: 'numeric', month: 'long' }).format(new Date(instant));

/** A file (Alix MOREAU) whose person agreed to be contacted, with both contacts, unless told otherwise. */
async function person(contact: { email?: string | null; phone?: string | null; consent?: boolean } = {}, of: Team = team): Promise<string> {
  const id = await createFile(of.agent, 'Moreau');
  const consent = contact.consent ?? true;
  await t.owner.query('UPDATE beneficiaries SET email = $2, phone = $3, consent_date = $4, consent_recorded_by = $5 WHERE id = $1', [
    id,
    contact.email === undefined ? 'alix.moreau@example.test' : contact.email,
    contact.phone === undefined ? '06 12 34 56 78' : contact.phone,
    consent ? '2026-01-05' : null,
    consent ? of.agent.id : null,
  ]);
  return id;
}

/** Books through the API (the booking's own transaction schedules the reminders). */
async function book(beneficiaryId: string, startsAt: string, of: Team = team, overrides: Record<string, unknown> = {}) {
  const motifs = await motifsOf(of.agent);
  const body = { beneficiaryId, agentIds: [of.agent.id], siteId: of.siteIds[0], motifId: motifs['Premier accueil'].id, startsAt, durationMinutes: 30, ...overrides };
  return (await of.agent.post('/api/v1/appointments').send(body).expect(201)).body as { id: string; version: number };
}

/** Runs the dispatch for one tenant at `instant` (other test files' tenants are left alone). */
function dispatchAt(instant: Date, of: Team = team) {
  clock.set(instant);
  return dispatcher.dispatchDue(undefined, { tenantId: of.tenantId });
}

async function notifications(appointmentId: string) {
  const { rows } = await t.owner.query<{ kind: string; channel: string; state: string; skip_reason: string | null; due_at: Date; sent_at: Date | null }>(
    `SELECT kind, channel, state, skip_reason, due_at, sent_at FROM appointment_notifications
      WHERE appointment_id = $1 ORDER BY created_at, kind DESC, channel`,
    [appointmentId],
  );
  return rows;
}

async function messages(appointmentId: string) {
  const { rows } = await t.owner.query<{ tenant_id: string; kind: string; channel: string; recipient: string; subject: string | null; body: string }>(
    `SELECT o.tenant_id, n.kind, o.channel, o.recipient, o.subject, o.body FROM outbox_messages o
       JOIN appointment_notifications n ON n.tenant_id = o.tenant_id AND n.id = o.notification_id
      WHERE n.appointment_id = $1 ORDER BY o.created_at, n.kind DESC, o.channel`,
    [appointmentId],
  );
  return rows;
}

const summary = (rows: { kind: string; channel: string }[]) => rows.map((row) => `${row.kind} ${row.channel}`);

describe('appointment reminders', () => {
  it('are scheduled at booking, one per channel, due 48 hours before', async () => {
    const startsAt = paris(inDays(20), '10:00');
    const appointment = await book(await person(), startsAt);
    expect(await notifications(appointment.id)).toEqual([
      expect.objectContaining({ kind: 'REMINDER', channel: 'EMAIL', state: 'PENDING', due_at: at(startsAt, -48 * HOUR) }),
      expect.objectContaining({ kind: 'REMINDER', channel: 'SMS', state: 'PENDING', due_at: at(startsAt, -48 * HOUR) }),
    ]);
  });

  it('leave once, at their time, on each channel, however many runs there are', async () => {
    const startsAt = paris(inDays(21), '14:30');
    const due = at(startsAt, -48 * HOUR);
    const appointment = await book(await person(), startsAt, team, { note: 'Ne pas parler de la dette devant son fils' });

    await dispatchAt(at(startsAt, -48 * HOUR - MINUTE));
    expect(await messages(appointment.id)).toEqual([]);

    // Two runs at once, then a later one: each reminder is locked, sent and marked in one transaction.
    await Promise.all([dispatchAt(due), dispatchAt(due)]);
    await dispatchAt(at(startsAt, -47 * HOUR));
    const sent = await messages(appointment.id);
    expect(summary(sent)).toEqual(['REMINDER EMAIL', 'REMINDER SMS']);
    expect(await notifications(appointment.id)).toEqual([
      expect.objectContaining({ channel: 'EMAIL', state: 'SENT', sent_at: due }),
      expect.objectContaining({ channel: 'SMS', state: 'SENT', sent_at: due }),
    ]);

    const [email, sms] = sent;
    const { rows: tenant } = await t.owner.query<{ name: string }>('SELECT name FROM tenants WHERE id = $1', [team.tenantId]);
    expect(email.recipient).toBe('alix.moreau@example.test');
    expect(email.subject).toBe(`Rappel de votre rendez-vous le ${parisDay(startsAt)} ${startsAt.slice(0, 4)} à 14 h 30`);
    expect(email.body).toContain(`Rappel : vous avez rendez-vous le ${parisDay(startsAt)} ${startsAt.slice(0, 4)} à 14 h 30.`);
    expect(email.body).toContain(`Service : ${tenant[0].name}.`);
    expect(email.body).toContain('Motif : Premier accueil.');
    expect(email.body).toContain('Lieu : Hôtel de ville.');
    expect(sms.recipient).toBe('0612345678');
    expect(sms.body).toMatch(/^Rappel : RDV \S+ \d+ \S+ à 14 h 30, Hôtel de ville \(/);
    expect(sms.body.length).toBeLessThanOrEqual(160);
    expect(sms.body).not.toContain('Premier accueil'); // the reason may show on a locked screen
    for (const message of sent) {
      expect(`${message.subject} ${message.body}`).not.toMatch(/dette|Moreau|MOREAU|Alix/);
    }
  });

  it('can never be marked sent twice for the same appointment and channel (database guard)', async () => {
    const startsAt = paris(inDays(21), '16:00');
    const appointment = await book(await person(), startsAt);
    await dispatchAt(at(startsAt, -48 * HOUR));
    await expect(
      t.owner.query(
        `INSERT INTO appointment_notifications (tenant_id, appointment_id, kind, channel, due_at, state, sent_at)
         VALUES ($1, $2, 'REMINDER', 'EMAIL', now(), 'SENT', now())`,
        [team.tenantId, appointment.id],
      ),
    ).rejects.toThrow(/appointment_notifications_one_reminder_sent_idx/);
  });

  it('are not sent for a cancelled appointment: the cancellation notice is', async () => {
    const startsAt = paris(inDays(22), '09:00');
    const appointment = await book(await person(), startsAt);
    await team.agent.post(`/api/v1/appointments/${appointment.id}/status`).send({ version: 0, status: 'EXCUSED' }).expect(200);

    await dispatchAt(at(new Date().toISOString(), MINUTE));
    await dispatchAt(at(startsAt, -48 * HOUR));
    const sent = await messages(appointment.id);
    expect(summary(sent)).toEqual(['CANCELLED EMAIL', 'CANCELLED SMS']);
    expect(sent[0].subject).toBe(`Votre rendez-vous du ${parisDay(startsAt)} ${startsAt.slice(0, 4)} à 9 h est annulé`);
    expect(sent[1].body).toContain('est annulé');
    const reminders = (await notifications(appointment.id)).filter((row) => row.kind === 'REMINDER');
    expect(reminders).toEqual([
      expect.objectContaining({ state: 'SKIPPED', skip_reason: 'cancelled' }),
      expect.objectContaining({ state: 'SKIPPED', skip_reason: 'cancelled' }),
    ]);
  });

  it('are not sent once the appointment has started, nor for one booked after the fact', async () => {
    // The job did not run in time (server down): by the time it runs, the appointment has begun.
    const late = paris(inDays(23), '10:00');
    const missed = await book(await person(), late);
    await dispatchAt(at(late, MINUTE));
    // Recorded afterwards: its reminders were due before it was even booked.
    const recorded = await book(await person(), paris(inDays(-3), '10:00'));
    await dispatchAt(new Date());

    for (const appointment of [missed, recorded]) {
      expect(await messages(appointment.id)).toEqual([]);
      expect((await notifications(appointment.id)).map((row) => [row.state, row.skip_reason])).toEqual([
        ['SKIPPED', 'appointment_past'],
        ['SKIPPED', 'appointment_past'],
      ]);
    }
  });

  it('need the person’s consent, and the contact of each channel (SMS: a mobile number)', async () => {
    const day = inDays(24);
    const cases = [
      { contact: { consent: false }, time: '09:00', expected: [['SKIPPED', 'no_consent'], ['SKIPPED', 'no_consent']] },
      { contact: { phone: null }, time: '10:00', expected: [['SENT', null], ['SKIPPED', 'no_mobile_phone']] },
      { contact: { email: null }, time: '11:00', expected: [['SKIPPED', 'no_email'], ['SENT', null]] },
      { contact: { email: null, phone: '01 23 45 67 89' }, time: '14:00', expected: [['SKIPPED', 'no_email'], ['SKIPPED', 'no_mobile_phone']] },
      { contact: { email: null, phone: '+32 470 12 34 56' }, time: '15:00', expected: [['SKIPPED', 'no_email'], ['SENT', null]] },
    ];
    const booked = [];
    for (const { contact, time } of cases) booked.push(await book(await person(contact), paris(day, time)));
    await dispatchAt(at(paris(day, '15:00'), -48 * HOUR));

    for (const [index, { expected }] of cases.entries()) {
      const rows = await notifications(booked[index].id);
      expect(rows.map((row) => [row.state, row.skip_reason])).toEqual(expected);
    }
    const international = await messages(booked[4].id);
    expect(international.map((message) => message.recipient)).toEqual(['+32470123456']);
  });

  it('follow a moved appointment: a notice at once, then the reminder for the new time', async () => {
    const first = paris(inDays(25), '10:00');
    const moved = paris(inDays(26), '15:00');
    const appointment = await book(await person(), first);
    await team.agent.patch(`/api/v1/appointments/${appointment.id}`).send({ version: 0, startsAt: moved }).expect(200);

    expect((await notifications(appointment.id)).map((row) => [row.kind, row.state, row.skip_reason, row.due_at.getTime() === at(moved, -48 * HOUR).getTime()])).toEqual([
      ['REMINDER', 'SKIPPED', 'moved', false],
      ['REMINDER', 'SKIPPED', 'moved', false],
      ['REMINDER', 'PENDING', null, true],
      ['REMINDER', 'PENDING', null, true],
      ['MOVED', 'PENDING', null, false],
      ['MOVED', 'PENDING', null, false],
    ]);

    await dispatchAt(at(new Date().toISOString(), MINUTE));
    const notices = await messages(appointment.id);
    expect(summary(notices)).toEqual(['MOVED EMAIL', 'MOVED SMS']);
    expect(notices[0].subject).toBe(`Votre rendez-vous est déplacé au ${parisDay(moved)} ${moved.slice(0, 4)} à 15 h`);
    expect(notices[0].body).toContain(`il aura lieu le ${parisDay(moved)} ${moved.slice(0, 4)} à 15 h.`);

    await dispatchAt(at(first, -48 * HOUR)); // the old reminder's time: nothing
    expect(await messages(appointment.id)).toHaveLength(2);
    await dispatchAt(at(moved, -48 * HOUR));
    const all = await messages(appointment.id);
    expect(summary(all)).toEqual(['MOVED EMAIL', 'MOVED SMS', 'REMINDER EMAIL', 'REMINDER SMS']);
    expect(all[2].subject).toContain(`${parisDay(moved)} ${moved.slice(0, 4)} à 15 h`);
  });

  it('are not repeated after a move once sent: the move notice gives the new time', async () => {
    const first = paris(inDays(27), '10:00');
    const moved = paris(inDays(28), '11:00');
    const appointment = await book(await person(), first);
    await dispatchAt(at(first, -48 * HOUR));
    await team.agent.patch(`/api/v1/appointments/${appointment.id}`).send({ version: 0, startsAt: moved }).expect(200);
    await dispatchAt(at(first, -47 * HOUR));
    await dispatchAt(at(moved, -48 * HOUR));

    expect(summary(await messages(appointment.id))).toEqual(['REMINDER EMAIL', 'REMINDER SMS', 'MOVED EMAIL', 'MOVED SMS']);
    const renewed = (await notifications(appointment.id)).filter((row) => row.kind === 'REMINDER' && row.state !== 'SENT');
    expect(renewed.map((row) => [row.state, row.skip_reason])).toEqual([
      ['SKIPPED', 'reminder_already_sent'],
      ['SKIPPED', 'reminder_already_sent'],
    ]);
  });

  it('follow the tenant’s settings: delay, and channels switched off', async () => {
    const other = await createTeam(t);
    await other.admin.put('/api/v1/settings/appointments').send({ reminderEmail: false, reminderSms: true, reminderHoursBefore: 24 }).expect(200);
    const startsAt = paris(inDays(29), '10:00');
    const appointment = await book(await person({}, other), startsAt, other);
    expect((await notifications(appointment.id)).map((row) => row.due_at)).toEqual([at(startsAt, -24 * HOUR), at(startsAt, -24 * HOUR)]);

    await dispatchAt(at(startsAt, -24 * HOUR), other);
    expect((await notifications(appointment.id)).map((row) => [row.channel, row.state, row.skip_reason])).toEqual([
      ['EMAIL', 'SKIPPED', 'channel_disabled'],
      ['SMS', 'SENT', null],
    ]);
  });

  it('are sent for every tenant by the job’s run, each in its own tenant', async () => {
    // Early dates, so that this run, which serves every tenant, touches no other test file's data.
    clock.set(new Date('2021-03-01T08:00:00Z'));
    const other = await createTeam(t);
    const startsAt = paris('2021-03-11', '14:30');
    const ours = await book(await person(), startsAt);
    const theirs = await book(await person({}, other), startsAt, other);

    clock.set(at(startsAt, -48 * HOUR));
    const result = await dispatcher.dispatchDue();
    expect(result).toMatchObject({ failed: 0 });
    expect(result.sent).toBeGreaterThanOrEqual(4);
    for (const [appointment, tenantId] of [[ours, team.tenantId], [theirs, other.tenantId]] as const) {
      const sent = await messages(appointment.id);
      expect(sent.map((message) => [message.tenant_id, message.channel])).toEqual([[tenantId, 'EMAIL'], [tenantId, 'SMS']]);
      expect(sent[0].subject).toBe('Rappel de votre rendez-vous le jeudi 11 mars 2021 à 14 h 30');
    }
  });
});

describe('the development outbox', () => {
  it('lists the tenant’s messages, newest first, page by page, to its members only', async () => {
    const own = await createTeam(t);
    const startsAt = paris(inDays(30), '10:00');
    const appointment = await book(await person({}, own), startsAt, own);
    await dispatchAt(at(startsAt, -48 * HOUR), own);
    await own.agent.post(`/api/v1/appointments/${appointment.id}/status`).send({ version: 0, status: 'REVOKED' }).expect(200);
    await dispatchAt(at(new Date().toISOString(), MINUTE), own);

    const first = (await own.agent.get('/api/v1/dev/outbox').query({ limit: 3 }).expect(200)).body;
    expect(first.items).toHaveLength(3);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (await own.agent.get('/api/v1/dev/outbox').query({ limit: 3, cursor: first.nextCursor }).expect(200)).body;
    expect(second).toEqual({ items: [expect.objectContaining({ kind: 'REMINDER' })], nextCursor: null });
    const items = [...first.items, ...second.items];
    expect(items.map((item: { kind: string; channel: string }) => `${item.kind} ${item.channel}`).sort()).toEqual(
      ['CANCELLED EMAIL', 'CANCELLED SMS', 'REMINDER EMAIL', 'REMINDER SMS'],
    );
    expect(items[0]).toMatchObject({ appointmentId: appointment.id, recipient: expect.any(String), body: expect.any(String) });
    const times = items.map((item: { createdAt: string }) => Date.parse(item.createdAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    // The tenant's administrator may look too; another tenant never sees these messages.
    expect((await own.admin.get('/api/v1/dev/outbox').expect(200)).body.items).toHaveLength(4);
    const elsewhere = (await team.agent.get('/api/v1/dev/outbox').query({ limit: 100 }).expect(200)).body.items;
    expect(elsewhere.some((item: { appointmentId: string }) => item.appointmentId === appointment.id)).toBe(false);
    await t.http.get('/api/v1/dev/outbox').expect(401);

    const reads = await auditEvents(t.owner, { tenantId: own.tenantId, actorId: own.agent.id, action: 'read' });
    expect(reads.filter((event) => event.details.messages !== undefined).map((event) => event.details)).toEqual([{ messages: 3 }, { messages: 1 }]);
  });
});

describe('the reminders job', () => {
  it('is off unless configured (tests drive the dispatch themselves)', () => {
    expect(t.app.get(ReminderJobs).running).toBe(false);
  });

  it('schedules the dispatch every minute on pg-boss, runs it, and stops cleanly', async () => {
    const jobs = t.app.get(ReminderJobs);
    // The run itself is the dispatcher tested above; here, only that the queue calls it.
    const dispatch = jest.spyOn(dispatcher, 'dispatchDue').mockResolvedValue({ sent: 0, skipped: 0, failed: 0, found: 0 });
    try {
      await jobs.start();
      const { rows } = await t.owner.query('SELECT name, cron FROM pgboss.schedule WHERE name = $1', [DISPATCH_QUEUE]);
      expect(rows).toEqual([{ name: DISPATCH_QUEUE, cron: '* * * * *' }]);
      // The queue's tables belong to the jobs role: the API's role still owns nothing.
      const { rows: owners } = await t.owner.query("SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'pgboss'");
      expect(owners).toEqual([{ tableowner: 'ccas_jobs' }]);
      const { rows: owned } = await t.owner.query("SELECT count(*)::int AS n FROM pg_class WHERE relowner = 'ccas_app'::regrole");
      expect(owned).toEqual([{ n: 0 }]);

      const before = dispatch.mock.calls.length;
      await jobs.requestRun();
      await waitFor(() => dispatch.mock.calls.length > before);
    } finally {
      await jobs.stop();
      dispatch.mockRestore();
    }
    expect(jobs.running).toBe(false);
  });
});

/** Waits for something another process does (the queue's worker), up to 10 s. */
async function waitFor(condition: () => boolean): Promise<void> {
  const until = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out waiting for the job queue');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
