import { Card, List, SimpleGrid, Text } from '@mantine/core';
import { ROLE_LABELS } from '@ccas/shared';
import { PageTitle } from '../../../components/page-title';
import { useMe } from '../../me/api/get-me';

export function HomePage() {
  const { data: user } = useMe();
  if (!user) return null;
  return (
    <>
      <PageTitle>{`Bonjour ${user.firstName}`}</PageTitle>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Text fw={600} component="h2" mb="xs">
            Votre structure
          </Text>
          <Text data-testid="tenant-name">{user.tenant.name}</Text>
          <Text size="sm" c="dimmed">
            {user.sites.length > 0 ? `Sites : ${user.sites.map((site) => site.name).join(', ')}` : 'Aucun site rattaché'}
          </Text>
        </Card>
        <Card withBorder>
          <Text fw={600} component="h2" mb="xs">
            Vos rôles
          </Text>
          <List>
            {user.roles.map((role) => (
              <List.Item key={role}>{ROLE_LABELS[role]}</List.Item>
            ))}
          </List>
        </Card>
      </SimpleGrid>
    </>
  );
}
