import { Text } from '@mantine/core';
import { useCan } from '../../../components/can';
import { PageTitle } from '../../../components/page-title';
import { ToDoList } from '../components/to-do-list';

/** Procedures ("démarches"): the agent's to-do list. They are logged from the header's button or from each person's file. */
export function ProceduresPage() {
  const can = useCan();
  return (
    <>
      <PageTitle>Démarches</PageTitle>
      <Text mb="md" c="dimmed">
        Une démarche se note avec le bouton « + Démarche » en haut de page, ou depuis le dossier de la personne
        {can('procedure:read') ? ' (onglet « Journal »)' : ''}.
      </Text>
      {can('procedure:read') && <ToDoList />}
    </>
  );
}
