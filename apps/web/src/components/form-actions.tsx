import { Button, Group } from '@mantine/core';

/** The save and cancel buttons ending every form; cancel is off while saving. */
export function FormActions({ submitLabel, saving, onCancel }: { submitLabel: string; saving: boolean; onCancel: () => void }) {
  return (
    <Group>
      <Button type="submit" loading={saving}>
        {submitLabel}
      </Button>
      <Button variant="default" onClick={onCancel} disabled={saving}>
        Annuler
      </Button>
    </Group>
  );
}
