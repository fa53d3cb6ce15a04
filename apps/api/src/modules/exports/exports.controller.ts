import { Controller, Get, Param, ParseEnumPipe, Query, StreamableFile } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { AbsReportQuery, AbsReportYear, DASHBOARD_TABLES, DashboardExportQuery, type DashboardTable } from '@ccas/shared';
// Schemas and their types share names: the type-only aliases keep the schemas out of decorator metadata.
import type { AbsReportQuery as AbsReportQueryInput, DashboardExportQuery as DashboardExportQueryInput } from '@ccas/shared';
import { Requires } from '../../auth/access.decorator';
import type { TableFile } from '../../common/table-file';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { ExportsService } from './exports.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const download = (file: TableFile, name: string) => new StreamableFile(file.content, { type: file.type, disposition: `attachment; filename="${name}.${file.extension}"` });

@ApiTags('exports')
@Controller('exports')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  /** The table behind one chart of the dashboard, as CSV or XLSX. */
  @Requires('export:run')
  @Get('dashboard/:table')
  @ApiProduces('text/csv', XLSX)
  async dashboardTable(
    @Param('table', new ParseEnumPipe(DASHBOARD_TABLES, { errorHttpStatusCode: 404 })) table: DashboardTable,
    @Query(new ZodValidationPipe(DashboardExportQuery)) { format, ...query }: DashboardExportQueryInput,
  ): Promise<StreamableFile> {
    return download(await this.exports.dashboardTable(table, query, format), `tableau-de-bord-${table}-${query.from}-${query.to}`);
  }

  /** The yearly report of the "analyse des besoins sociaux": the year beside the previous one, no personal data. */
  @Requires('export:run')
  @Get('abs-report/:year')
  @ApiProduces(XLSX)
  async absReport(@Param('year', new ZodValidationPipe(AbsReportYear)) year: number, @Query(new ZodValidationPipe(AbsReportQuery)) _query: AbsReportQueryInput): Promise<StreamableFile> {
    return download(await this.exports.absReport(year), `rapport-abs-${year}`);
  }
}
