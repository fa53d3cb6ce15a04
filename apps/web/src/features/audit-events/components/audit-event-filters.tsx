import { Button, Group, Select, TextInput } from '@mantine/core';
import { AUDIT_ACTION_LABELS, AuditEventExportQuery, type AuditEvent } from '@ccas/shared';
import { type FormEvent, useState } from 'react';
import { DateField } from '../../../components/date-field';
import { parisInstant } from '../../../lib/dates';
import { useAllTeamMembers } from '../../team/api/list-all-members';
import type { AuditEventFilters } from '../api/list-audit-events';

interface FilterValues {
  actorId: string | null;
  file: string;
  action: string | null;
  fromDate: string | null;
  toDate: string | null;
}

const EMPTY: FilterValues = { actorId: null, file: '', action: null, fromDate: null, toDate: null };

const ACTION_OPTIONS = Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({ value, label }));

/** The day after a calendar date `YYYY-MM-DD`. */
function nextDay(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
}

/** The form's values as the API's filters: whole Paris days, the last one included. */
function toFilters(values: FilterValues): AuditEventFilters {
  return {
    ...(values.actorId ? { actorId: values.actorId } : {}),
    ...(values.file.trim() ? { file: values.file.trim() } : {}),
    ...(values.action ? { action: values.action as AuditEvent['action'] } : {}),
    ...(values.fromDate ? { from: parisInstant(values.fromDate, '00:00') } : {}),
    ...(values.toDate ? { to: parisInstant(nextDay(values.toDate), '00:00') } : {}),
  };
}

const FIELD_OF: Record<string, keyof FilterValues> = { actorId: 'actorId', file: 'file', action: 'action', from: 'fromDate', to: 'toDate' };

/** Who, which file, what, when: checked with the API's own schema before it is asked. */
export function AuditEventFilterForm({ onApply }: { onApply: (filters: AuditEventFilters) => void }) {
  // Former colleagues too: what a deactivated account did stays searchable.
  const team = useAllTeamMembers();
  const [values, setValues] = useState<FilterValues>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<keyof FilterValues, string>>>({});
  const set = <K extends keyof FilterValues>(key: K, value: FilterValues[K]) => setValues((current) => ({ ...current, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const filters = toFilters(values);
    const checked = AuditEventExportQuery.safeParse(filters);
    if (!checked.success) {
      const found: Partial<Record<keyof FilterValues, string>> = {};
      for (const issue of checked.error.issues) {
        const field = FIELD_OF[String(issue.path[0])];
        if (field) found[field] ??= field === 'toDate' && issue.path[0] === 'to' ? 'La fin de la période doit suivre son début.' : issue.message;
      }
      setErrors(found);
      return;
    }
    setErrors({});
    onApply(filters);
  };

  const clear = () => {
    setValues(EMPTY);
    setErrors({});
    onApply({});
  };

  return (
    <form onSubmit={submit} aria-label="Filtres du journal d'audit">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label="Membre"
          placeholder="Tous"
          searchable
          clearable
          value={values.actorId}
          onChange={(value) => set('actorId', value)}
          data={(team.data ?? []).map((member) => ({ value: member.id, label: `${member.firstName} ${member.lastName}` }))}
          nothingFoundMessage="Aucun membre"
          w={220}
        />
        <TextInput
          label="Dossier"
          description="Numéro (D00042) ou identifiant"
          value={values.file}
          onChange={(event) => set('file', event.currentTarget.value)}
          error={errors.file}
          w={200}
        />
        <Select label="Action" placeholder="Toutes" clearable value={values.action} onChange={(value) => set('action', value)} data={ACTION_OPTIONS} w={180} />
        <DateField label="Du" value={values.fromDate} onChange={(value) => set('fromDate', value)} error={errors.fromDate} w={150} />
        <DateField label="Au" value={values.toDate} onChange={(value) => set('toDate', value)} error={errors.toDate} w={150} />
        <Button type="submit">Filtrer</Button>
        <Button variant="default" onClick={clear}>
          Effacer les filtres
        </Button>
      </Group>
    </form>
  );
}
