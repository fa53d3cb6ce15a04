import { Alert, Group, Stack, Text } from '@mantine/core';
import { type Beneficiary, formatFileNumber } from '@ccas/shared';
import { PageTitle } from '../../../components/page-title';
import { formatLongDate } from '../../../lib/dates';
import { AccessLogSection } from './access-log-section';
import { BeneficiaryStatusBadge } from './beneficiary-status-badge';

/**
 * A file archived by retention: its personal data is gone and it can no longer change, so it is
 * shown as such, with what is left (number, status, site, dates) and no action.
 */
export function AnonymisedFile({ beneficiary, showAccessLog }: { beneficiary: Beneficiary; showAccessLog: boolean }) {
  const fileNumber = formatFileNumber(beneficiary.fileNumber);

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Group gap="sm" align="center">
          <PageTitle mb={0}>{`Dossier ${fileNumber}`}</PageTitle>
          <BeneficiaryStatusBadge status={beneficiary.status} />
        </Group>
        <Group gap="lg" c="dimmed" wrap="wrap">
          {beneficiary.site && <Text span>Site : {beneficiary.site.name}</Text>}
          <Text span>Ouvert le {formatLongDate(beneficiary.createdAt)}</Text>
          {beneficiary.lastContactAt && <Text span>Dernier contact : {formatLongDate(beneficiary.lastContactAt)}</Text>}
        </Group>
      </Stack>
      <Alert color="gray" title={`Dossier anonymisé le ${formatLongDate(beneficiary.anonymisedAt ?? beneficiary.createdAt)}`}>
        Ce dossier a été archivé après une longue période sans contact : le nom, les coordonnées, le foyer, les notes et les textes libres ont été
        effacés définitivement. Seules les informations utiles aux statistiques sont conservées. Il ne peut plus être modifié.
      </Alert>
      {showAccessLog && <AccessLogSection beneficiaryId={beneficiary.id} />}
    </Stack>
  );
}
