import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiDownload, queryString } from '../../../lib/api-client';
import { saveFile } from '../../../lib/download';
import { auditEventKeys } from './keys';
import type { AuditEventFilters } from './list-audit-events';

/** GET /audit-events/export: the filtered events as CSV, saved by the browser. */
export const exportAuditEvents = async (filters: AuditEventFilters): Promise<void> =>
  saveFile(await apiDownload(`/audit-events/export${queryString({ ...filters })}`, 'journal-audit.csv'));

/** The export is itself an audit event: the list is refreshed to show it. */
export function useExportAuditEvents() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: exportAuditEvents,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: auditEventKeys.all }),
  });
}
