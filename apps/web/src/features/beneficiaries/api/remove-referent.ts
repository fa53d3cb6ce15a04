import { Beneficiary } from '@ccas/shared';
import { apiSend } from '../../../lib/api-client';
import { useReferentMutation } from './referent-mutation';

/** DELETE /beneficiaries/:id/referents/:membershipId. */
export const removeReferent = async (id: string, membershipId: string): Promise<Beneficiary> =>
  Beneficiary.parse(
    await apiSend<unknown>('DELETE', `/beneficiaries/${encodeURIComponent(id)}/referents/${encodeURIComponent(membershipId)}`),
  );

export const useRemoveReferent = (id: string) => useReferentMutation(id, (membershipId) => removeReferent(id, membershipId));
