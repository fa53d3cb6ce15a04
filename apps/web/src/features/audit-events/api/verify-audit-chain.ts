import { AuditChainVerification } from '@ccas/shared';
import { useMutation } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';

/** GET /audit-events/verification: recomputes the hash chain (run on demand, never cached). */
export const verifyAuditChain = async (): Promise<AuditChainVerification> =>
  AuditChainVerification.parse(await apiFetch<unknown>('/audit-events/verification'));

export const useVerifyAuditChain = () => useMutation({ mutationFn: verifyAuditChain });
