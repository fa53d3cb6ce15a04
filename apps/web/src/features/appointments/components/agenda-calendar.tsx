import { type AbsenceOccurrence, type Appointment, APPOINTMENT_STATUS_LABELS, CANCELLED_STATUSES, type OpeningRange, type PersonRef } from '@ccas/shared';
import dayjs from 'dayjs';
import 'dayjs/locale/fr';
import { type KeyboardEvent, type ReactNode, useEffect, useMemo, useRef } from 'react';
import { Calendar, type Formats, type Messages, type View, dayjsLocalizer } from 'react-big-calendar';
import 'react-big-calendar/lib/css/react-big-calendar.css';
import { instantOfParisWall, parisWallDate } from '../../../lib/dates';
import './agenda-calendar.css';

// French week (Monday first), 24-hour times. The grid computes with local dates: it is given Paris
// wall-clock dates (lib/dates `parisWallDate`), so it shows Paris time whatever the browser's zone.
dayjs.locale('fr');
const localizer = dayjsLocalizer(dayjs);

const formats: Formats = {
  timeGutterFormat: 'HH:mm',
  eventTimeRangeFormat: ({ start, end }) => `${dayjs(start).format('HH:mm')} – ${dayjs(end).format('HH:mm')}`,
  agendaTimeRangeFormat: ({ start, end }) => `${dayjs(start).format('HH:mm')} – ${dayjs(end).format('HH:mm')}`,
  agendaTimeFormat: 'HH:mm',
  selectRangeFormat: ({ start, end }) => `${dayjs(start).format('HH:mm')} – ${dayjs(end).format('HH:mm')}`,
  dayFormat: 'ddd DD/MM',
  dayHeaderFormat: 'dddd D MMMM YYYY',
  agendaDateFormat: 'ddd DD/MM',
  dayRangeHeaderFormat: ({ start, end }) => `${dayjs(start).format('D MMMM')} – ${dayjs(end).format('D MMMM YYYY')}`,
};

const messages: Messages = {
  date: 'Date',
  time: 'Heure',
  event: 'Rendez-vous',
  allDay: 'Journée',
  week: 'Semaine',
  work_week: 'Semaine de travail',
  day: 'Jour',
  month: 'Mois',
  previous: 'Précédent',
  next: 'Suivant',
  yesterday: 'Hier',
  tomorrow: 'Demain',
  today: 'Aujourd’hui',
  agenda: 'Liste',
  noEventsInRange: 'Aucun rendez-vous sur cette période.',
  showMore: (count) => `+ ${count} autres`,
};

export interface AgendaEvent {
  title: string;
  start: Date;
  end: Date;
  /** The agents' columns it appears in (site agenda). */
  resourceId?: string[];
  appointment?: Appointment;
}

interface Props {
  /** The day shown (or a day of the week shown), as a Paris wall-clock date. */
  date: Date;
  view: View;
  views: View[];
  appointments: Appointment[];
  absences: AbsenceOccurrence[];
  /** Agents side by side (site agenda); one column otherwise. */
  agents?: PersonRef[];
  /** The site's opening hours (site agenda): the hours outside are greyed. */
  openingHours?: OpeningRange[];
  /** The new day shown, as a Paris wall-clock date. */
  onNavigate: (date: Date) => void;
  onView: (view: View) => void;
  onOpen: (appointment: Appointment) => void;
  /** A free slot chosen: its start as a real instant. */
  onSelectSlot?: (slot: { start: Date; agentId?: string }) => void;
}

const DayHeader = ({ label }: { label: ReactNode }) => <span>{label}</span>;

const title = (appointment: Appointment) =>
  `${CANCELLED_STATUSES.includes(appointment.status) ? `${APPOINTMENT_STATUS_LABELS[appointment.status]} — ` : ''}${appointment.beneficiary.name} — ${appointment.motif.label}`;

/** Whether a slot (a Paris wall-clock date) falls inside the opening hours. */
function isOpen(ranges: OpeningRange[], slot: Date): boolean {
  const weekday = ((slot.getDay() + 6) % 7) + 1;
  const time = dayjs(slot).format('HH:mm');
  return ranges.some((range) => range.weekday === weekday && range.opensAt <= time && time < range.closesAt);
}

/** The agenda grid (react-big-calendar): week or day, the agents side by side for a site. */
export function AgendaCalendar({ date, view, views, appointments, absences, agents, openingHours, onNavigate, onView, onOpen, onSelectSlot }: Props) {
  const events = useMemo<AgendaEvent[]>(
    () =>
      appointments.map((appointment) => ({
        title: title(appointment),
        start: parisWallDate(appointment.startsAt),
        end: parisWallDate(appointment.endsAt),
        resourceId: appointment.agents.map((agent) => agent.id),
        appointment,
      })),
    [appointments],
  );
  const unavailable = useMemo<AgendaEvent[]>(
    () =>
      absences.map((absence) => ({
        title: `${absence.agent.name} : absent·e${absence.label ? ` (${absence.label})` : ''}`,
        start: parisWallDate(absence.startsAt),
        end: parisWallDate(absence.endsAt),
        resourceId: [absence.agent.id],
      })),
    [absences],
  );

  // The hours scroll: keyboard users reach them too (react-big-calendar leaves the region unfocusable).
  const frame = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const hours = frame.current?.querySelector<HTMLElement>('.rbc-time-content');
    if (hours) {
      hours.tabIndex = 0;
      hours.setAttribute('aria-label', 'Heures de la journée');
    }
  });

  return (
    <div ref={frame}>
    <Calendar<AgendaEvent, PersonRef>
      localizer={localizer}
      culture="fr"
      formats={formats}
      messages={messages}
      date={date}
      view={view}
      views={views}
      onNavigate={onNavigate}
      onView={onView}
      events={events}
      backgroundEvents={unavailable}
      resources={agents}
      resourceIdAccessor="id"
      resourceTitleAccessor="name"
      step={15}
      timeslots={4}
      // The whole day stays reachable (a home visit at 19:00); the grid opens on the working hours.
      scrollToTime={dayjs(date).hour(8).minute(0).toDate()}
      style={{ height: 720 }}
      selectable={onSelectSlot !== undefined}
      getNow={() => parisWallDate(new Date())}
      onSelectSlot={(slot) => onSelectSlot?.({ start: new Date(instantOfParisWall(slot.start)), agentId: slot.resourceId === undefined ? undefined : String(slot.resourceId) })}
      onSelectEvent={(event) => event.appointment && onOpen(event.appointment)}
      onKeyPressEvent={(event, keyEvent) => {
        const { key } = keyEvent as KeyboardEvent<HTMLElement>;
        if (event.appointment && (key === 'Enter' || key === ' ')) onOpen(event.appointment);
      }}
      // The default day header claims a table role inside a button: plain text is right there.
      components={{ header: DayHeader }}
      slotPropGetter={(slot) => (openingHours?.length && !isOpen(openingHours, slot) ? { className: 'agenda-closed' } : {})}
      eventPropGetter={(event) => ({
        className: event.appointment ? `agenda-status-${event.appointment.status.toLowerCase()}` : 'agenda-absence',
        style: event.appointment && CANCELLED_STATUSES.includes(event.appointment.status) ? { opacity: 0.6, textDecoration: 'line-through' } : undefined,
      })}
    />
    </div>
  );
}
