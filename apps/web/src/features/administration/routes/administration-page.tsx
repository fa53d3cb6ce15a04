import { Tabs, Text } from '@mantine/core';
import type { Permission } from '@ccas/shared';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { useCan } from '../../../components/can';
import { PageTitle } from '../../../components/page-title';
import { OpeningHoursAdmin } from '../../appointments/components/opening-hours-admin';
import { ReminderSettingsAdmin } from '../../appointments/components/reminder-settings-admin';
import { CatalogueAdmin } from '../../catalogues/components/catalogue-admin';
import { PartnerDirectory } from '../../partners/components/partner-directory';
import { DataProtectionSettingsAdmin } from '../../retention/components/data-protection-settings-admin';
import { SiteAdmin } from '../../sites/components/site-admin';
import { TeamAdmin } from '../../team/components/team-admin';

interface AdministrationTab {
  /** In the address: `/administration?onglet=…`. */
  value: string;
  label: string;
  permission: Permission;
  panel: () => ReactNode;
}

/** What the tenant's administrator keeps, one tab each, shown to the members allowed to change it. */
const TABS: AdministrationTab[] = [
  { value: 'equipe', label: 'Équipe', permission: 'users:manage', panel: () => <TeamAdmin /> },
  { value: 'sites', label: 'Sites', permission: 'sites:manage', panel: () => <SiteAdmin /> },
  { value: 'organismes', label: 'Organismes', permission: 'catalogues:manage', panel: () => <CatalogueAdmin kind="organism" /> },
  { value: 'types-de-demarche', label: 'Types de démarche', permission: 'catalogues:manage', panel: () => <CatalogueAdmin kind="procedure-type" /> },
  { value: 'partenaires', label: 'Partenaires', permission: 'catalogues:manage', panel: () => <PartnerDirectory /> },
  { value: 'horaires', label: 'Horaires d’ouverture', permission: 'sites:manage', panel: () => <OpeningHoursAdmin /> },
  { value: 'rappels', label: 'Rappels de rendez-vous', permission: 'settings:manage', panel: () => <ReminderSettingsAdmin /> },
  { value: 'conservation', label: 'Conservation des données', permission: 'settings:manage', panel: () => <DataProtectionSettingsAdmin /> },
];

export function AdministrationPage() {
  const can = useCan();
  const [searchParams, setSearchParams] = useSearchParams();
  const tabs = TABS.filter((tab) => can(tab.permission));
  const first = tabs[0]?.value;
  const requested = searchParams.get('onglet');
  const current = tabs.some((tab) => tab.value === requested) ? requested : first;

  return (
    <>
      <PageTitle>Administration</PageTitle>
      {tabs.length === 0 ? (
        <Text>Votre rôle ne donne accès à aucune partie de l'administration pour le moment.</Text>
      ) : (
        <Tabs value={current} onChange={(value) => setSearchParams(value && value !== first ? { onglet: value } : {}, { replace: true })} keepMounted={false}>
          <Tabs.List mb="md" aria-label="Parties de l'administration">
            {tabs.map((tab) => (
              <Tabs.Tab key={tab.value} value={tab.value}>
                {tab.label}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {tabs.map((tab) => (
            <Tabs.Panel key={tab.value} value={tab.value}>
              {tab.panel()}
            </Tabs.Panel>
          ))}
        </Tabs>
      )}
    </>
  );
}
