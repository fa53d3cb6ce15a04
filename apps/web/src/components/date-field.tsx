import { DateInput, type DateInputProps } from '@mantine/dates';
import { parseFrenchDate } from '../lib/dates';

/**
 * A calendar date typed `jj/mm/aaaa` (keyboard first) or picked in a French calendar.
 * Value: `YYYY-MM-DD` or null.
 */
export function DateField(props: Omit<DateInputProps, 'valueFormat' | 'dateParser'>) {
  return (
    <DateInput
      valueFormat="DD/MM/YYYY"
      dateParser={parseFrenchDate}
      placeholder="jj/mm/aaaa"
      clearable
      clearButtonProps={{ 'aria-label': 'Effacer la date' }}
      allowDeselect
      popoverProps={{ withinPortal: true }}
      previousLabel="Mois précédent"
      nextLabel="Mois suivant"
      {...props}
    />
  );
}
