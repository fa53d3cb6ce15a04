import { Button, Group, SegmentedControl, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { type Dashboard, type DashboardQuery, type DashboardTable, dashboardTables, type ExportFormat, hours, percent } from '@ccas/shared';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { useCan } from '../../../components/can';
import { DateField } from '../../../components/date-field';
import { PageTitle } from '../../../components/page-title';
import { QueryStatus } from '../../../components/query-status';
import { todayInParis } from '../../../lib/dates';
import { useSites } from '../../sites/api/list-sites';
import { useTeamMembers } from '../../team/api/list-team-members';
import { downloadDashboardTable } from '../api/download-dashboard-table';
import { useDashboard } from '../api/get-dashboard';
import { BarsCard, ChartCard } from '../components/chart-card';
import { ListExports } from '../components/list-exports';
import { MonthlyProceduresChart } from '../components/charts';
import { Stat } from '../components/stat';
import { PERIOD_KIND_LABELS, type Period, periodChoices, type PeriodKind } from '../lib/periods';

const numberFormat = new Intl.NumberFormat('fr-FR');
const shown = (value: number | null, unit = '') => (value === null ? '—' : `${numberFormat.format(value)}${unit}`);
const ALL = '';

/**
 * The director's dashboard (a period, a site, an agent) and each agent's own activity: files,
 * appointments, procedures — the share done in the person's place first — and digital inclusion.
 */
export function DashboardPage() {
  const can = useCan();
  const director = can('dashboard:read');
  const sites = useSites();
  const team = useTeamMembers(director);
  const today = todayInParis();
  const [kind, setKind] = useState<PeriodKind>('month');
  const [chosen, setChosen] = useState<Period>(() => periodChoices('month', today)[0].period);
  const [custom, setCustom] = useState<{ from: string | null; to: string | null }>({ from: null, to: null });
  const [siteId, setSiteId] = useState(ALL);
  const [agentId, setAgentId] = useState(ALL);

  const choices = kind === 'custom' ? [] : periodChoices(kind, today);
  const period = kind === 'custom' ? (custom.from && custom.to && custom.from <= custom.to ? { from: custom.from, to: custom.to } : null) : chosen;
  const query: DashboardQuery | null = period && { ...period, siteId: siteId || undefined, agentId: agentId || undefined };
  const dashboard = useDashboard(query);
  const agents = (team.data ?? []).filter((member) => member.roles.includes('AGENT'));

  return (
    <>
      <Group justify="space-between" mb="md">
        <PageTitle mb={0}>{director ? 'Tableau de bord' : 'Mon activité'}</PageTitle>
        {director && (
          <Button variant="default" component={Link} to="/tableau-de-bord/rapport-annuel">
            Rapport annuel (ABS)
          </Button>
        )}
      </Group>
      <Stack gap="lg">
        <Group gap="md" align="end" wrap="wrap" role="search" aria-label="Filtres du tableau de bord">
          <SegmentedControl
            aria-label="Type de période"
            value={kind}
            onChange={(value) => {
              const next = value as PeriodKind;
              setKind(next);
              if (next !== 'custom') setChosen(periodChoices(next, today)[0].period);
            }}
            data={Object.entries(PERIOD_KIND_LABELS).map(([value, label]) => ({ value, label }))}
          />
          {kind === 'custom' ? (
            <>
              <DateField label="Du" value={custom.from} onChange={(from) => setCustom((current) => ({ ...current, from }))} />
              <DateField
                label="Au"
                value={custom.to}
                onChange={(to) => setCustom((current) => ({ ...current, to }))}
                error={custom.from && custom.to && custom.to < custom.from ? 'La fin doit suivre le début.' : undefined}
              />
            </>
          ) : (
            <Select
              label="Période"
              allowDeselect={false}
              value={chosen.from}
              onChange={(value) => setChosen(choices.find((choice) => choice.value === value)?.period ?? chosen)}
              data={choices.map(({ value, label }) => ({ value, label }))}
            />
          )}
          <Select
            label="Site"
            allowDeselect={false}
            value={siteId}
            onChange={(value) => setSiteId(value ?? ALL)}
            data={[{ value: ALL, label: 'Tous les sites' }, ...(sites.data ?? []).map((site) => ({ value: site.id, label: site.name }))]}
          />
          {director && (
            <Select
              label="Agent"
              searchable
              allowDeselect={false}
              value={agentId}
              onChange={(value) => setAgentId(value ?? ALL)}
              data={[{ value: ALL, label: 'Toute l’équipe' }, ...agents.map((agent) => ({ value: agent.id, label: `${agent.firstName} ${agent.lastName}` }))]}
            />
          )}
        </Group>
        {kind === 'custom' && !period && <Text c="dimmed">Choisissez les deux dates de la période.</Text>}
        {query && <QueryStatus query={dashboard} loadingLabel="Calcul des indicateurs" errorTitle="Tableau de bord indisponible" loaderSize="md" />}
        {query && dashboard.data && (
          <Figures
            dashboard={dashboard.data}
            download={can('export:run') ? (table) => (format) => downloadDashboardTable(table, query, format) : undefined}
          />
        )}
        {query && can('export:run') && <ListExports query={query} />}
      </Stack>
    </>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="sm" component="section" aria-label={title}>
      <Title order={2} size="h3">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

interface FiguresProps {
  dashboard: Dashboard;
  /** For members who may export: downloads a table as a file. */
  download?: (table: DashboardTable) => (format: ExportFormat) => Promise<void>;
}

function Figures({ dashboard: d, download }: FiguresProps) {
  const tables = dashboardTables(d);
  // A card's table and, when allowed, its download.
  const card = (name: DashboardTable) => ({ table: tables[name], onDownload: download?.(name) });
  return (
    <Stack gap="xl">
      <Section title="Démarches">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
          <Stat label="Démarches" value={shown(d.procedures.total)} />
          <Stat label="Faites à la place" value={shown(percent(d.procedures.inPlaceShare), ' %')} hint={`${shown(d.procedures.inPlace)} démarches faites à la place de la personne`} />
          <Stat label="Temps passé" value={shown(hours(d.procedures.minutes), ' h')} hint="Là où la durée a été notée" />
          <Stat label="Organismes" value={shown(d.procedures.byOrganism.length)} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          <ChartCard {...card('procedures-per-month')} chart={<MonthlyProceduresChart table={tables['procedures-per-month']} />} />
          <BarsCard {...card('procedures-by-mode')} horizontal />
          <BarsCard {...card('procedures-by-organism')} horizontal />
          <BarsCard {...card('procedures-by-category')} horizontal />
          <BarsCard {...card('procedures-by-type')} horizontal />
        </SimpleGrid>
      </Section>

      <Section title="Rendez-vous">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
          <Stat label="Rendez-vous" value={shown(d.appointments.booked)} />
          <Stat label="Taux d’absence non excusée" value={shown(percent(d.appointments.noShowRate), ' %')} hint="Parmi les rendez-vous honorés ou manqués" />
          <Stat label="Prévus dans les 7 jours" value={shown(d.appointments.nextDays.reduce((sum, day) => sum + day.planned, 0))} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          <BarsCard {...card('appointment-statuses')} horizontal />
          <BarsCard {...card('coming-week')} />
          <BarsCard {...card('appointments-per-agent')} series={[2, 3]} horizontal stacked />
          <BarsCard {...card('appointments-per-site')} series={[2, 3]} horizontal stacked />
        </SimpleGrid>
      </Section>

      <Section title="Inclusion numérique">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
          <Stat
            label="Taux de repérage"
            value={shown(percent(d.digitalInclusion.detectionRate), ' %')}
            hint={`${shown(d.digitalInclusion.assessedFiles)} dossiers évalués sur ${shown(d.digitalInclusion.openedFiles)} ouverts`}
          />
          <Stat label="Orientations" value={shown(d.digitalInclusion.referralsMade)} hint={`${shown(d.digitalInclusion.referralsCompleted)} réalisées`} />
          <Stat label="Personnes qui ont progressé" value={shown(d.digitalInclusion.improved)} hint="Niveau meilleur qu’à l’évaluation précédente" />
        </SimpleGrid>
        <BarsCard {...card('digital-levels')} horizontal />
      </Section>

      <Section title="Dossiers">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
          <Stat label="Dossiers actifs" value={shown(d.files.active)} hint="Aujourd’hui" />
          <Stat label="Dossiers ouverts" value={shown(d.files.opened)} hint="Sur la période" />
          <Stat label="Dossiers archivés" value={shown(d.files.archived)} hint="Sur la période" />
        </SimpleGrid>
        <BarsCard {...card('caseload')} horizontal />
      </Section>
    </Stack>
  );
}
