import { Beneficiary } from '@ccas/shared';
import { apiSend } from '../../../lib/api-client';
import { useReferentMutation } from './referent-mutation';

/** POST /beneficiaries/:id/referents: an agent becomes referent (themself, or anyone for a manager). */
export const assignReferent = async (id: string, membershipId: string): Promise<Beneficiary> =>
  Beneficiary.parse(await apiSend<unknown>('POST', `/beneficiaries/${encodeURIComponent(id)}/referents`, { membershipId }));

export const useAssignReferent = (id: string) => useReferentMutation(id, (membershipId) => assignReferent(id, membershipId));
