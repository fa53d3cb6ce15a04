import { Injectable } from '@nestjs/common';
import { absReport, type DashboardQuery, type DashboardTable, dashboardTables, type ExportFormat, yearPeriod } from '@ccas/shared';
import { AuditService } from '../../audit/audit.service';
import { type TableFile, tableFile, xlsxFile } from '../../common/table-file';
import { TenantDb } from '../../tenancy/tenant-db.service';
import { DashboardService } from '../dashboard/dashboard.service';

/** Files made of the dashboard's figures; each export is audited. */
@Injectable()
export class ExportsService {
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
}
