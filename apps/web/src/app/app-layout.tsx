import { AppShell, Burger, Button, Group, Loader, NavLink, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { PROBLEM_TYPES, ROLE_LABELS } from '@ccas/shared';
import { Suspense } from 'react';
import { NavLink as RouterNavLink, Outlet } from 'react-router';
import { useMe } from '../features/me/api/get-me';
import { ApiError } from '../lib/api-client';
import { logout } from '../lib/auth';
import { visibleEntries } from './navigation';
import { QuickProcedureButton } from './quick-procedure';
import { StatusPage } from './status-page';

export function AppLayout() {
  const me = useMe();
  const [opened, { toggle, close }] = useDisclosure();

  if (me.isPending) {
    return (
      <StatusPage title="Chargement…">
        <Loader aria-label="Chargement" />
      </StatusPage>
    );
  }
  if (me.isError) return <AccountProblem error={me.error} retry={() => void me.refetch()} />;

  const user = me.data;
  return (
    <AppShell header={{ height: 64 }} navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Ouvrir le menu" />
            <div>
              <Text fw={700} size="lg" component="p">
                {user.tenant.name}
              </Text>
            </div>
          </Group>
          <Group wrap="nowrap" gap="sm">
            <QuickProcedureButton />
            <Stack gap={0} align="flex-end" visibleFrom="xs">
              <Text fw={600} data-testid="user-name">
                {user.firstName} {user.lastName}
              </Text>
              <Text size="sm" c="dimmed">
                {user.roles.map((role) => ROLE_LABELS[role]).join(', ')}
              </Text>
            </Stack>
            <Button variant="default" onClick={() => void logout()}>
              Se déconnecter
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" component="nav" aria-label="Navigation principale">
        {visibleEntries(user.permissions).map((entry) => (
          <NavLink
            key={entry.path}
            component={RouterNavLink}
            to={entry.path}
            end={entry.path === '/'}
            label={entry.label}
            onClick={close}
          />
        ))}
      </AppShell.Navbar>

      <AppShell.Main>
        <Suspense fallback={<Loader aria-label="Chargement" />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}

function AccountProblem({ error, retry }: { error: Error; retry: () => void }) {
  const signOut = { label: 'Se déconnecter', onClick: () => void logout() };
  if (error instanceof ApiError && error.problem.type === PROBLEM_TYPES.noMembership) {
    return (
      <StatusPage title="Aucun CCAS rattaché" action={signOut}>
        {error.problem.detail}
      </StatusPage>
    );
  }
  if (error instanceof ApiError && error.problem.type === PROBLEM_TYPES.inactiveMembership) {
    return (
      <StatusPage title="Compte désactivé" action={signOut}>
        {error.problem.detail}
      </StatusPage>
    );
  }
  return (
    <StatusPage title="Service indisponible" action={{ label: 'Réessayer', onClick: retry }}>
      Le service ne répond pas pour le moment. Vos données ne sont pas perdues : réessayez dans quelques instants.
    </StatusPage>
  );
}
