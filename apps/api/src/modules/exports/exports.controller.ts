import { Controller, Get, Param, ParseEnumPipe, Query, StreamableFile } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { DASHBOARD_TABLES, DashboardExportQuery, type DashboardTable, dashboardTables } from '@ccas/shared';
import type { DashboardExportQuery as DashboardExportQueryInput } from '@ccas/shared';
import { Requires } from '../../auth/access.decorator';
import { tableFile } from '../../common/table-file';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { DashboardService } from '../dashboard/dashboard.service';

@ApiTags('exports')
@Controller('exports')
export class ExportsController {
  constructor(private readonly dashboard: DashboardService) {}

  /** The table behind one chart of the dashboard, as CSV or XLSX; the export is audited with its filters. */
  @Requires('export:run')
  @Get('dashboard/:table')
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async dashboardTable(
    @Param('table', new ParseEnumPipe(DASHBOARD_TABLES, { errorHttpStatusCode: 404 })) table: DashboardTable,
    @Query(new ZodValidationPipe(DashboardExportQuery)) { format, ...query }: DashboardExportQueryInput,
  ): Promise<StreamableFile> {
    const figures = await this.dashboard.figures(query, 'export', { table, format });
    const file = await tableFile(dashboardTables(figures)[table], format);
    const name = `tableau-de-bord-${table}-${query.from}-${query.to}.${file.extension}`;
    return new StreamableFile(file.content, { type: file.type, disposition: `attachment; filename="${name}"` });
  }
}
