import {
  ACCESS_TARGET_LABELS,
  type AccessExport,
  APPOINTMENT_STATUS_LABELS,
  AUDIT_ACTION_LABELS,
  BENEFICIARY_STATUS_LABELS,
  BENEFIT_LABELS,
  CONSENT_LABELS,
  DIGITAL_AUTONOMY_LEVEL_LABELS,
  DIGITAL_BARRIER_LABELS,
  DIGITAL_EMAIL_ACCESS_LABELS,
  DIGITAL_EQUIPMENT_LABELS,
  DIGITAL_ONLINE_ACCOUNT_LABELS,
  DIGITAL_SKILL_LABELS,
  DIGITAL_SKILL_LEVEL_LABELS,
  DIGITAL_WILLINGNESS_LABELS,
  displayName,
  EMPLOYMENT_STATUS_LABELS,
  FAMILY_STATUS_LABELS,
  formatFileNumber,
  HOUSING_STATUS_LABELS,
  INCOME_KIND_LABELS,
  INTERVIEW_CHANNEL_LABELS,
  LEGAL_PROTECTION_LABELS,
  LOCATION_TYPE_LABELS,
  ORIGIN_LABELS,
  PARTNER_KIND_LABELS,
  PROCEDURE_MODE_LABELS,
  PROCEDURE_OUTCOME_LABELS,
  PROCEDURE_REASON_LABELS,
  REFERRAL_STATUS_LABELS,
  RELATION_LABELS,
  SEX_LABELS,
} from '@ccas/shared';
import { html, type SafeHtml, trusted } from '../../common/html';

// The right-of-access export as a self-contained printable page: French, Paris time, no script,
// nothing loaded from elsewhere. Every value goes through `html`, which escapes it.

const TIME_ZONE = 'Europe/Paris';
const dateTime = new Intl.DateTimeFormat('fr-FR', { timeZone: TIME_ZONE, dateStyle: 'long', timeStyle: 'short' });
const shortDateTime = new Intl.DateTimeFormat('fr-FR', { timeZone: TIME_ZONE, dateStyle: 'short', timeStyle: 'short' });

const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });

const atParis = (instant: string) => dateTime.format(new Date(instant));
const shortAtParis = (instant: string) => shortDateTime.format(new Date(instant));
/** A calendar date `YYYY-MM-DD` as `jj/mm/aaaa`: no time zone involved. */
const calendarDate = (date: string | null) => (date ? date.split('-').reverse().join('/') : null);
const label = (labels: Record<string, string>, code: string | null | undefined) => (code ? (labels[code] ?? code) : null);
const yesNo = (value: boolean) => (value ? 'Oui' : 'Non');

/** A definition list of the fields that hold something; "Non renseigné" when none does. */
function fields(entries: [string, string | number | null | undefined | SafeHtml][]) {
  const filled = entries.filter(([, value]) => value !== null && value !== undefined && value !== '');
  if (!filled.length) return html`<p class="empty">Non renseigné.</p>`;
  return html`<dl>${filled.map(([name, value]) => html`<dt>${name}</dt><dd>${value}</dd>`)}</dl>`;
}

const section = (id: string, title: string, count: number | null, body: SafeHtml) =>
  html`<section id="${id}" aria-labelledby="${id}-title"><h2 id="${id}-title">${title}${count === null ? '' : ` (${count})`}</h2>${body}</section>`;

const none = (what: string) => html`<p class="empty">${what}</p>`;

