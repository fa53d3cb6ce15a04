import { Button, Card, CopyButton, Group, Text, TextInput, Title } from '@mantine/core';
import { useId } from 'react';
import { ErrorAlert } from '../../../components/error-alert';
import { formatDateTime } from '../../../lib/dates';
import { useCalendarFeed, useCreateCalendarFeed, useRevokeCalendarFeed } from '../api/calendar-feed';

/** "S'abonner à mon agenda": a private address for the agent's phone or Outlook calendar, revocable. */
export function CalendarFeedCard() {
  const headingId = useId();
  const feed = useCalendarFeed();
  const create = useCreateCalendarFeed();
  const revoke = useRevokeCalendarFeed();
  const url = create.data?.url;

  return (
    <Card withBorder component="section" aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId} mb="xs">
        S’abonner à mon agenda
      </Title>
      <Text size="sm" mb="sm">
        Une adresse privée pour voir vos rendez-vous dans l’agenda de votre téléphone ou de votre messagerie. Elle ne montre que les
        initiales des personnes et le motif. Gardez-la pour vous ; vous pouvez la remplacer ou la désactiver à tout moment.
      </Text>
      {url && (
        <Group align="end" mb="sm">
          <TextInput label="Adresse d’abonnement (affichée une seule fois)" value={url} readOnly style={{ flex: 1 }} />
          <CopyButton value={url}>{({ copied, copy }) => <Button onClick={copy}>{copied ? 'Copiée' : 'Copier'}</Button>}</CopyButton>
        </Group>
      )}
      {feed.data?.active && !url && feed.data.createdAt && (
        <Text size="sm" mb="sm">
          Adresse active depuis le {formatDateTime(feed.data.createdAt)}.
        </Text>
      )}
      <ErrorAlert error={create.error ?? revoke.error ?? feed.error} />
      <Group gap="sm">
        <Button variant="default" loading={create.isPending} onClick={() => create.mutate()}>
          {feed.data?.active ? 'Remplacer l’adresse' : 'Créer mon adresse d’abonnement'}
        </Button>
        {feed.data?.active && (
          <Button variant="subtle" color="red.9" loading={revoke.isPending} onClick={() => revoke.mutate(undefined, { onSuccess: () => create.reset() })}>
            Désactiver
          </Button>
        )}
      </Group>
    </Card>
  );
}
