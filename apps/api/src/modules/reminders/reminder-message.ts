import type { LocationType, NotificationKind } from '@ccas/shared';

/**
 * What a message to the person says about their appointment: when, where, why. Never the
 * appointment's note, never who the person is (the message goes to their own address).
 */
export interface AppointmentFacts {
  kind: NotificationKind;
  startsAt: Date;
  /** The service, e.g. "CCAS de Villeneuve". */
  serviceName: string;
  siteName: string;
  siteAddress: string | null;
  motifLabel: string;
  locationType: LocationType;
}

const TIME_ZONE = 'Europe/Paris';
const longDay = new Intl.DateTimeFormat('fr-FR', { timeZone: TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const shortDay = new Intl.DateTimeFormat('fr-FR', { timeZone: TIME_ZONE, weekday: 'short', day: 'numeric', month: 'short' });
const clock = new Intl.DateTimeFormat('fr-FR', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** "14 h 30", "9 h" — how French letters and SMS write a time (Paris time). */
export function frenchTime(at: Date): string {
  const parts = clock.formatToParts(at);
  const hour = Number(parts.find((part) => part.type === 'hour')?.value);
  const minute = parts.find((part) => part.type === 'minute')?.value ?? '00';
  return minute === '00' ? `${hour} h` : `${hour} h ${minute}`;
}

/** "jeudi 3 décembre 2026 à 14 h 30" (Paris time). */
export function frenchDayAndTime(at: Date): string {
  return `${longDay.format(at)} à ${frenchTime(at)}`;
}

/** "jeu. 3 déc. à 14 h 30": short enough for one SMS. */
function shortMoment(at: Date): string {
  return `${shortDay.format(at)} à ${frenchTime(at)}`;
}

function place(facts: AppointmentFacts): string {
  const site = facts.siteAddress ? `${facts.siteName}, ${facts.siteAddress}` : facts.siteName;
  switch (facts.locationType) {
    case 'public_office':
      return `Lieu : ${site}.`;
    case 'phone':
      return `Par téléphone : le service vous appellera (${facts.siteName}).`;
    case 'home':
      return `À votre domicile (${facts.siteName}).`;
    case 'visio':
      return `En visio : le service vous enverra le lien (${facts.siteName}).`;
  }
}

const FOOTER = 'Ce message est envoyé automatiquement : merci de ne pas y répondre.';

export function renderEmail(facts: AppointmentFacts): { subject: string; body: string } {
  const when = frenchDayAndTime(facts.startsAt);
  const [subject, opening] = {
    REMINDER: [`Rappel de votre rendez-vous le ${when}`, `Rappel : vous avez rendez-vous le ${when}.`],
    MOVED: [`Votre rendez-vous est déplacé au ${when}`, `Votre rendez-vous a été déplacé : il aura lieu le ${when}.`],
    CANCELLED: [`Votre rendez-vous du ${when} est annulé`, `Votre rendez-vous prévu le ${when} est annulé.`],
  }[facts.kind];
  const details =
    facts.kind === 'CANCELLED'
      ? ['Pour convenir d’un autre rendez-vous, contactez le service.']
      : [`Motif : ${facts.motifLabel}.`, place(facts), 'En cas d’empêchement, merci de prévenir le service.'];
  return { subject, body: ['Bonjour,', '', opening, `Service : ${facts.serviceName}.`, ...details, '', FOOTER].join('\n') };
}

/** One short SMS: when and where, not why (it may show on a locked screen). */
export function renderSms(facts: AppointmentFacts): string {
  const moment = shortMoment(facts.startsAt);
  const where = { public_office: facts.siteName, phone: 'par téléphone', home: 'à domicile', visio: 'en visio' }[facts.locationType];
  switch (facts.kind) {
    case 'REMINDER':
      return `Rappel : RDV ${moment}, ${where} (${facts.serviceName}). Empêché(e) ? Prévenez le service.`;
    case 'MOVED':
      return `Votre RDV (${facts.serviceName}) est déplacé au ${moment}, ${where}.`;
    case 'CANCELLED':
      return `Votre RDV du ${moment} (${facts.serviceName}) est annulé.`;
  }
}
