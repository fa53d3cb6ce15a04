import { Button, Modal } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { type BeneficiarySummary, displayName } from '@ccas/shared';
import { useState } from 'react';
import { useCan } from '../components/can';
import { PersonPicker } from '../features/beneficiaries/components/person-picker';
import { NewProcedure } from '../features/procedures/components/new-procedure';

/**
 * The header's "+ Démarche": a procedure logged without going through the file first. It asks for the
 * person (the same search as the search page), then shows the file's procedure form.
 */
export function QuickProcedureButton() {
  const can = useCan();
  const [opened, { open, close }] = useDisclosure();
  const [person, setPerson] = useState<BeneficiarySummary | null>(null);
  if (!can('procedure:write') && !can('procedure:write-orientation')) return null;

  const finish = () => {
    close();
    setPerson(null);
  };
  return (
    <>
      <Button onClick={open} aria-haspopup="dialog">
        + Démarche
      </Button>
      <Modal opened={opened} onClose={finish} size="xl" title={person ? `Démarche pour ${displayName(person)}` : 'Pour quelle personne ?'}>
        {person ? (
          <NewProcedure beneficiaryId={person.id} orientationOnly={!can('procedure:write')} onClose={finish} />
        ) : (
          <PersonPicker onPick={setPerson} />
        )}
      </Modal>
    </>
  );
}
