import { createBrowserRouter } from 'react-router';
import { AppLayout } from './app-layout';
import { NAVIGATION } from './navigation';
import { RequireAccess } from './require-access';
import { PageTitle } from '../components/page-title';

const lazyHome = async () => ({ Component: (await import('../features/home/routes/home-page')).HomePage });

export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    // The layout shows its own loading state; nothing to render before the first lazy route loads.
    HydrateFallback: () => null,
    children: [
      { index: true, lazy: lazyHome },
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
