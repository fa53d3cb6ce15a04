import { Button, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type BeneficiarySummary, displayName, formatFileNumber } from '@ccas/shared';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/error-alert';
import { formatDate } from '../../../lib/dates';
import { useSearchBeneficiaries } from '../api/search-beneficiaries';

/** Finds the person a procedure or an appointment is for: the search page's search, the first eight found. */
export function PersonPicker({ onPick }: { onPick: (person: BeneficiarySummary) => void }) {
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q.trim(), 250);
  const search = useSearchBeneficiaries({ q: debouncedQ, status: null, referent: null, siteId: null });
  const items = debouncedQ === '' ? [] : (search.data?.pages[0]?.items.slice(0, 8) ?? []);
  const upToDate = !search.isPlaceholderData && debouncedQ === q.trim();

  return (
    <Stack gap="sm">
      <TextInput
        type="search"
        label="Rechercher une personne"
        description="Nom, date de naissance (jj/mm/aaaa), téléphone ou numéro de dossier. Entrée choisit la première."
        data-autofocus
        value={q}
        onChange={(event) => setQ(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && upToDate && items.length > 0) {
            event.preventDefault();
            onPick(items[0]);
          }
        }}
        rightSection={search.isFetching ? <Loader size="xs" aria-label="Recherche en cours" /> : undefined}
      />
      {search.isError && <ErrorAlert error={search.error} title="La recherche n'a pas abouti" />}
      {debouncedQ !== '' && search.isSuccess && upToDate && items.length === 0 && (
        <Text size="sm" c="dimmed" role="status">
          Aucun dossier ne correspond.
        </Text>
      )}
      {items.length > 0 && (
        <Stack gap={4} component="ul" aria-label="Personnes trouvées" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((item) => (
            <li key={item.id}>
              <Button variant="subtle" fullWidth justify="flex-start" h="auto" py={6} onClick={() => onPick(item)}>
                <Text fw={600} component="span">
                  {displayName(item)}
                </Text>{' '}
                <Text size="sm" c="dimmed" component="span">
                  {[item.birthDate && `né·e le ${formatDate(item.birthDate)}`, item.city, `dossier ${formatFileNumber(item.fileNumber)}`]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              </Button>
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
