import type { Permission } from '@ccas/shared';
import type { ComponentType } from 'react';
import { createBrowserRouter } from 'react-router';
import { AppLayout } from './app-layout';
import { NAVIGATION } from './navigation';
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
      ...administrationRoutes,
      ...NAVIGATION.filter((entry) => entry.comingSoon).map((entry) => ({
        path: entry.path,
        lazy: async () => {
          const { ComingSoonPage } = await import('../features/coming-soon/routes/coming-soon-page');
          return {
            Component: () => (
              <RequireAccess entry={entry}>
                <ComingSoonPage title={entry.label} />
              </RequireAccess>
            ),
          };
        },
      })),
      { path: '*', Component: () => <PageTitle>Page introuvable</PageTitle> },
    ],
  },
]);
