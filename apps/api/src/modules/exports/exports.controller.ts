import { Controller, Get, Header, Param, ParseEnumPipe, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { AbsReportQuery, AbsReportYear, DASHBOARD_TABLES, EXPORT_LISTS, type ExportList, ExportQuery, type DashboardTable } from '@ccas/shared';
import type { Response } from 'express';
// Schemas and their types share names: the type-only aliases keep the schemas out of decorator metadata.
import type { AbsReportQuery as AbsReportQueryInput, ExportQuery as ExportQueryInput } from '@ccas/shared';
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
    @Query(new ZodValidationPipe(ExportQuery)) { format, ...query }: ExportQueryInput,
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

  /**
   * A whole list — the files opened, procedures done or appointments held in the period, at the
   * site, of the agent — streamed as CSV or XLSX. `X-Total-Count` announces the rows, for progress.
   */
  @Requires('export:run')
  @Get(':list')
  @ApiProduces('text/csv', XLSX)
  @Header('Cache-Control', 'no-store')
  async list(
    @Param('list', new ParseEnumPipe(EXPORT_LISTS, { errorHttpStatusCode: 404 })) list: ExportList,
    @Query(new ZodValidationPipe(ExportQuery)) { format, ...query }: ExportQueryInput,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const file = await this.exports.list(list, query, format);
    response.setHeader('X-Total-Count', String(file.rows));
    return new StreamableFile(file.stream, { type: file.type, disposition: `attachment; filename="${list}-${query.from}-${query.to}.${file.extension}"` });
  }
}
