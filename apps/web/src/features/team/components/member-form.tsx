import { Checkbox, Loader, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { InviteMemberInput, type ManagedMember, type Role, ROLE_LABELS, ROLES, UpdateMemberInput } from '@ccas/shared';
import { ErrorAlert } from '../../../components/error-alert';
import { FormActions } from '../../../components/form-actions';
import { ApiError } from '../../../lib/api-client';
import { focusFirstError, showFieldErrors, validateWith } from '../../../lib/forms';
import { useSites } from '../../sites/api/list-sites';
import { useInviteMember } from '../api/invite-member';
import { useUpdateMember } from '../api/update-member';

interface MemberValues {
  email: string;
  firstName: string;
  lastName: string;
  roles: Role[];
  siteIds: string[];
}

/** What each role may do, said next to its checkbox (PRODUCT.md, "Users and roles"). */
const ROLE_HINTS: Record<Role, string> = {
  ACCUEIL: 'Trouver une personne, créer un dossier minimal, prendre les rendez-vous.',
  AGENT: 'Accompagner les personnes : dossiers, entretiens, démarches, rendez-vous.',
  MANAGER: 'Tableaux de bord, exports, référents, journal d’audit.',
  ADMIN: 'Équipe, sites, catalogues et réglages de la structure.',
};

const MESSAGES = {
  email: 'Indiquez une adresse e-mail valide.',
  firstName: 'Indiquez le prénom.',
  lastName: 'Indiquez le nom.',
  roles: 'Choisissez au moins un rôle.',
};

/** Invites a person (email, names, roles, sites), or changes a member's names, roles and sites. */
export function MemberForm(props: { member?: ManagedMember; onDone: (message: string) => void; onCancel: () => void }) {
  const { member, onDone, onCancel } = props;
  const sites = useSites();
  const invite = useInviteMember();
  const update = useUpdateMember();
  const mutation = member ? update : invite;
  const form = useForm<MemberValues>({
    initialValues: {
      email: member?.email ?? '',
      firstName: member?.firstName ?? '',
      lastName: member?.lastName ?? '',
      roles: member?.roles ?? [],
      siteIds: member?.sites.map((site) => site.id) ?? [],
    },
    validate: member
      ? validateWith<MemberValues>(UpdateMemberInput, { toInput: ({ email: _email, ...changes }) => changes, messages: MESSAGES })
      : validateWith<MemberValues>(InviteMemberInput, { messages: MESSAGES }),
  });

  // The same email twice in the team is refused: say so on the field. Other refusals (the last
  // administrator, for one) are shown as the API words them.
  const onError = (error: Error) =>
    error instanceof ApiError && error.status === 409 && !member ? form.setErrors({ email: error.message }) : showFieldErrors(form.setErrors, error);

  const submit = (values: MemberValues) => {
    if (member) {
      const { email: _email, ...changes } = values;
      update.mutate(
        { id: member.id, body: UpdateMemberInput.parse(changes) },
        { onSuccess: (saved) => onDone(`${saved.firstName} ${saved.lastName} : modifications enregistrées.`), onError },
      );
    } else {
      invite.mutate(InviteMemberInput.parse(values), {
        onSuccess: (saved) => onDone(`${saved.firstName} ${saved.lastName} est invité·e : la personne rejoint l’équipe à sa première connexion avec ${saved.email}.`),
        onError,
      });
    }
  };

  const emailTaken = !member && mutation.error instanceof ApiError && mutation.error.status === 409;
  return (
    <form onSubmit={form.onSubmit(submit, focusFirstError)} noValidate>
      <Stack gap="md">
        {member ? (
          <Text size="sm">
            Adresse e-mail : <strong>{member.email}</strong>
          </Text>
        ) : (
          <TextInput
            label="Adresse e-mail"
            description="Celle avec laquelle la personne se connectera."
            type="email"
            withAsterisk
            autoComplete="off"
            maxLength={254}
            data-autofocus
            {...form.getInputProps('email')}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput label="Prénom" withAsterisk autoComplete="off" maxLength={100} data-autofocus={member ? true : undefined} {...form.getInputProps('firstName')} />
          <TextInput label="Nom" withAsterisk autoComplete="off" maxLength={100} {...form.getInputProps('lastName')} />
        </SimpleGrid>
        <Checkbox.Group label="Rôles" withAsterisk {...form.getInputProps('roles')}>
          <Stack gap="xs" mt="xs">
            {ROLES.map((role) => (
              <Checkbox key={role} value={role} label={ROLE_LABELS[role]} description={ROLE_HINTS[role]} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Checkbox.Group label="Sites" description="Les sites où la personne travaille." {...form.getInputProps('siteIds')}>
          {sites.isPending && <Loader size="xs" aria-label="Chargement des sites" />}
          <ErrorAlert error={sites.error} title="Sites indisponibles" />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt="xs">
            {sites.data?.map((site) => <Checkbox key={site.id} value={site.id} label={site.name} />)}
          </SimpleGrid>
        </Checkbox.Group>
        {mutation.error && !emailTaken && <ErrorAlert error={mutation.error} title="Non enregistré" />}
        <FormActions submitLabel={member ? 'Enregistrer' : 'Inviter'} saving={mutation.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
