import { Alert, Button, Stack } from '@mantine/core';
import type { AuditChainVerification } from '@ccas/shared';
import { ErrorAlert } from '../../../components/error-alert';
import { useVerifyAuditChain } from '../api/verify-audit-chain';

const REASON_LABELS: Record<NonNullable<AuditChainVerification['firstBroken']>['reason'], string> = {
  missing_event: 'un événement manque avant celui-ci',
  broken_link: 'il ne se rattache pas à l’événement précédent',
  altered_event: 'son contenu a été modifié',
};

const count = new Intl.NumberFormat('fr-FR');

/** "Vérifier l'intégrité": recomputes the hash chain of the trail and says whether it is intact. */
export function ChainVerification() {
  const verify = useVerifyAuditChain();
  const result = verify.data;
  return (
    <Stack gap="xs" align="flex-start">
      <Button variant="default" onClick={() => verify.mutate()} loading={verify.isPending}>
        Vérifier l'intégrité
      </Button>
      <div role="status">
        {result?.intact && (
          <Alert color="teal" title={`Chaîne intacte (${count.format(result.checked)} événements vérifiés)`}>
            Aucun événement n'a été modifié, supprimé ni inséré après coup.
          </Alert>
        )}
        {result && !result.intact && result.firstBroken && (
          <Alert color="red" title="Chaîne rompue">
            Premier maillon en défaut : événement n° {result.firstBroken.seq} — {REASON_LABELS[result.firstBroken.reason]}. Le journal a été altéré
            directement dans la base de données ; signalez-le à votre administrateur.
          </Alert>
        )}
      </div>
      <ErrorAlert error={verify.error} title="Vérification impossible" />
    </Stack>
  );
}
