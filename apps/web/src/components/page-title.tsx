import { Title } from '@mantine/core';
import { useEffect } from 'react';

/** The page's one h1, also used as the document title (screen readers announce it). */
export function PageTitle({ children, mb = 'md' }: { children: string; mb?: string | number }) {
  useEffect(() => {
    document.title = `${children} — CCAS`;
  }, [children]);
  return (
    <Title order={1} size="h2" mb={mb}>
      {children}
    </Title>
  );
}
