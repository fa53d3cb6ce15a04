import { Group, Loader, Select, SimpleGrid, Switch, TextInput } from '@mantine/core';
import { BENEFICIARY_STATUS_LABELS, type BeneficiaryStatus } from '@ccas/shared';
import type { KeyboardEvent } from 'react';
import { labelOptions } from '../../../lib/forms';
import { useSites } from '../../sites/api/list-sites';
import type { BeneficiaryFilters } from '../api/keys';

const STATUS_OPTIONS = labelOptions(BENEFICIARY_STATUS_LABELS);

interface Props {
  filters: BeneficiaryFilters;
  onChange: (filters: BeneficiaryFilters) => void;
  /** Offer "Mes dossiers" (members who can be referents). */
  withMine: boolean;
  searching: boolean;
  onEnter: () => void;
}

/** One search box for everything a worker knows about the person, and a few filters. */
export function BeneficiarySearchFilters({ filters, onChange, withMine, searching, onEnter }: Props) {
  const sites = useSites();
  const set = (change: Partial<BeneficiaryFilters>) => onChange({ ...filters, ...change });
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      onEnter();
    }
  };

  return (
    <div role="search" aria-label="Recherche de dossiers">
      <TextInput
        type="search"
        size="md"
        label="Rechercher une personne"
        description="Nom, prénom, nom de naissance, alias, n° de dossier, téléphone ou date de naissance (jj/mm/aaaa). Entrée ouvre le premier résultat."
        placeholder="Ex. : Dupont Marie, D00042, 06 12 34 56 78, 14/03/1985"
        value={filters.q}
        onChange={(event) => set({ q: event.currentTarget.value })}
        onKeyDown={onKeyDown}
        autoFocus
        autoComplete="off"
        spellCheck={false}
        maxLength={200}
        rightSection={searching ? <Loader size="xs" aria-label="Recherche en cours" /> : null}
      />
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} mt="sm" spacing="sm">
        <Select
          label="Statut du dossier"
          placeholder="Tous les statuts"
          data={STATUS_OPTIONS}
          value={filters.status}
          onChange={(value) => set({ status: value as BeneficiaryStatus | null })}
          clearable
        />
        <Select
          label="Site"
          placeholder="Tous les sites"
          data={(sites.data ?? []).map((site) => ({ value: site.id, label: site.name }))}
          value={filters.siteId}
          onChange={(value) => set({ siteId: value })}
          clearable
          disabled={!sites.data?.length}
        />
        {withMine && (
          <Group align="flex-end" pb={6}>
            <Switch
              label="Mes dossiers uniquement"
              checked={filters.referent === 'me'}
              onChange={(event) => set({ referent: event.currentTarget.checked ? 'me' : null })}
            />
          </Group>
        )}
      </SimpleGrid>
    </div>
  );
}
