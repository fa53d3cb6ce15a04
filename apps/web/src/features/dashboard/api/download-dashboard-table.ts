import type { DashboardQuery, DashboardTable, ExportFormat } from '@ccas/shared';
import { apiDownload, queryString } from '../../../lib/api-client';
import { saveFile } from '../../../lib/download';

/** GET /exports/dashboard/{table}: the table behind one chart as a file, saved by the browser. */
export const downloadDashboardTable = async (table: DashboardTable, query: DashboardQuery, format: ExportFormat): Promise<void> =>
  saveFile(await apiDownload(`/exports/dashboard/${table}${queryString({ ...query, format })}`, `tableau-de-bord-${table}.${format}`));
