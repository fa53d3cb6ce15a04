import { Alert, Anchor, Button, List, Stack, Text, VisuallyHidden } from '@mantine/core';
import { formatFileNumber, type Problem } from '@ccas/shared';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { formatDate } from '../../../lib/dates';

type Duplicate = NonNullable<Problem['duplicates']>[number];

/**
 * Files that look like the person being created (same birth date, similar name). The worker either
 * opens the existing file or confirms it is someone else.
 */
export function DuplicateWarning({ duplicates, onCreateAnyway, creating }: { duplicates: Duplicate[]; onCreateAnyway: () => void; creating: boolean }) {
  const titleRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => titleRef.current?.focus(), []);

  return (
    <Alert
      color="orange"
      variant="light"
      title={
        <Text component="h2" fw={700} ref={titleRef} tabIndex={-1}>
          Cette personne a peut-être déjà un dossier
        </Text>
      }
    >
      <Stack gap="sm">
        <Text size="sm">
          {duplicates.length === 1 ? 'Un dossier existant ressemble' : `${duplicates.length} dossiers existants ressemblent`} à la personne que
          vous créez (même date de naissance, nom proche). Vérifiez avant de créer un doublon.
        </Text>
        <List spacing="xs">
          {duplicates.map((duplicate) => (
            <List.Item key={duplicate.id}>
              <Text span fw={600}>
                {formatFileNumber(duplicate.fileNumber)} — {duplicate.name}
              </Text>
              {duplicate.birthDate && <Text span>, né·e le {formatDate(duplicate.birthDate)}</Text>}{' '}
              <Anchor component={Link} to={`/personnes/${duplicate.id}`} fw={600}>
                C'est la même personne
                <VisuallyHidden> : ouvrir le dossier {formatFileNumber(duplicate.fileNumber)}</VisuallyHidden>
              </Anchor>
            </List.Item>
          ))}
        </List>
        <Button variant="default" onClick={onCreateAnyway} loading={creating} style={{ alignSelf: 'flex-start' }}>
          Créer un nouveau dossier quand même
        </Button>
      </Stack>
    </Alert>
  );
}
