import { Checkbox, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { type HouseholdMember, HouseholdMemberInput, PROBLEM_TYPES, RELATION_LABELS } from '@ccas/shared';
import { DateField } from '../../../components/date-field';
import { ErrorAlert } from '../../../components/error-alert';
import { isProblem } from '../../../lib/api-client';
import { todayInParis } from '../../../lib/dates';
import { focusFirstError, labelOptions, showFieldErrors, textOrNull, validateWith } from '../../../lib/forms';
import { useCreateHouseholdMember } from '../api/create-household-member';
import { useUpdateHouseholdMember } from '../api/update-household-member';
import { FormActions } from '../../../components/form-actions';

interface MemberValues {
  relation: HouseholdMember['relation'] | null;
  firstName: string;
  lastName: string;
  birthDate: string | null;
  livesInHousehold: boolean;
}

const toInput = (values: MemberValues) => ({ ...values, lastName: textOrNull(values.lastName) });

/** Adds a member to the household, or changes one (on the version read). */
export function HouseholdMemberForm(props: {
  beneficiaryId: string;
  member?: HouseholdMember;
  onDone: (message: string) => void;
  onStale: () => void;
  onCancel: () => void;
}) {
  const { beneficiaryId, member, onDone, onStale, onCancel } = props;
  const create = useCreateHouseholdMember(beneficiaryId);
  const update = useUpdateHouseholdMember(beneficiaryId);
  const mutation = member ? update : create;
  const form = useForm<MemberValues>({
    initialValues: {
      relation: member?.relation ?? null,
      firstName: member?.firstName ?? '',
      lastName: member?.lastName ?? '',
      birthDate: member?.birthDate ?? null,
      livesInHousehold: member?.livesInHousehold ?? true,
    },
    validate: validateWith<MemberValues>(HouseholdMemberInput, {
      toInput,
      messages: { relation: 'Choisissez le lien avec la personne.', firstName: 'Indiquez le prénom.' },
    }),
  });

  const submit = (values: MemberValues) => {
    const body = HouseholdMemberInput.parse(toInput(values));
    const onError = (error: Error) => (isProblem(error, PROBLEM_TYPES.staleVersion) ? onStale() : showFieldErrors(form.setErrors, error));
    if (member) {
      update.mutate({ memberId: member.id, body: { ...body, version: member.version } }, { onSuccess: () => onDone('Membre du foyer modifié.'), onError });
    } else {
      create.mutate(body, { onSuccess: () => onDone('Membre du foyer ajouté.'), onError });
    }
  };

  return (
    <form onSubmit={form.onSubmit(submit, focusFirstError)} noValidate>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Select
            label="Lien avec la personne"
            placeholder="Choisir"
            data={labelOptions(RELATION_LABELS)}
            withAsterisk
            data-autofocus
            {...form.getInputProps('relation')}
          />
          <TextInput label="Prénom" withAsterisk autoComplete="off" maxLength={100} {...form.getInputProps('firstName')} />
          <TextInput label="Nom" autoComplete="off" maxLength={100} {...form.getInputProps('lastName')} />
          <DateField label="Date de naissance" maxDate={todayInParis()} minDate="1900-01-01" {...form.getInputProps('birthDate')} />
        </SimpleGrid>
        <Checkbox label="Vit au foyer" {...form.getInputProps('livesInHousehold', { type: 'checkbox' })} />
        {mutation.error && !isProblem(mutation.error, PROBLEM_TYPES.staleVersion) && <ErrorAlert error={mutation.error} title="Non enregistré" />}
        <FormActions submitLabel={member ? 'Enregistrer' : 'Ajouter au foyer'} saving={mutation.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
