import { Alert, Badge, Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { OPEN_REFERRAL_STATUSES, PARTNER_KIND_LABELS, type Referral, REFERRAL_STATUS_LABELS, ReferralStatus } from '@ccas/shared';
import { useId, useState } from 'react';
import { ErrorAlert } from '../../../components/error-alert';
import { QueryStatus } from '../../../components/query-status';
import { ApiError } from '../../../lib/api-client';
import { formatLongDate } from '../../../lib/dates';
import { labelOptions } from '../../../lib/forms';
import { useCreateReferral } from '../api/create-referral';
import { useDigitalPartners } from '../api/list-digital-partners';
import { useReferrals } from '../api/list-referrals';
import { useUpdateReferralStatus } from '../api/update-referral';

const STATUS_OPTIONS = labelOptions(REFERRAL_STATUS_LABELS);
const isOpen = (referral: Referral) => OPEN_REFERRAL_STATUSES.includes(referral.status);

interface Props {
  beneficiaryId: string;
  canWrite: boolean;
  /** The current level calls for a digital partner (suggestsDigitalPartner). */
  suggestPartners: boolean;
}

/** The digital partners suggested to the person ("Orientation suggérée"), and the file's referrals with where they stand. */
export function ReferralsBlock({ beneficiaryId, canWrite, suggestPartners }: Props) {
  const suggestedId = useId();
  const referralsId = useId();
  const referrals = useReferrals(beneficiaryId);
  const partners = useDigitalPartners(suggestPartners && canWrite);
  const create = useCreateReferral();
  const update = useUpdateReferralStatus();
  const [stale, setStale] = useState(false);

  const orient = (partner: { id: string; name: string }) =>
    create.mutate(
      { beneficiaryId, partnerId: partner.id, status: 'PROPOSED' },
      { onSuccess: () => notifications.show({ color: 'teal', message: `Orientation vers ${partner.name} enregistrée.` }) },
    );

  const changeStatus = (referral: Referral, value: string | null) => {
    const status = ReferralStatus.safeParse(value);
    if (!status.success || status.data === referral.status) return;
    setStale(false);
    update.mutate(
      { referral, status: status.data },
      {
        onSuccess: (saved) => notifications.show({ color: 'teal', message: `Orientation vers ${saved.partner.name} : ${REFERRAL_STATUS_LABELS[saved.status]}.` }),
        onError: (error) => {
          if (error instanceof ApiError && error.status === 409) setStale(true);
        },
      },
    );
  };

  return (
    <Stack gap="md">
      {suggestPartners && canWrite && (
        <Stack gap="xs" component="section" aria-labelledby={suggestedId}>
          <Title order={3} size="h5" id={suggestedId}>
            Orientation suggérée
          </Title>
          <QueryStatus
            query={partners}
            count={partners.data?.length}
            loadingLabel="Chargement des partenaires"
            errorTitle="Partenaires indisponibles"
            empty={
              <Text c="dimmed" size="sm">
                Aucun partenaire de médiation numérique dans l'annuaire du CCAS.
              </Text>
            }
          />
          {partners.isSuccess &&
            partners.data.map((partner) => {
              const pending = referrals.data?.some((referral) => referral.partner.id === partner.id && isOpen(referral)) ?? false;
              return (
                <Group key={partner.id} justify="space-between" align="flex-start" wrap="nowrap">
                  <Stack gap={0}>
                    <Text fw={500}>{partner.name}</Text>
                    <Text size="sm" c="dimmed">
                      {[PARTNER_KIND_LABELS[partner.kind], partner.address, partner.contact].filter(Boolean).join(' · ')}
                    </Text>
                    {partner.offer && <Text size="sm">{partner.offer}</Text>}
                  </Stack>
                  <Button
                    size="sm"
                    variant="light"
                    disabled={pending}
                    loading={create.isPending && create.variables.partnerId === partner.id}
                    onClick={() => orient(partner)}
                  >
                    {pending ? `Orientation en cours vers ${partner.name}` : `Orienter vers ${partner.name}`}
                  </Button>
                </Group>
              );
            })}
          <ErrorAlert error={create.error} title="Orientation non enregistrée" />
        </Stack>
      )}
      <QueryStatus query={referrals} loadingLabel="Chargement des orientations" errorTitle="Orientations indisponibles" />
      {referrals.isSuccess && referrals.data.length > 0 && (
        <Stack gap="xs" component="section" aria-labelledby={referralsId}>
          <Title order={3} size="h5" id={referralsId}>
            Orientations
          </Title>
          {stale && (
            <Alert color="orange" variant="light" title="Statut non enregistré" role="alert">
              Cette orientation a été modifiée par quelqu'un d'autre. Le statut à jour est affiché ci-dessous.
            </Alert>
          )}
          {!stale && update.isError && <ErrorAlert error={update.error} title="Statut non enregistré" />}
          <Table verticalSpacing="xs" aria-labelledby={referralsId}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Partenaire</Table.Th>
                <Table.Th scope="col">Date</Table.Th>
                <Table.Th scope="col">Statut</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {referrals.data.map((referral) => (
                <Table.Tr key={referral.id}>
                  <Table.Td>{referral.partner.name}</Table.Td>
                  <Table.Td>{formatLongDate(referral.occurredAt)}</Table.Td>
                  <Table.Td>
                    {canWrite ? (
                      <Select
                        aria-label={`Statut de l'orientation vers ${referral.partner.name}`}
                        data={STATUS_OPTIONS}
                        value={referral.status}
                        allowDeselect={false}
                        disabled={update.isPending && update.variables.referral.id === referral.id}
                        onChange={(value) => changeStatus(referral, value)}
                        size="sm"
                      />
                    ) : (
                      <Badge variant="light">{REFERRAL_STATUS_LABELS[referral.status]}</Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Stack>
  );
}