function identity(data: AccessExport) {
  const { file } = data;
  const { identity: person, contact, situation, rights, followUp } = file;
  return html`
    <h3>Identité</h3>
    ${fields([
      ['Nom', person.lastName],
      ['Prénom', person.firstName],
      ['Nom de naissance', person.birthName],
      ['Alias', person.alias],
      ['Date de naissance', calendarDate(person.birthDate)],
      ['Sexe', label(SEX_LABELS, person.sex)],
      ['Nationalité', person.nationality],
    ])}
    <h3>Coordonnées</h3>
    ${fields([
      ['Téléphone', contact.phone],
      ['Courriel', contact.email],
      ['Adresse', [contact.addressLine, [contact.postalCode, contact.city].filter(Boolean).join(' ')].filter(Boolean).join(', ')],
      ['Domiciliation au CCAS', yesNo(contact.domiciliation)],
    ])}
    <h3>Situation</h3>
    ${fields([
      ['Situation familiale', label(FAMILY_STATUS_LABELS, situation?.familyStatus)],
      ['Logement', label(HOUSING_STATUS_LABELS, situation?.housingStatus)],
      ['Précisions sur le logement', situation?.housingNote],
      ['Activité', label(EMPLOYMENT_STATUS_LABELS, situation?.employmentStatus)],
      [
        'Ressources',
        situation?.incomeSources.length
          ? situation.incomeSources
              .map((source) => `${label(INCOME_KIND_LABELS, source.kind)} : ${euros.format(source.monthlyAmountCents / 100)} par mois`)
              .join(' ; ')
          : null,
      ],
    ])}
    <h3>Droits et protection</h3>
    ${fields([
      ['Prestations connues', rights?.benefits.length ? rights.benefits.map((benefit) => label(BENEFIT_LABELS, benefit)).join(', ') : null],
      ['Numéro d’allocataire CAF', rights?.cafNumber],
      ['Identifiant France Travail', rights?.franceTravailId],
      ['Mesure de protection', label(LEGAL_PROTECTION_LABELS, rights?.legalProtection)],
      ['Précisions sur la mesure', rights?.legalProtectionDetail],
    ])}
    <h3>Suivi</h3>
    ${fields([
      ['Statut du dossier', label(BENEFICIARY_STATUS_LABELS, file.status)],
      ['Dossier ouvert le', atParis(file.createdAt)],
      ['Dernier contact', file.lastContactAt ? atParis(file.lastContactAt) : null],
      ['Site', file.site?.name],
      ['Référents', file.referents.map((referent) => referent.name).join(', ')],
      ['Venue', label(ORIGIN_LABELS, followUp?.origin)],
      ['Précisions sur la venue', followUp?.originDetail],
      [
        'Consentement au traitement des données',
        followUp?.consentDate ? `recueilli le ${calendarDate(followUp.consentDate)}${followUp.consentRecordedBy ? ` par ${followUp.consentRecordedBy.name}` : ''}` : null,
      ],
      ['Rendez-vous manqués sans excuse', file.noShowCount],
    ])}`;
}

function household(data: AccessExport) {
  if (!data.household.length) return none('Aucun membre du foyer enregistré.');
  return html`<table>
    <thead><tr><th scope="col">Lien</th><th scope="col">Prénom</th><th scope="col">Nom</th><th scope="col">Date de naissance</th><th scope="col">Vit au foyer</th></tr></thead>
    <tbody>${data.household.map(
      (member) =>
        html`<tr><td>${label(RELATION_LABELS, member.relation)}</td><td>${member.firstName}</td><td>${member.lastName}</td><td>${calendarDate(member.birthDate)}</td><td>${yesNo(member.livesInHousehold)}</td></tr>`,
    )}</tbody>
  </table>`;
}

function interviews(data: AccessExport) {
  if (!data.interviews.length) return none('Aucun entretien enregistré.');
  return data.interviews.map(
    (interview) => html`<article>
      <h3>${atParis(interview.occurredAt)} — ${label(INTERVIEW_CHANNEL_LABELS, interview.channel)}</h3>
      ${fields([
        ['Professionnel', interview.author.name],
        ['Durée', interview.durationMinutes === null ? null : `${interview.durationMinutes} min`],
        ['Thèmes', interview.themes.join(', ')],
        ['Synthèse', interview.summary],
        [
          interview.noteVisibility === 'PRIVATE' ? 'Note privée (de l’auteur de ce document)' : 'Note d’équipe',
          interview.note,
        ],
        [
          'Actions à suivre',
          interview.followUpActions.length
            ? html`<ul>${interview.followUpActions.map(
                (action) => html`<li>${action.label}${action.dueOn ? ` — pour le ${calendarDate(action.dueOn)}` : ''}${action.done ? ' (faite)' : ''}</li>`,
              )}</ul>`
            : null,
        ],
      ])}
    </article>`,
  );
}

function procedures(data: AccessExport) {
  if (!data.procedures.length) return none('Aucune démarche enregistrée.');
  return data.procedures.map(
    (procedure) => html`<article>
      <h3>${atParis(procedure.occurredAt)} — ${procedure.procedureType.label} (${procedure.organism.label})</h3>
      ${fields([
        ['Professionnel', procedure.agent.name],
        ['Façon de faire', label(PROCEDURE_MODE_LABELS, procedure.mode)],
        ['Raisons', procedure.reasons.map((reason) => label(PROCEDURE_REASON_LABELS, reason)).join(', ')],
        ['Consentement', label(CONSENT_LABELS, procedure.consent)],
        ['Référence du mandat', procedure.mandateReference],
        ['Durée', procedure.durationMinutes === null ? null : `${procedure.durationMinutes} min`],
        ['Résultat', label(PROCEDURE_OUTCOME_LABELS, procedure.outcome)],
        ['Note', procedure.note],
        ['Close le', procedure.closedAt ? atParis(procedure.closedAt) : null],
      ])}
    </article>`,
  );
}

