import { Group, Stack, Text, Title } from '@mantine/core';
import { type Beneficiary, displayName, formatFileNumber } from '@ccas/shared';
import { useEffect } from 'react';
import { ageOn, formatDate, formatLongDate } from '../../../lib/dates';
import { BeneficiaryStatusBadge } from './beneficiary-status-badge';
import { Referents } from './referents';

/** Who this file is about, at a glance: name, number, status, age, referents, last contact. */
export function BeneficiaryHeader({ beneficiary }: { beneficiary: Beneficiary }) {
  const name = displayName(beneficiary.identity);
  const fileNumber = formatFileNumber(beneficiary.fileNumber);
  const { birthDate } = beneficiary.identity;

  // The document title names the file by number only: titles end up in browser history.
  useEffect(() => {
    document.title = `Dossier ${fileNumber} — CCAS`;
  }, [fileNumber]);

  return (
    <Stack gap="xs" mb="lg">
      <Group gap="sm" align="center">
        <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
          {name}
        </Title>
        <BeneficiaryStatusBadge status={beneficiary.status} />
      </Group>
      <Group gap="lg" c="dimmed" wrap="wrap">
        <Text span>Dossier {fileNumber}</Text>
        {birthDate && (
          <Text span>
            {ageOn(birthDate)} ans (né·e le {formatDate(birthDate)})
          </Text>
        )}
        {beneficiary.site && <Text span>Site : {beneficiary.site.name}</Text>}
        <Text span>{beneficiary.lastContactAt ? `Dernier contact : ${formatLongDate(beneficiary.lastContactAt)}` : 'Aucun contact enregistré'}</Text>
      </Group>
      <Referents beneficiary={beneficiary} />
    </Stack>
  );
}
