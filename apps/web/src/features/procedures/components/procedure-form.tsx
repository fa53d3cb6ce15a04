import { Checkbox, type ComboboxItem, Group, NumberInput, type OptionsFilter, Radio, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import {
  type CatalogueEntry,
  type CatalogueKind,
  CONSENT_LABELS,
  CreateProcedureInput,
  type Procedure,
  PROCEDURE_MODE_LABELS,
  PROCEDURE_OUTCOME_LABELS,
  PROCEDURE_REASON_LABELS,
  type ProcedureMode,
} from '@ccas/shared';
import { type KeyboardEvent, type ReactNode, useMemo, useState } from 'react';
import { DateField } from '../../../components/date-field';
import { ErrorAlert } from '../../../components/error-alert';
import { useCatalogue } from '../../catalogues/api/list-catalogue';
import { parisInstant, toParisDateAndTime } from '../../../lib/dates';
import { focusFirstError, textOrNull, validateWith } from '../../../lib/forms';
import { FormActions } from '../../../components/form-actions';

export interface ProcedureValues {
  organismId: string | null;
  procedureTypeId: string | null;
  mode: ProcedureMode;
  reasons: Procedure['reasons'];
  consent: Procedure['consent'];
  mandateReference: string;
  durationMinutes: number | string;
  outcome: Procedure['outcome'];
  note: string;
  date: string | null;
  time: string;
}

/** What the agent usually does: done in the person's place, oral consent, done, now. The front desk only orients. */
export function newProcedureValues(orientationOnly: boolean, now = new Date()): ProcedureValues {
  const { date, time } = toParisDateAndTime(now);
  return {
    organismId: null,
    procedureTypeId: null,
    mode: orientationOnly ? 'ORIENTATION' : 'A_LA_PLACE',
    reasons: [],
    consent: 'ORAL',
    mandateReference: '',
    durationMinutes: '',
    outcome: 'DONE',
    note: '',
    date,
    time,
  };
}

/** The values as the API reads them (shape of CreateProcedureInput). */
export const procedureInput = (beneficiaryId: string, values: ProcedureValues) => ({
  beneficiaryId,
  occurredAt: values.date && /^\d{2}:\d{2}$/.test(values.time) ? parisInstant(values.date, values.time) : '',
  organismId: values.organismId,
  procedureTypeId: values.procedureTypeId,
  mode: values.mode,
  reasons: values.reasons,
  consent: values.consent,
  mandateReference: values.consent === 'MANDATE' ? textOrNull(values.mandateReference) : null,
  durationMinutes: values.durationMinutes === '' ? null : Number(values.durationMinutes),
  outcome: values.outcome,
  note: textOrNull(values.note),
});

const messages = {
  date: 'Indiquez la date et l’heure de la démarche.',
  organismId: 'Choisissez l’organisme.',
  procedureTypeId: 'Choisissez le type de démarche.',
  durationMinutes: 'Indiquez une durée en minutes, entre 1 et 1440.',
};

/** The procedure form's state; the caller keeps it to put the API's field messages on the fields. */
export const useProcedureForm = (beneficiaryId: string, orientationOnly: boolean) =>
  useForm<ProcedureValues>({
    initialValues: newProcedureValues(orientationOnly),
    validate: validateWith<ProcedureValues>(CreateProcedureInput, {
      toInput: (values) => procedureInput(beneficiaryId, values),
      fieldOf: (path) => (path === 'occurredAt' ? 'date' : path),
      messages,
    }),
  });
export type ProcedureFormState = ReturnType<typeof useProcedureForm>;

/** Letters typed without accents or capitals still match: "dec" finds "Déclaration". */
const fold = (text: string) => text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
const foldedFilter: OptionsFilter = ({ options, search }) => {
  const needle = fold(search.trim());
  return options.filter((option) => 'label' in option && fold(option.label).includes(needle));
};
// The API's order: the agent's most used entries first.
const catalogueOptions = (entries: CatalogueEntry[] | undefined): ComboboxItem[] => (entries ?? []).map((entry) => ({ value: entry.id, label: entry.label }));

const ALL_MODES = Object.keys(PROCEDURE_MODE_LABELS) as ProcedureMode[];

interface Props {
  form: ProcedureFormState;
  orientationOnly: boolean;
  saving: boolean;
  onSubmit: (values: ProcedureValues) => void;
  onCancel: () => void;
  /** Shown above the buttons (a refusal from the API). */
  children?: ReactNode;
}

/**
 * A procedure in a few keystrokes: the organism has the focus, typing filters (accents optional) and
 * Enter picks the first match, the defaults cover the usual case, Enter (Ctrl+Enter in the note) saves.
 */
export function ProcedureForm({ form, orientationOnly, saving, onSubmit, onCancel, children }: Props) {
  const modes = orientationOnly ? (['ORIENTATION'] as const) : ALL_MODES;
  const submitFromNote = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.currentTarget.requestSubmit();
    }
  };

  return (
    <form onSubmit={form.onSubmit(onSubmit, focusFirstError)} onKeyDown={submitFromNote} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <CatalogueSelect kind="organism" label="Organisme" autoFocus {...form.getInputProps('organismId')} />
          <CatalogueSelect kind="procedure-type" label="Type de démarche" {...form.getInputProps('procedureTypeId')} />
        </SimpleGrid>

        <Radio.Group
          label="Comment ?"
          description={orientationOnly ? 'À l’accueil, on note les orientations : la personne fait la démarche elle-même.' : undefined}
          {...form.getInputProps('mode')}
        >
          <Group gap="md" mt={6}>
            {modes.map((mode) => (
              <Radio key={mode} value={mode} label={PROCEDURE_MODE_LABELS[mode]} />
            ))}
          </Group>
        </Radio.Group>

        <Checkbox.Group label="Pourquoi la personne ne pouvait-elle pas la faire seule ?" {...form.getInputProps('reasons')}>
          <Group gap="md" mt={6}>
            {(Object.keys(PROCEDURE_REASON_LABELS) as ProcedureValues['reasons']).map((reason) => (
              <Checkbox key={reason} value={reason} label={PROCEDURE_REASON_LABELS[reason]} />
            ))}
          </Group>
        </Checkbox.Group>

        <Radio.Group label="Consentement" {...form.getInputProps('consent')}>
          <Group gap="md" mt={6}>
            {(Object.keys(CONSENT_LABELS) as ProcedureValues['consent'][]).map((consent) => (
              <Radio key={consent} value={consent} label={CONSENT_LABELS[consent]} />
            ))}
          </Group>
        </Radio.Group>
        {form.values.consent === 'MANDATE' && (
          <TextInput label="Référence du mandat" withAsterisk maxLength={100} autoComplete="off" {...form.getInputProps('mandateReference')} />
        )}

        <Radio.Group label="Résultat" {...form.getInputProps('outcome')}>
          <Group gap="md" mt={6}>
            {(Object.keys(PROCEDURE_OUTCOME_LABELS) as ProcedureValues['outcome'][]).map((outcome) => (
              <Radio key={outcome} value={outcome} label={PROCEDURE_OUTCOME_LABELS[outcome]} />
            ))}
          </Group>
        </Radio.Group>

        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
          <NumberInput label="Durée (minutes)" min={1} max={1440} allowDecimal={false} allowNegative={false} inputMode="numeric" {...form.getInputProps('durationMinutes')} />
          <DateField label="Date" withAsterisk allowDeselect={false} clearable={false} {...form.getInputProps('date')} />
          <TimeInput label="Heure" withAsterisk {...form.getInputProps('time')} />
        </SimpleGrid>

        <Textarea
          label="Note"
          description="Ne notez jamais les mots de passe de la personne."
          autosize
          minRows={2}
          maxRows={10}
          maxLength={5000}
          {...form.getInputProps('note')}
        />

        {children}
        <FormActions submitLabel="Enregistrer la démarche" saving={saving} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

interface CatalogueSelectProps {
  kind: CatalogueKind;
  label: string;
  autoFocus?: boolean;
  value?: string | null;
  onChange?: (value: string | null) => void;
  error?: ReactNode;
}

/** An organism or a procedure type: type a few letters, Enter picks the first (most used) match. */
function CatalogueSelect({ kind, label, value, onChange, ...props }: CatalogueSelectProps) {
  const catalogue = useCatalogue(kind);
  const options = useMemo(() => catalogueOptions(catalogue.data), [catalogue.data]);
  const [search, setSearch] = useState('');
  const [opened, setOpened] = useState(false);

  // Enter takes the first match even before the list has highlighted it (fast typists); an option
  // chosen with the arrows still wins, as the list handles Enter after this.
  const pickFirstMatch = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing || !opened || search.trim() === '') return;
    const [first] = foldedFilter({ options, search, limit: 1 });
    if (!first || !('value' in first)) return;
    event.preventDefault();
    if (first.value !== value) onChange?.(first.value);
    setOpened(false);
  };

  if (catalogue.isError) return <ErrorAlert error={catalogue.error} title={`${label} : liste indisponible`} />;
  return (
    <Select
      label={label}
      withAsterisk
      searchable
      selectFirstOptionOnChange
      // The list opens as one types (or with ↓): a list opened on focus would hide the next fields.
      openOnFocus={false}
      placeholder={catalogue.isPending ? 'Chargement de la liste…' : 'Tapez pour chercher, ou ↓'}
      allowDeselect={false}
      data={options}
      filter={foldedFilter}
      limit={50}
      nothingFoundMessage="Aucun résultat"
      value={value}
      onChange={onChange}
      searchValue={search}
      onSearchChange={setSearch}
      dropdownOpened={opened}
      onDropdownOpen={() => setOpened(true)}
      onDropdownClose={() => setOpened(false)}
      onKeyDown={pickFirstMatch}
      {...props}
    />
  );
}
