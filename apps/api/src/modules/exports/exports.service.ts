import { Injectable, Logger } from '@nestjs/common';
import { absReport, type Cell, type DashboardQuery, type DashboardTable, dashboardTables, type ExportFormat, type ExportList, yearPeriod } from '@ccas/shared';
import { AuditService } from '../../audit/audit.service';
import { parisMidnight, parisMidnightAfter } from '../../common/paris-date';
import { currentRequest, currentUser } from '../../common/request-context';
import { type StreamedFile, streamedFile, type TableFile, tableFile, xlsxFile } from '../../common/table-file';
import { requireMember, requireSite } from '../../tenancy/lookups';
import { TenantDb } from '../../tenancy/tenant-db.service';
import { DashboardService } from '../dashboard/dashboard.service';
import { EXPORT_LIST_DEFINITIONS, type Filters } from './export-lists';

/** Rows read per transaction while a list streams out. */
const BATCH = 2000;

/** Files made of the dashboard's figures; each export is audited. */
@Injectable()
export class ExportsService {
  private readonly logger = new Logger(ExportsService.name);

  constructor(
    private readonly dashboard: DashboardService,
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  /** The table behind one chart, for the dashboard's filters. */
  async dashboardTable(table: DashboardTable, query: DashboardQuery, format: ExportFormat): Promise<TableFile> {
    const figures = await this.dashboard.figures(query, { action: 'export', details: { table, format } });
    return tableFile(dashboardTables(figures)[table], format);
  }

  /** The yearly ABS workbook: a summary and one sheet per table, the year beside the previous one. */
  async absReport(year: number): Promise<TableFile> {
    const [previous, current] = await Promise.all([this.dashboard.figures(yearPeriod(year - 1), null), this.dashboard.figures(yearPeriod(year), null)]);
    const report = absReport(previous, current, year);
    await this.db.transaction((tx) => this.audit.record(tx, { action: 'export', entityType: 'dashboard', details: { report: 'abs', year, format: 'xlsx' } }));
    return xlsxFile([report.summary, ...report.tables]);
  }

  /**
   * A whole list (files, procedures, appointments) for the dashboard's filters, written while it is
   * read: each batch in its own short transaction, so a year of a large CCAS never sits in memory.
   * The export is audited first, with the number of rows it announces.
   */
  async list(list: ExportList, query: DashboardQuery, format: ExportFormat): Promise<StreamedFile & { rows: number }> {
    const definition = EXPORT_LIST_DEFINITIONS[list];
    const filters: Filters = { fromAt: parisMidnight(query.from), toAt: parisMidnightAfter(query.to), siteId: query.siteId, agentId: query.agentId };
    const rows = await this.db.transaction(async (tx) => {
      if (query.siteId) await requireSite(tx, query.siteId);
      if (query.agentId) await requireMember(tx, query.agentId);
      const count = await definition.count(tx, filters);
      await this.audit.record(tx, {
        action: 'export',
        entityType: list,
        details: { from: query.from, to: query.to, siteId: query.siteId ?? null, agentId: query.agentId ?? null, format, rows: count },
      });
      return count;
    });
    // The stream is read after the handler has returned: the tenant and the request are kept here.
    const { tenantId, membershipId } = currentUser();
    const requestId = currentRequest()?.requestId ?? '-';
    const batches = async function* (this: ExportsService): AsyncGenerator<Cell[][]> {
      let after: string | null = null;
      let sent = 0;
      try {
        do {
          const batch = await this.db.forTenant(tenantId, (tx) => definition.batch(tx, filters, after, BATCH), membershipId);
          if (batch.rows.length) yield batch.rows;
          sent += batch.rows.length;
          after = batch.rows.length === BATCH ? batch.last : null;
        } while (after);
      } catch (error) {
        // The kind and the count only: a database error's message may quote the data it was reading.
        this.logger.error(`Export of ${list} failed after ${sent} rows on request ${requestId}: ${error instanceof Error ? error.name : 'unknown error'}`);
        // Fails the stream, so that the download is cut rather than ended as if complete; no cause
        // attached, so that whatever logs this error next cannot print the original message.
        // eslint-disable-next-line preserve-caught-error
        throw new Error(`export of ${list} failed`);
      }
    };
    return { ...streamedFile(definition.title, definition.columns, batches.call(this), format), rows };
  }
}
