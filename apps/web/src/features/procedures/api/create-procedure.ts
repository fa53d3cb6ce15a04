import { type CreateProcedureInput, Procedure } from '@ccas/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '../../../lib/api-client';
import { beneficiaryKeys } from '../../beneficiaries/api/keys';
import { catalogueKeys } from '../../catalogues/api/keys';
import { procedureKeys } from './keys';

/** POST /procedures. */
export const createProcedure = async (body: CreateProcedureInput): Promise<Procedure> =>
  Procedure.parse(await apiSend<unknown>('POST', '/procedures', body));

export function useCreateProcedure() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createProcedure,
    onSuccess: (procedure) => {
      const beneficiaryId = procedure.beneficiary.id;
      void queryClient.invalidateQueries({ queryKey: beneficiaryKeys.timeline(beneficiaryId) });
      // The last contact date moves with a new procedure.
      void queryClient.invalidateQueries({ queryKey: beneficiaryKeys.detail(beneficiaryId) });
      void queryClient.invalidateQueries({ queryKey: procedureKeys.all });
      // The agent's most used organisms and types come first: their order may have changed.
      void queryClient.invalidateQueries({ queryKey: catalogueKeys.all });
    },
  });
}
