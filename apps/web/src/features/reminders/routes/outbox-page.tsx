import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import { NOTIFICATION_CHANNEL_LABELS, NOTIFICATION_KIND_LABELS } from '@ccas/shared';
import { PageTitle } from '../../../components/page-title';
import { MoreButton, QueryStatus } from '../../../components/query-status';
import { formatDateTime } from '../../../lib/dates';
import { loadedItems } from '../../../lib/pagination';
import { useOutbox } from '../api/list-outbox';

/**
 * Development and demonstration: the reminders and notices the product would have sent by e-mail or
 * SMS. With a real gateway configured, nothing is kept here.
 */
export function OutboxPage() {
  const outbox = useOutbox();
  const items = loadedItems(outbox.data);
  return (
    <>
      <PageTitle>Messages envoyés</PageTitle>
      <Text c="dimmed" mb="md">
        Environnement de démonstration : les rappels et avis de rendez-vous ne partent pas, ils sont gardés ici.
      </Text>
      <QueryStatus
        query={outbox}
        count={items.length}
        loadingLabel="Chargement des messages"
        errorTitle="Messages indisponibles"
        empty={<Text>Aucun message pour le moment.</Text>}
        loaderSize="md"
      />
      <Stack gap="sm" component="ul" aria-label="Messages" style={{ listStyle: 'none', padding: 0 }}>
        {items.map((message) => (
          <Card key={message.id} withBorder component="li">
            <Group gap="xs" mb={4}>
              <Badge variant="light">{NOTIFICATION_CHANNEL_LABELS[message.channel]}</Badge>
              {message.kind && <Badge variant="light" color="gray">{NOTIFICATION_KIND_LABELS[message.kind]}</Badge>}
              <Text size="sm">à {message.recipient}</Text>
              <Text size="sm" c="dimmed">
                le {formatDateTime(message.createdAt)}
              </Text>
            </Group>
            {message.subject && <Text fw={600}>{message.subject}</Text>}
            <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
              {message.body}
            </Text>
          </Card>
        ))}
      </Stack>
      <MoreButton query={outbox} />
    </>
  );
}
