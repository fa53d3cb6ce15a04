import { Alert } from '@mantine/core';
import { PageTitle } from '../../../components/page-title';

export function ComingSoonPage({ title }: { title: string }) {
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <Alert variant="light" title="Bientôt disponible">
        Cette partie du service est en cours de construction.
      </Alert>
    </>
  );
}
