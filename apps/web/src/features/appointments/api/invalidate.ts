import type { QueryClient } from '@tanstack/react-query';
import { beneficiaryKeys } from '../../beneficiaries/api/keys';
import { appointmentKeys } from './keys';

/**
 * After any appointment write: agendas, the to-do list and the person's file (its list, journal and
 * no-show count) are read again. Awaited, so that what is shown after a confirmation is the new state.
 */
export const refreshAfterAppointmentWrite = (queryClient: QueryClient, beneficiaryId: string) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: appointmentKeys.all }),
    queryClient.invalidateQueries({ queryKey: beneficiaryKeys.detail(beneficiaryId) }),
    queryClient.invalidateQueries({ queryKey: beneficiaryKeys.timeline(beneficiaryId) }),
  ]);