function assessments(data: AccessExport) {
  if (!data.digitalAssessments.length) return none('Aucun diagnostic numérique enregistré.');
  return data.digitalAssessments.map((assessment) => {
    const answers = assessment.answers;
    return html`<article>
      <h3>${atParis(assessment.occurredAt)} — ${assessment.declined ? 'Diagnostic refusé par la personne' : label(DIGITAL_AUTONOMY_LEVEL_LABELS, assessment.level)}</h3>
      ${fields([
        ['Professionnel', assessment.assessor.name],
        ['Raison du refus', assessment.declineReason],
        ['Score', assessment.score],
        ['Explication du niveau', assessment.reasons.join(' ')],
        [
          'Équipement',
          answers
            ? (Object.keys(DIGITAL_EQUIPMENT_LABELS) as (keyof typeof DIGITAL_EQUIPMENT_LABELS)[])
                .filter((item) => answers.equipment[item])
                .map((item) => DIGITAL_EQUIPMENT_LABELS[item])
                .join(', ') || 'Aucun'
            : null,
        ],
        ['Adresse e-mail utilisable', answers ? label(DIGITAL_EMAIL_ACCESS_LABELS, answers.emailAccess) : null],
        ['Comptes en ligne', answers ? answers.onlineAccounts.map((account) => label(DIGITAL_ONLINE_ACCOUNT_LABELS, account)).join(', ') || 'Aucun' : null],
        [
          'Gestes numériques',
          answers
            ? (Object.keys(DIGITAL_SKILL_LABELS) as (keyof typeof DIGITAL_SKILL_LABELS)[])
                .map((skill) => `${DIGITAL_SKILL_LABELS[skill]} : ${label(DIGITAL_SKILL_LEVEL_LABELS, answers.skills[skill])}`)
                .join(' ; ')
            : null,
        ],
        ['Difficultés', answers ? answers.barriers.map((barrier) => label(DIGITAL_BARRIER_LABELS, barrier)).join(', ') || 'Aucune' : null],
        ['Souhaite apprendre', answers ? label(DIGITAL_WILLINGNESS_LABELS, answers.willingToLearn) : null],
      ])}
    </article>`;
  });
}

function referrals(data: AccessExport) {
  if (!data.referrals.length) return none('Aucune orientation enregistrée.');
  return html`<table>
    <thead><tr><th scope="col">Date</th><th scope="col">Partenaire</th><th scope="col">Motif</th><th scope="col">Statut</th><th scope="col">Professionnel</th></tr></thead>
    <tbody>${data.referrals.map(
      (referral) =>
        html`<tr><td>${shortAtParis(referral.occurredAt)}</td><td>${referral.partner.name} (${label(PARTNER_KIND_LABELS, referral.partner.kind)})</td><td>${referral.reason}</td><td>${label(REFERRAL_STATUS_LABELS, referral.status)} depuis le ${shortAtParis(referral.statusChangedAt)}</td><td>${referral.agent.name}</td></tr>`,
    )}</tbody>
  </table>`;
}

function appointments(data: AccessExport) {
  if (!data.appointments.length) return none('Aucun rendez-vous enregistré.');
  return html`<table>
    <thead><tr><th scope="col">Date</th><th scope="col">Motif</th><th scope="col">Lieu</th><th scope="col">Avec</th><th scope="col">Statut</th><th scope="col">Note</th></tr></thead>
    <tbody>${data.appointments.map(
      (appointment) =>
        html`<tr><td>${shortAtParis(appointment.startsAt)}</td><td>${appointment.motif.label}</td><td>${label(LOCATION_TYPE_LABELS, appointment.locationType)}, ${appointment.site.name}</td><td>${appointment.agents.map((agent) => agent.name).join(', ')}</td><td>${label(APPOINTMENT_STATUS_LABELS, appointment.status)}</td><td>${appointment.note}</td></tr>`,
    )}</tbody>
  </table>`;
}

