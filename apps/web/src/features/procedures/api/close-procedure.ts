import { Procedure } from '@ccas/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '../../../lib/api-client';
import { beneficiaryKeys } from '../../beneficiaries/api/keys';
import { procedureKeys } from './keys';

/** PATCH /procedures/:id {closed: true}: takes a procedure out of its agent's to-do list. */
export const closeProcedure = async (procedure: Pick<Procedure, 'id' | 'version'>): Promise<Procedure> =>
  Procedure.parse(await apiSend<unknown>('PATCH', `/procedures/${encodeURIComponent(procedure.id)}`, { version: procedure.version, closed: true }));

export function useCloseProcedure() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: closeProcedure,
    onSuccess: (procedure) => {
      void queryClient.invalidateQueries({ queryKey: procedureKeys.all });
      void queryClient.invalidateQueries({ queryKey: beneficiaryKeys.timeline(procedure.beneficiary.id) });
    },
  });
}
