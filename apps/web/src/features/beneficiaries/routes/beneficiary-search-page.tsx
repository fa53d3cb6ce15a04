import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useCan } from '../../../components/can';
import { PageTitle } from '../../../components/page-title';
import { MoreButton, QueryStatus } from '../../../components/query-status';
import { loadedItems } from '../../../lib/pagination';
import type { BeneficiaryFilters } from '../api/keys';
import { useSearchBeneficiaries } from '../api/search-beneficiaries';
import { BeneficiaryResults } from '../components/beneficiary-results';
import { BeneficiarySearchFilters } from '../components/beneficiary-search-filters';

const NO_FILTERS: BeneficiaryFilters = { q: '', status: null, referent: null, siteId: null };

const SCREEN_READER_ONLY = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' } as const;

// The last search is kept in memory only (never in the address: it names people), so that coming
// back from a file shows the same results.
let lastFilters = NO_FILTERS;

export function BeneficiarySearchPage() {
  const can = useCan();
  const navigate = useNavigate();
  const [filters, setFilters] = useState(lastFilters);
  const [debouncedQ] = useDebouncedValue(filters.q, 250);
  const effective = { ...filters, q: debouncedQ.trim() };
  const search = useSearchBeneficiaries(effective);

  useEffect(() => {
    lastFilters = filters;
  }, [filters]);

  const items = loadedItems(search.data);
  const upToDate = !search.isPlaceholderData && debouncedQ === filters.q;
  const filtered = effective.q !== '' || filters.status !== null || filters.referent !== null || filters.siteId !== null;
  const canCreate = can('beneficiary:create');

  const openFirst = () => {
    if (upToDate && items.length > 0) void navigate(`/personnes/${items[0].id}`);
  };
  // The typed text helps the creation form (kept in the page history, not in the address).
  const createLink = (
    <Button component={Link} to="/personnes/nouveau" state={{ q: filters.q }}>
      Nouveau dossier
    </Button>
  );

  return (
    <>
      <Group justify="space-between" align="center" gap="sm" mb="md">
        <PageTitle mb={0}>Personnes accompagnées</PageTitle>
        {canCreate && createLink}
      </Group>
      <Stack gap="md">
        <BeneficiarySearchFilters
          filters={filters}
          onChange={setFilters}
          withMine={can('referent:assign') && can('interview:write')}
          searching={search.isFetching && !search.isFetchingNextPage}
          onEnter={openFirst}
        />

        {/* Always in the page, so that screen readers hear each new count; shown only when there are results. */}
        <Text role="status" size="sm" c="dimmed" aria-live="polite" style={items.length === 0 ? SCREEN_READER_ONLY : undefined}>
          {search.isSuccess && upToDate ? resultCountText(items.length, search.hasNextPage) : ''}
        </Text>

        <QueryStatus
          query={search}
          count={items.length}
          loadingLabel="Recherche en cours"
          errorTitle="La recherche n'a pas abouti"
          loaderSize="md"
          empty={
            <Alert variant="light" color="gray" title={filtered ? 'Aucun dossier ne correspond' : 'Aucun dossier pour le moment'}>
              <Stack gap="xs" align="flex-start">
                <Text size="sm">
                  {filtered
                    ? "Vérifiez l'orthographe, essayez le nom de naissance, la date de naissance (jj/mm/aaaa), le numéro de dossier ou le téléphone, ou retirez un filtre."
                    : 'Les dossiers créés apparaîtront ici.'}
                </Text>
                {canCreate && createLink}
              </Stack>
            </Alert>
          }
        />
        {items.length > 0 && <BeneficiaryResults items={items} />}
        <MoreButton query={search} />
      </Stack>
    </>
  );
}

function resultCountText(count: number, more: boolean): string {
  if (count === 0) return 'Aucun résultat';
  if (more) return `${count} premiers résultats`;
  return count === 1 ? '1 résultat' : `${count} résultats`;
}
