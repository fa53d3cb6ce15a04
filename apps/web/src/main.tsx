import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import './app/print.css';
import 'dayjs/locale/fr';
import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { StatusPage } from './app/status-page';
import { cssVariablesResolver, theme } from './app/theme';
import { ApiError } from './lib/api-client';
import { initAuth } from './lib/auth';
import { loadRuntimeConfig } from './lib/runtime-config';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Do not hammer the API with retries of refusals; retry briefly when it is unreachable.
      retry: (failureCount, error) => !(error instanceof ApiError && error.status < 500) && failureCount < 2,
    },
  },
});

const root = createRoot(document.getElementById('root')!);
const render = (node: React.ReactNode) =>
  root.render(
    <StrictMode>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
        <DatesProvider settings={{ locale: 'fr', firstDayOfWeek: 1 }}>
          <Notifications position="top-right" />
          {node}
        </DatesProvider>
      </MantineProvider>
    </StrictMode>,
  );

try {
  await initAuth(await loadRuntimeConfig());
  const { router } = await import('./app/router');
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
} catch {
  render(
    <StatusPage title="Connexion impossible" action={{ label: 'Réessayer', onClick: () => window.location.reload() }}>
      Le service d'authentification ne répond pas. Réessayez dans quelques instants.
    </StatusPage>,
  );
}