function accessLog(data: AccessExport) {
  return html`<p>Chaque consultation et chaque modification du dossier est enregistrée : date, professionnel, action et partie du dossier concernée.</p>
    <table>
      <thead><tr><th scope="col">Date</th><th scope="col">Professionnel</th><th scope="col">Action</th><th scope="col">Partie du dossier</th></tr></thead>
      <tbody>${data.accessLog.map(
        (entry) =>
          html`<tr><td>${shortAtParis(entry.occurredAt)}</td><td>${entry.actor?.name ?? 'Système'}</td><td>${label(AUDIT_ACTION_LABELS, entry.action)}</td><td>${label(ACCESS_TARGET_LABELS, entry.target)}</td></tr>`,
      )}</tbody>
    </table>`;
}

// Written here, not data: trusted so that its quotes ("Segoe UI") are not escaped away.
const STYLE = trusted(`
  :root { color: #1a1a1a; font: 11pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
  body { max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
  h1 { font-size: 1.6rem; margin-bottom: .25rem; }
  h2 { font-size: 1.25rem; border-bottom: 2px solid #1a1a1a; padding-bottom: .2rem; margin-top: 2rem; }
  h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
  .meta { color: #444; margin: 0; }
  .rule { border: 1px solid #1a1a1a; border-left-width: 6px; padding: .6rem 1rem; margin: 1.5rem 0; }
  dl { display: grid; grid-template-columns: minmax(10rem, 16rem) 1fr; gap: .2rem 1rem; margin: 0; }
  dt { font-weight: 600; }
  dd { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
  dd ul { margin: 0; padding-left: 1.2rem; white-space: normal; }
  table { border-collapse: collapse; width: 100%; font-size: .95em; }
  th, td { border: 1px solid #999; padding: .25rem .4rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
  thead th { background: #eee; }
  article { border-top: 1px solid #ccc; padding-top: .2rem; break-inside: avoid; }
  .empty { color: #444; font-style: italic; }
  nav ol { columns: 2; }
  @page { size: A4; margin: 1.5cm; }
  @media print {
    body { margin: 0; max-width: none; padding: 0; }
    nav { display: none; }
    h2 { break-after: avoid; }
    thead { display: table-header-group; }
    tr { break-inside: avoid; }
  }
`);

/** The whole document. */
export function renderAccessExport(data: AccessExport): string {
  const name = displayName(data.file.identity);
  const fileNumber = formatFileNumber(data.file.fileNumber);
  const parts: [string, string, number | null, SafeHtml | SafeHtml[]][] = [
    ['dossier', 'Dossier', null, identity(data)],
    ['foyer', 'Foyer', data.household.length, household(data)],
    ['entretiens', 'Entretiens', data.interviews.length, html`${interviews(data)}`],
    ['demarches', 'Démarches faites avec ou pour la personne', data.procedures.length, html`${procedures(data)}`],
    ['diagnostics', 'Diagnostics numériques', data.digitalAssessments.length, html`${assessments(data)}`],
    ['orientations', 'Orientations vers des partenaires', data.referrals.length, referrals(data)],
    ['rendez-vous', 'Rendez-vous', data.appointments.length, appointments(data)],
    ['acces', 'Qui a consulté ce dossier', data.accessLog.length, accessLog(data)],
  ];
  const document = html`<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Droit d’accès — dossier ${fileNumber}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
  <h1>Informations détenues sur ${name}</h1>
  <p class="meta">${data.organisation.name} — dossier ${fileNumber}</p>
  <p class="meta">Document établi le ${atParis(data.generatedAt)} (heure de Paris) par ${data.generatedBy.name}, au titre du droit d’accès (article 15 du RGPD).</p>
</header>
<main>
  <p>Ce document rassemble toutes les informations que le CCAS conserve sur cette personne dans son logiciel de suivi : dossier, foyer, entretiens, démarches, diagnostics numériques, orientations, rendez-vous, et la liste des consultations du dossier. Les éléments les plus récents viennent en premier.</p>
  <aside class="rule" aria-label="Notes privées">
    <strong>Notes privées</strong>
    <p>${data.privateNotesRule}</p>
  </aside>
  <nav aria-label="Sommaire"><h2>Sommaire</h2><ol>${parts.map(([id, title]) => html`<li><a href="#${id}">${title}</a></li>`)}</ol></nav>
  ${parts.map(([id, title, count, body]) => section(id, title, count, html`${body}`))}
</main>
</body>
</html>
`;
  return document.value;
}
