import {
  Beneficiary,
  type UpdateContactInput,
  type UpdateFollowUpInput,
  type UpdateIdentityInput,
  type UpdateRightsInput,
  type UpdateSituationInput,
} from '@ccas/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '../../../lib/api-client';
import { recordOwnWrite, versionToSend } from './file-version';
import { beneficiaryKeys } from './keys';

/** Each section of a file is written on its own: PUT /beneficiaries/:id/{section}. */
export interface SectionBodies {
  identity: UpdateIdentityInput;
  contact: UpdateContactInput;
  situation: UpdateSituationInput;
  rights: UpdateRightsInput;
  'follow-up': UpdateFollowUpInput;
}
export type Section = keyof SectionBodies;

export const updateBeneficiarySection = async <S extends Section>(id: string, section: S, body: SectionBodies[S]): Promise<Beneficiary> =>
  Beneficiary.parse(await apiSend<unknown>('PUT', `/beneficiaries/${encodeURIComponent(id)}/${section}`, body));

/**
 * Saves one section on the version the form was opened with. A 409 `stale-version` is left to the
 * caller to explain; the file is reloaded so that nothing is overwritten by a second try.
 */
export function useUpdateBeneficiarySection<S extends Section>(id: string, section: S) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SectionBodies[S]) => updateBeneficiarySection(id, section, { ...body, version: versionToSend(id, body.version) }),
    onSuccess: (updated, body) => {
      recordOwnWrite(id, versionToSend(id, body.version), updated.version);
      queryClient.setQueryData(beneficiaryKeys.detail(id), updated);
      void queryClient.invalidateQueries({ queryKey: beneficiaryKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: beneficiaryKeys.accessLog(id) });
    },
    onError: () => queryClient.invalidateQueries({ queryKey: beneficiaryKeys.detail(id) }),
  });
}
