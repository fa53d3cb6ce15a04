import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { NewProcedure } from './new-procedure';

/**
 * For the front desk, who does not read the journal: notes that the person was shown how to do a
 * procedure or sent to do it alone.
 */
export function OrientationSection({ beneficiaryId }: { beneficiaryId: string }) {
  const [writing, setWriting] = useState(false);
  const newButton = useRef<HTMLButtonElement>(null);
  const wasWriting = useRef(false);

  useEffect(() => {
    if (!writing && wasWriting.current) newButton.current?.focus();
    wasWriting.current = writing;
  }, [writing]);

  return (
    // No heading of its own: the front desk's file stays "Identité" and "Coordonnées"; the form brings its title.
    <Stack component="section" aria-label="Démarches" gap="sm">
      {writing ? (
        <NewProcedure beneficiaryId={beneficiaryId} orientationOnly onClose={() => setWriting(false)} />
      ) : (
        <Card withBorder>
          <Group justify="space-between">
            <Text size="sm">Une personne aidée à trouver comment faire sa démarche seule ? Notez l'orientation.</Text>
            <Button ref={newButton} onClick={() => setWriting(true)}>
              Nouvelle démarche
            </Button>
          </Group>
        </Card>
      )}
    </Stack>
  );
}
