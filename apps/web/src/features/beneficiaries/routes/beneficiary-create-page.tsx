import { Button, Card, Group, Select, Stack, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { CreateBeneficiaryInput, formatFileNumber, PROBLEM_TYPES, type Problem } from '@ccas/shared';
import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { PageTitle } from '../../../components/page-title';
import { isProblem } from '../../../lib/api-client';
import { parseFrenchDate } from '../../../lib/dates';
import { focusFirstError, showFieldErrors, validateWith } from '../../../lib/forms';
import { useMe } from '../../me/api/get-me';
import { useSites } from '../../sites/api/list-sites';
import { useCreateBeneficiary } from '../api/create-beneficiary';
import { ContactFields, contactInput, type ContactValues, emptyContact } from '../components/contact-fields';
import { DuplicateWarning } from '../components/duplicate-warning';
import { emptyIdentity, IdentityFields, type IdentityValues } from '../components/identity-fields';

interface CreateValues {
  identity: IdentityValues;
  contact: ContactValues;
  siteId: string | null;
}

const toInput = (values: CreateValues) => ({ ...values, contact: contactInput(values.contact) });

/** What was typed in the search box becomes a head start: "dupont marie" → Nom, Prénom; a date → birth date. */
function fromSearch(q: unknown): Partial<IdentityValues> {
  if (typeof q !== 'string' || q.trim() === '') return {};
  const birthDate = parseFrenchDate(q);
  if (birthDate) return { birthDate };
  if (/\d/.test(q)) return {};
  const [lastName, ...firstNames] = q.trim().split(/\s+/);
  const capitalized = firstNames.join(' ').replace(/(^|[\s-])(\p{L})/gu, (_match, separator: string, letter: string) => separator + letter.toLocaleUpperCase('fr-FR'));
  return { lastName, firstName: capitalized };
}

export function BeneficiaryCreatePage() {
  const navigate = useNavigate();
  const location = useLocation();
  const { data: me } = useMe();
  const sites = useSites();
  const create = useCreateBeneficiary();
  const [duplicates, setDuplicates] = useState<NonNullable<Problem['duplicates']> | null>(null);

  const form = useForm<CreateValues>({
    initialValues: {
      identity: { ...emptyIdentity(), ...fromSearch((location.state as { q?: unknown } | null)?.q) },
      contact: emptyContact(),
      siteId: me?.sites.length === 1 ? me.sites[0].id : null,
    },
    validate: validateWith<CreateValues>(CreateBeneficiaryInput, { toInput }),
  });

  const submit = (values: CreateValues, ignoreDuplicates: boolean) => {
    const body = CreateBeneficiaryInput.parse({ ...toInput(values), ignoreDuplicates });
    create.mutate(body, {
      onSuccess: (created) => {
        notifications.show({ color: 'teal', message: `Dossier ${formatFileNumber(created.fileNumber)} créé.` });
        void navigate(`/personnes/${created.id}`, { replace: true });
      },
      onError: (error) => {
        if (isProblem(error, PROBLEM_TYPES.possibleDuplicates)) setDuplicates(error.problem.duplicates ?? []);
        else showFieldErrors(form.setErrors, error);
      },
    });
  };

  const showError = create.isError && !isProblem(create.error, PROBLEM_TYPES.possibleDuplicates);

  return (
    <>
      <PageTitle>Nouveau dossier</PageTitle>
      <form onSubmit={form.onSubmit((values) => submit(values, false), focusFirstError)} noValidate>
        <Stack gap="lg" maw={960}>
          <Card withBorder component="section" aria-labelledby="create-identity">
            <Title order={2} size="h4" mb="sm" id="create-identity">
              Identité
            </Title>
            <IdentityFields inputProps={(field) => form.getInputProps(`identity.${field}`)} autoFocus />
          </Card>
          <Card withBorder component="section" aria-labelledby="create-contact">
            <Title order={2} size="h4" mb="sm" id="create-contact">
              Coordonnées
            </Title>
            <ContactFields inputProps={(field, options) => form.getInputProps(`contact.${field}`, options)} />
          </Card>
          <Card withBorder component="section" aria-labelledby="create-follow-up">
            <Title order={2} size="h4" mb="sm" id="create-follow-up">
              Suivi
            </Title>
            <Select
              label="Site"
              placeholder="Aucun site"
              data={(sites.data ?? []).map((site) => ({ value: site.id, label: site.name }))}
              clearable
              maw={420}
              {...form.getInputProps('siteId')}
            />
          </Card>

          {duplicates && duplicates.length > 0 && (
            <DuplicateWarning duplicates={duplicates} creating={create.isPending} onCreateAnyway={() => submit(form.getValues(), true)} />
          )}
          {showError && <ErrorAlert error={create.error} title="Le dossier n'a pas été créé" />}

          <Group>
            <Button type="submit" loading={create.isPending && !duplicates}>
              Créer le dossier
            </Button>
            <Button component={Link} to="/personnes" variant="default">
              Annuler
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
