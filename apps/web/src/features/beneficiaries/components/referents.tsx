import { Button, CloseButton, Group, Select, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Beneficiary } from '@ccas/shared';
import { useState } from 'react';
import { useCan } from '../../../components/can';
import { ErrorAlert } from '../../../components/error-alert';
import { useMe } from '../../me/api/get-me';
import { useTeamMembers } from '../../team/api/list-team-members';
import { useAssignReferent } from '../api/assign-referent';
import { useRemoveReferent } from '../api/remove-referent';

/**
 * The file's referents. An agent may become (or stop being) referent themself; a manager assigns
 * or removes any social worker.
 */
export function Referents({ beneficiary }: { beneficiary: Beneficiary }) {
  const can = useCan();
  const { data: me } = useMe();
  const assignsOthers = can('referent:assign-others');
  const assignsSelf = can('referent:assign') && !assignsOthers;
  const assign = useAssignReferent(beneficiary.id);
  const remove = useRemoveReferent(beneficiary.id);
  const isReferent = beneficiary.referents.some((referent) => referent.id === me?.id);
  const done = (message: string) => () => notifications.show({ color: 'teal', message });

  return (
    <div>
      <Group gap="xs" align="center">
        <Text fw={600} component="span">
          {'Référent·es : '}
        </Text>
        {beneficiary.referents.length === 0 && (
          <Text span c="dimmed">
            aucun·e
          </Text>
        )}
        {beneficiary.referents.map((referent, index) => (
          <Group key={referent.id} gap={2} wrap="nowrap">
            <Text span>
              {referent.name}
              {index < beneficiary.referents.length - 1 && !assignsOthers ? ',' : ''}
            </Text>
            {assignsOthers && (
              <CloseButton
                size="sm"
                aria-label={`Retirer ${referent.name} des référent·es`}
                disabled={remove.isPending}
                onClick={() => remove.mutate(referent.id, { onSuccess: done(`${referent.name} n'est plus référent·e.`) })}
              />
            )}
          </Group>
        ))}
        {assignsSelf && me && !isReferent && (
          <Button size="xs" variant="light" loading={assign.isPending} onClick={() => assign.mutate(me.id, { onSuccess: done('Vous êtes référent·e de ce dossier.') })}>
            Je deviens référent·e
          </Button>
        )}
        {assignsSelf && me && isReferent && (
          <Button size="xs" variant="default" loading={remove.isPending} onClick={() => remove.mutate(me.id, { onSuccess: done("Vous n'êtes plus référent·e de ce dossier.") })}>
            Je ne suis plus référent·e
          </Button>
        )}
      </Group>
      {assignsOthers && <AssignOther beneficiary={beneficiary} onAssign={(id, name) => assign.mutate(id, { onSuccess: done(`${name} est référent·e.`) })} pending={assign.isPending} />}
      <ErrorAlert error={assign.error ?? remove.error} title="Référent·es non modifié·es" />
    </div>
  );
}

function AssignOther({ beneficiary, onAssign, pending }: { beneficiary: Beneficiary; onAssign: (id: string, name: string) => void; pending: boolean }) {
  const team = useTeamMembers();
  const [value, setValue] = useState<string | null>(null);
  const candidates = (team.data ?? [])
    .filter((member) => member.roles.includes('AGENT') && !beneficiary.referents.some((referent) => referent.id === member.id))
    .map((member) => ({ value: member.id, label: `${member.firstName} ${member.lastName}` }));

  return (
    <Group mt="xs" align="flex-end" gap="xs">
      <Select
        label="Désigner un·e référent·e"
        placeholder={team.isPending ? 'Chargement…' : 'Choisir un travailleur social'}
        data={candidates}
        value={value}
        onChange={setValue}
        searchable
        nothingFoundMessage="Aucun travailleur social disponible"
        size="sm"
        w={280}
      />
      <Button
        size="sm"
        variant="light"
        disabled={!value}
        loading={pending}
        onClick={() => {
          const chosen = candidates.find((candidate) => candidate.value === value);
          if (chosen) onAssign(chosen.value, chosen.label);
          setValue(null);
        }}
      >
        Désigner
      </Button>
    </Group>
  );
}
