import { Anchor, Group, Loader, Stack, Tabs, Text } from '@mantine/core';
import { type Beneficiary, displayName } from '@ccas/shared';
import { Link, useParams, useSearchParams } from 'react-router';
import { useCan } from '../../../components/can';
import { ErrorAlert } from '../../../components/error-alert';
import { PageTitle } from '../../../components/page-title';
import { ApiError } from '../../../lib/api-client';
import { useBeneficiary } from '../api/get-beneficiary';
import { AccessExportDialog } from '../components/access-export-dialog';
import { AccessLogSection } from '../components/access-log-section';
import { AnonymisedFile } from '../components/anonymised-file';
import { BeneficiaryHeader } from '../components/beneficiary-header';
import { ContactSection } from '../components/contact-section';
import { FollowUpSection } from '../components/follow-up-section';
import { HouseholdSection } from '../components/household-section';
import { IdentitySection } from '../components/identity-section';
import { JournalSection } from '../components/journal-section';
import { RightsSection } from '../components/rights-section';
import { SituationSection } from '../components/situation-section';
import { OrientationSection } from '../../procedures/components/orientation-section';
import { DigitalAutonomySection } from '../../digital-inclusion/components/digital-autonomy-section';
import { FileAppointmentsSection } from '../../appointments/components/file-appointments-section';

type Tab = 'dossier' | 'journal' | 'acces';

const backLink = (
  <Anchor component={Link} to="/personnes" size="sm" mb="xs" display="inline-block">
    ← Personnes accompagnées
  </Anchor>
);

export function BeneficiaryFilePage() {
  const { id = '' } = useParams();
  const file = useBeneficiary(id);

  if (file.isPending) return <Loader aria-label="Chargement du dossier" />;
  if (file.isError) {
    const status = file.error instanceof ApiError ? file.error.status : 0;
    return (
      <>
        {backLink}
        {status === 404 || status === 400 ? (
          <>
            <PageTitle>Dossier introuvable</PageTitle>
            <Text>Ce dossier n'existe pas ou n'est pas accessible depuis votre CCAS.</Text>
          </>
        ) : status === 403 ? (
          <>
            <PageTitle>Accès refusé</PageTitle>
            <Text>Votre rôle ne donne pas accès à ce dossier.</Text>
          </>
        ) : (
          <>
            <PageTitle>Dossier indisponible</PageTitle>
            <ErrorAlert error={file.error} title="Le dossier n'a pas pu être chargé" />
          </>
        )}
      </>
    );
  }
  return <BeneficiaryFile beneficiary={file.data} />;
}

function BeneficiaryFile({ beneficiary }: { beneficiary: Beneficiary }) {
  const can = useCan();
  const [searchParams, setSearchParams] = useSearchParams();
  // The front desk sees identity and contact only: the other sections are not even rendered.
  const readsSocial = can('beneficiary:read');
  const readsAccessLog = can('audit:read');
  const logsProcedures = can('procedure:write') ? 'all' : can('procedure:write-orientation') ? 'orientation' : null;
  const tabs: Tab[] = ['dossier', ...(readsSocial ? (['journal'] as const) : []), ...(readsAccessLog ? (['acces'] as const) : [])];
  const requested = searchParams.get('onglet') as Tab | null;
  const tab: Tab = requested && tabs.includes(requested) ? requested : 'dossier';

  // Archived by retention: nothing personal left to show, nothing to change.
  if (beneficiary.anonymisedAt) {
    return (
      <>
        {backLink}
        <AnonymisedFile beneficiary={beneficiary} showAccessLog={readsAccessLog} />
      </>
    );
  }

  const sections = (
    <Stack gap="md">
      <IdentitySection beneficiary={beneficiary} canEdit={can('beneficiary:update-identity')} />
      <ContactSection beneficiary={beneficiary} canEdit={can('beneficiary:update-identity')} />
      {readsSocial && beneficiary.situation && (
        <SituationSection beneficiary={beneficiary} situation={beneficiary.situation} canEdit={can('beneficiary:update')} />
      )}
      {readsSocial && beneficiary.rights && <RightsSection beneficiary={beneficiary} rights={beneficiary.rights} canEdit={can('beneficiary:update')} />}
      {readsSocial && beneficiary.followUp && (
        <FollowUpSection beneficiary={beneficiary} followUp={beneficiary.followUp} canEdit={can('beneficiary:update')} />
      )}
      {can('appointment:read') && (
        <FileAppointmentsSection person={{ id: beneficiary.id, name: displayName(beneficiary.identity) }} noShowCount={beneficiary.noShowCount} />
      )}
      {readsSocial && <HouseholdSection beneficiaryId={beneficiary.id} canEdit={can('beneficiary:update')} />}
      {readsSocial && <DigitalAutonomySection beneficiaryId={beneficiary.id} canWrite={can('digital-inclusion:write')} />}
      {/* Without the journal (front desk), orientations are noted from the file itself. */}
      {!readsSocial && logsProcedures && <OrientationSection beneficiaryId={beneficiary.id} />}
    </Stack>
  );

  return (
    <>
      {backLink}
      <BeneficiaryHeader beneficiary={beneficiary} />
      {can('export:run') && (
        <Group justify="flex-end" mt="-md" mb="md">
          <AccessExportDialog beneficiary={beneficiary} />
        </Group>
      )}
      {tabs.length === 1 ? (
        sections
      ) : (
        <Tabs
          value={tab}
          onChange={(value) => setSearchParams(value && value !== 'dossier' ? { onglet: value } : {}, { replace: true })}
          keepMounted={false}
        >
          <Tabs.List mb="md" aria-label="Parties du dossier">
            <Tabs.Tab value="dossier">Dossier</Tabs.Tab>
            {readsSocial && <Tabs.Tab value="journal">Journal</Tabs.Tab>}
            {readsAccessLog && <Tabs.Tab value="acces">Accès au dossier</Tabs.Tab>}
          </Tabs.List>
          <Tabs.Panel value="dossier">{sections}</Tabs.Panel>
          {readsSocial && (
            <Tabs.Panel value="journal">
              <JournalSection beneficiaryId={beneficiary.id} canWrite={can('interview:write')} procedures={logsProcedures} />
            </Tabs.Panel>
          )}
          {readsAccessLog && (
            <Tabs.Panel value="acces">
              <AccessLogSection beneficiaryId={beneficiary.id} />
            </Tabs.Panel>
          )}
        </Tabs>
      )}
    </>
  );
}
