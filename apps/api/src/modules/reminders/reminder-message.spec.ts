import { type AppointmentFacts, frenchDayAndTime, frenchTime, renderEmail, renderSms } from './reminder-message';
import { skipReason, smsRecipient } from './reminder-dispatcher';

const facts = (overrides: Partial<AppointmentFacts> = {}): AppointmentFacts => ({
  kind: 'REMINDER',
  startsAt: new Date('2026-12-03T13:30:00Z'),
  serviceName: 'CCAS de Villeneuve',
  siteName: 'Hôtel de ville',
  siteAddress: '1 place de la Mairie',
  motifLabel: 'Demande d’aide financière',
  locationType: 'public_office',
  ...overrides,
});

describe('reminder messages', () => {
  it('tell the Paris time, in winter and in summer', () => {
    expect(frenchDayAndTime(new Date('2026-12-03T13:30:00Z'))).toBe('jeudi 3 décembre 2026 à 14 h 30');
    expect(frenchDayAndTime(new Date('2026-07-02T07:00:00Z'))).toBe('jeudi 2 juillet 2026 à 9 h');
    expect(frenchTime(new Date('2026-03-29T22:05:00Z'))).toBe('0 h 05');
  });

  it('say when, where and why by email', () => {
    const email = renderEmail(facts());
    expect(email.subject).toBe('Rappel de votre rendez-vous le jeudi 3 décembre 2026 à 14 h 30');
    expect(email.body).toContain('Lieu : Hôtel de ville, 1 place de la Mairie.');
    expect(email.body).toContain('Motif : Demande d’aide financière.');
    expect(renderEmail(facts({ locationType: 'home' })).body).toContain('À votre domicile');
    expect(renderEmail(facts({ kind: 'MOVED' })).subject).toBe('Votre rendez-vous est déplacé au jeudi 3 décembre 2026 à 14 h 30');
    expect(renderEmail(facts({ kind: 'CANCELLED' })).body).not.toContain('Motif');
  });

  it('keep SMS to one message, without the reason', () => {
    for (const kind of ['REMINDER', 'MOVED', 'CANCELLED'] as const) {
      const sms = renderSms(facts({ kind, serviceName: 'Centre communal d’action sociale de Villeneuve-sur-Mer-les-Bains' }));
      expect(sms.length).toBeLessThanOrEqual(160);
      expect(sms).not.toContain('aide financière');
    }
    expect(renderSms(facts())).toBe('Rappel : RDV jeu. 3 déc. à 14 h 30, Hôtel de ville (CCAS de Villeneuve). Empêché(e) ? Prévenez le service.');
  });
});

describe('who gets a message', () => {
  const situation = (overrides: Partial<Parameters<typeof skipReason>[0]> = {}) => ({
    notification: { id: 'n', appointment_id: 'a', kind: 'REMINDER' as const, channel: 'SMS' as const },
    appointment: { status: 'PLANNED', startsAt: new Date('2026-12-03T13:30:00Z') },
    now: new Date('2026-12-01T13:30:00Z'),
    alreadySent: false,
    channelEnabled: true,
    consent: true,
    recipient: '0612345678',
    ...overrides,
  });

  it('sends a cancellation notice for a cancelled appointment, but no reminder', () => {
    expect(skipReason(situation())).toBeNull();
    expect(skipReason(situation({ appointment: { status: 'REVOKED', startsAt: new Date('2026-12-03T13:30:00Z') } }))).toBe('appointment_not_planned');
    expect(
      skipReason(situation({ notification: { id: 'n', appointment_id: 'a', kind: 'CANCELLED', channel: 'SMS' }, appointment: { status: 'REVOKED', startsAt: new Date('2026-12-03T13:30:00Z') } })),
    ).toBeNull();
  });

  it('texts French mobiles and international numbers only', () => {
    expect(smsRecipient({ phone: '06 12 34 56 78', phoneDigits: '0612345678' })).toBe('0612345678');
    expect(smsRecipient({ phone: '+33 7 12 34 56 78', phoneDigits: '0712345678' })).toBe('0712345678');
    expect(smsRecipient({ phone: '+32 470 12 34 56', phoneDigits: '32470123456' })).toBe('+32470123456');
    expect(smsRecipient({ phone: '01 23 45 67 89', phoneDigits: '0123456789' })).toBeNull();
    expect(smsRecipient({ phone: null, phoneDigits: null })).toBeNull();
  });
});
