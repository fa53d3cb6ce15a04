import type { GetInputPropsReturnType } from '@mantine/form';
import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { SEX_LABELS } from '@ccas/shared';
import { DateField } from '../../../components/date-field';
import { todayInParis } from '../../../lib/dates';
import { labelOptions } from '../../../lib/forms';

/** Form values of the identity section: text fields hold '' when unknown. */
export interface IdentityValues {
  lastName: string;
  firstName: string;
  birthName: string;
  alias: string;
  birthDate: string | null;
  sex: keyof typeof SEX_LABELS | null;
  nationality: string;
}

export const emptyIdentity = (): IdentityValues => ({
  lastName: '',
  firstName: '',
  birthName: '',
  alias: '',
  birthDate: null,
  sex: null,
  nationality: '',
});

const SEX_OPTIONS = labelOptions(SEX_LABELS);

type InputProps = (field: keyof IdentityValues) => GetInputPropsReturnType;

/** Identity fields; only a name or an alias is required (minimal data first). */
export function IdentityFields({
  inputProps,
  withNationality = false,
  autoFocus = false,
}: {
  inputProps: InputProps;
  withNationality?: boolean;
  autoFocus?: boolean;
}) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
      <TextInput
        label="Nom"
        description="Nom ou alias obligatoire"
        autoComplete="off"
        maxLength={100}
        autoFocus={autoFocus}
        {...inputProps('lastName')}
      />
      <TextInput label="Prénom" autoComplete="off" maxLength={100} {...inputProps('firstName')} />
      <TextInput label="Nom de naissance" autoComplete="off" maxLength={100} {...inputProps('birthName')} />
      <TextInput
        label="Alias"
        description="Pour une personne qui ne souhaite pas donner son identité"
        autoComplete="off"
        maxLength={100}
        {...inputProps('alias')}
      />
      <DateField label="Date de naissance" maxDate={todayInParis()} minDate="1900-01-01" {...inputProps('birthDate')} />
      <Select label="Sexe" placeholder="Non renseigné" data={SEX_OPTIONS} clearable {...inputProps('sex')} />
      {withNationality && <TextInput label="Nationalité" autoComplete="off" maxLength={60} {...inputProps('nationality')} />}
    </SimpleGrid>
  );
}
