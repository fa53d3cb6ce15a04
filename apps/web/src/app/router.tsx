import type { Permission } from '@ccas/shared';
import type { ComponentType } from 'react';
import { createBrowserRouter } from 'react-router';
import { AppLayout } from './app-layout';
import { RequireAccess } from './require-access';
import { PageTitle } from '../components/page-title';

const lazyHome = async () => ({ Component: (await import('../features/home/routes/home-page')).HomePage });

/** A lazily loaded page, shown only to members holding one of the permissions. */
const guarded =
  (anyOf: Permission[], load: () => Promise<ComponentType>) =>
  async (): Promise<{ Component: ComponentType }> => {
    const Page = await load();
    return {
      Component: () => (
        <RequireAccess entry={{ anyOf }}>
          <Page />
        </RequireAccess>
      ),
    };
  };

const beneficiaryRoutes = [
  {
    path: '/personnes',
    lazy: guarded(['beneficiary:search'], async () => (await import('../features/beneficiaries/routes/beneficiary-search-page')).BeneficiarySearchPage),
  },
  {
    path: '/personnes/nouveau',
    lazy: guarded(['beneficiary:create'], async () => (await import('../features/beneficiaries/routes/beneficiary-create-page')).BeneficiaryCreatePage),
  },
  {
    path: '/personnes/:id',
    lazy: guarded(['beneficiary:search'], async () => (await import('../features/beneficiaries/routes/beneficiary-file-page')).BeneficiaryFilePage),
  },
];

const procedureRoutes = [
  {
    path: '/demarches',
    lazy: guarded(['procedure:read', 'procedure:write-orientation'], async () => (await import('../features/procedures/routes/procedures-page')).ProceduresPage),
  },
];

const administrationRoutes = [
  {
    path: '/administration',
    lazy: guarded(['users:manage', 'catalogues:manage'], async () => (await import('../features/administration/routes/administration-page')).AdministrationPage),
  },
];

const dashboardRoutes = [
  {
    path: '/tableau-de-bord',
    lazy: guarded(['dashboard:read', 'dashboard:personal'], async () => (await import('../features/dashboard/routes/dashboard-page')).DashboardPage),
  },
  {
    path: '/tableau-de-bord/rapport-annuel',
    lazy: guarded(['dashboard:read'], async () => (await import('../features/dashboard/routes/abs-report-page')).AbsReportPage),
  },
];

const appointmentRoutes = [
  {
    path: '/agenda',
    lazy: guarded(['appointment:read'], async () => (await import('../features/appointments/routes/agenda-page')).AgendaPage),
  },
  {
    path: '/agenda/sites/:siteId/jour/:date',
    lazy: guarded(['appointment:read'], async () => (await import('../features/appointments/routes/site-day-page')).SiteDayPage),
  },
  {
    path: '/messages-envoyes',
    lazy: guarded(['appointment:read', 'settings:manage'], async () => (await import('../features/reminders/routes/outbox-page')).OutboxPage),
  },
];

const retentionRoutes = [
  {
    path: '/archivage',
    lazy: guarded(['retention:review'], async () => (await import('../features/retention/routes/retention-page')).RetentionPage),
  },
];

const auditRoutes = [
  {
    path: '/journal-audit',
    lazy: guarded(['audit:read'], async () => (await import('../features/audit-events/routes/audit-events-page')).AuditEventsPage),
  },
];

export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    // The layout shows its own loading state; nothing to render before the first lazy route loads.
    HydrateFallback: () => null,
    children: [
      { index: true, lazy: lazyHome },
      ...beneficiaryRoutes,
      ...procedureRoutes,
      ...appointmentRoutes,
      ...dashboardRoutes,
      ...administrationRoutes,
      ...auditRoutes,
      ...retentionRoutes,
      { path: '*', Component: () => <PageTitle>Page introuvable</PageTitle> },
    ],
  },
]);
