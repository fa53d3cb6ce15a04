import { Button, Group, Modal, SegmentedControl, Select, Stack } from '@mantine/core';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { View } from 'react-big-calendar';
import { Link } from 'react-router';
import { useCan } from '../../../components/can';
import { ErrorAlert } from '../../../components/error-alert';
import { PageTitle } from '../../../components/page-title';
import { instantOfParisWall, parisWallDate } from '../../../lib/dates';
import { useMe } from '../../me/api/get-me';
import { useSites } from '../../sites/api/list-sites';
import { useTeamMembers } from '../../team/api/list-team-members';
import type { AgendaFilters } from '../api/keys';
import { useAbsences } from '../api/list-absences';
import { useAgenda } from '../api/list-agenda';
import { useOpeningHours } from '../api/opening-hours';
import { AbsencesSection } from '../components/absences-section';
import { AgendaCalendar } from '../components/agenda-calendar';
import { CalendarFeedCard } from '../components/calendar-feed-card';
import { nextQuarterHour } from '../components/appointment-form';
import { AppointmentDetails } from '../components/appointment-details';
import { AppointmentsToDo } from '../components/appointments-to-do';
import { NewAppointment } from '../components/new-appointment';

type Mode = 'agent' | 'site';

/** The period a view shows (a Monday-to-Monday week, or one day) of the Paris wall-clock `date`. */
function period(date: Date, view: View): { from: string; to: string } {
  const unit = view === 'day' ? 'day' : 'week';
  const start = dayjs(date).startOf(unit);
  return { from: instantOfParisWall(start.toDate()), to: instantOfParisWall(start.add(1, unit).toDate()) };
}

/**
 * Agendas: an agent's week (their own by default), or a site's day with its agents side by side.
 * Booking from a free slot or the button; an appointment opens to give its status or move it.
 */
export function AgendaPage() {
  const can = useCan();
  const { data: me } = useMe();
  const team = useTeamMembers();
  const sites = useSites();
  const isAgent = me?.roles.includes('AGENT') ?? false;
  const [mode, setMode] = useState<Mode>(isAgent ? 'agent' : 'site');
  const [agentId, setAgentId] = useState<string | null>(isAgent ? (me?.id ?? null) : null);
  const [siteId, setSiteId] = useState<string | null>(null);
  // The day shown, as a Paris wall-clock date (see AgendaCalendar).
  const [date, setDate] = useState(() => parisWallDate(new Date()));
  const [view, setView] = useState<View>(isAgent ? 'week' : 'day');
  const [openId, setOpenId] = useState<string | null>(null);
  const [booking, setBooking] = useState<{ agentIds: string[]; startsAt: Date } | null>(null);

  const agents = (team.data ?? []).filter((member) => member.roles.includes('AGENT'));
  const site = siteId ?? sites.data?.[0]?.id ?? null;
  const filters: AgendaFilters | null =
    mode === 'agent' ? (agentId ? { ...period(date, view), agentId } : null) : site ? { ...period(date, 'day'), siteId: site } : null;
  const agenda = useAgenda(filters);
  const absences = useAbsences(filters);
  const openingHours = useOpeningHours(mode === 'site' ? site : null);
  const appointments = agenda.data ?? [];
  const opened = appointments.find((appointment) => appointment.id === openId);
  const manage = can('appointment:manage');

  const book = (slot: { start: Date; agentId?: string }) =>
    setBooking({ agentIds: slot.agentId ? [slot.agentId] : mode === 'agent' && agentId ? [agentId] : [], startsAt: slot.start });

  return (
    <>
      <Group justify="space-between" mb="md">
        <PageTitle mb={0}>Agenda</PageTitle>
        <Group gap="sm">
          {mode === 'site' && site && (
            <Button variant="default" component={Link} to={`/agenda/sites/${site}/jour/${dayjs(date).format('YYYY-MM-DD')}`}>
              Liste du jour à imprimer
            </Button>
          )}
          {manage && <Button onClick={() => book({ start: nextQuarterHour() })}>Nouveau rendez-vous</Button>}
        </Group>
      </Group>
      <Stack gap="md">
        <Group gap="md" align="end">
          <SegmentedControl
            aria-label="Agenda affiché"
            value={mode}
            onChange={(value) => {
              setMode(value as Mode);
              setView(value === 'site' ? 'day' : 'week');
            }}
            data={[
              { value: 'agent', label: 'Agenda d’un agent' },
              { value: 'site', label: 'Agenda d’un site' },
            ]}
          />
          {mode === 'agent' ? (
            <Select
              label="Agent"
              searchable
              allowDeselect={false}
              value={agentId}
              onChange={setAgentId}
              data={agents.map((agent) => ({ value: agent.id, label: `${agent.firstName} ${agent.lastName}` }))}
            />
          ) : (
            <Select label="Site" allowDeselect={false} value={site} onChange={setSiteId} data={(sites.data ?? []).map((entry) => ({ value: entry.id, label: entry.name }))} />
          )}
        </Group>
        <ErrorAlert error={agenda.error ?? absences.error} title="Agenda indisponible" />
        <AgendaCalendar
          date={date}
          view={mode === 'site' ? 'day' : view}
          views={mode === 'site' ? ['day', 'agenda'] : ['week', 'day', 'agenda']}
          appointments={appointments}
          absences={absences.data ?? []}
          openingHours={mode === 'site' ? openingHours.data?.ranges : undefined}
          agents={mode === 'site' ? agents.map((agent) => ({ id: agent.id, name: `${agent.firstName} ${agent.lastName}` })) : undefined}
          onNavigate={setDate}
          onView={setView}
          onOpen={(appointment) => setOpenId(appointment.id)}
          onSelectSlot={manage ? book : undefined}
        />
        {isAgent && <AppointmentsToDo />}
        {isAgent && me && <AbsencesSection agentId={me.id} />}
        {isAgent && <CalendarFeedCard />}
      </Stack>

      <Modal opened={opened !== undefined} onClose={() => setOpenId(null)} title="Rendez-vous" size="lg">
        {opened && <AppointmentDetails key={opened.id} appointment={opened} onClose={() => setOpenId(null)} />}
      </Modal>
      <Modal opened={booking !== null} onClose={() => setBooking(null)} title="Nouveau rendez-vous" size="lg">
        {booking && <NewAppointment slot={{ ...booking, siteId: site }} onClose={() => setBooking(null)} />}
      </Modal>
    </>
  );
}
