import { Anchor, Table, Text } from '@mantine/core';
import { type BeneficiarySummary, displayName, formatFileNumber } from '@ccas/shared';
import { Link, useNavigate } from 'react-router';
import { formatDate } from '../../../lib/dates';
import { BeneficiaryStatusBadge } from './beneficiary-status-badge';

/** Search results: one row per file; the name is the link (keyboard), the whole row is a target (touch). */
export function BeneficiaryResults({ items }: { items: BeneficiarySummary[] }) {
  const navigate = useNavigate();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table highlightOnHover verticalSpacing="sm" aria-label="Dossiers trouvés">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Nom</Table.Th>
            <Table.Th scope="col">Dossier</Table.Th>
            <Table.Th scope="col">Naissance</Table.Th>
            <Table.Th scope="col">Téléphone</Table.Th>
            <Table.Th scope="col">Ville</Table.Th>
            <Table.Th scope="col">Statut</Table.Th>
            <Table.Th scope="col">Référent·es</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id} onClick={() => navigate(`/personnes/${item.id}`)} style={{ cursor: 'pointer' }}>
              <Table.Td>
                <Anchor component={Link} to={`/personnes/${item.id}`} fw={600} onClick={(event) => event.stopPropagation()}>
                  {displayName(item)}
                </Anchor>
                {item.birthName && (
                  <Text size="sm" c="dimmed">
                    Nom de naissance : {item.birthName}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{formatFileNumber(item.fileNumber)}</Table.Td>
              <Table.Td>{formatDate(item.birthDate)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{item.phone}</Table.Td>
              <Table.Td>{item.city}</Table.Td>
              <Table.Td>
                <BeneficiaryStatusBadge status={item.status} />
              </Table.Td>
              <Table.Td>{item.referents.map((referent) => referent.name).join(', ')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
