import { Button, Center, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A full-page message: service down, no membership, access refused. */
export function StatusPage(props: { title: string; children: ReactNode; action?: { label: string; onClick: () => void } }) {
  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder p="xl" maw={520} radius="md">
        <Stack>
          <Title order={1} size="h2">
            {props.title}
          </Title>
          <Text>{props.children}</Text>
          {props.action && <Button onClick={props.action.onClick}>{props.action.label}</Button>}
        </Stack>
      </Paper>
    </Center>
  );
}
