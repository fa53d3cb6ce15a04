import { Controller, Get, Header, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AuditChainVerification, AuditEvent, AuditEventExportQuery, AuditEventQuery, page } from '@ccas/shared';
// The schemas and their types share names; type-only aliases keep the schema objects out of the
// parameters' decorator metadata, which OpenAPI generation would otherwise read as classes.
import type { AuditEventExportQuery as AuditEventExportQueryInput, AuditEventQuery as AuditEventQueryInput } from '@ccas/shared';
import { z } from 'zod';
import { Requires } from '../../auth/access.decorator';
import { Clock } from '../../common/clock';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { csvFileName } from './audit-events.csv';
import { AuditEventsService } from './audit-events.service';

/**
 * A stream that fails once the file has started must not end like a complete one: the connection is
 * cut, so the browser reports the download as failed rather than saving a truncated trail.
 */
const abortDownload: Parameters<StreamableFile['setErrorHandler']>[0] = (_error, response) => {
  if (response.destroyed) return;
  if (response.headersSent) {
    response.destroy?.();
    return;
  }
  response.statusCode = 500;
  response.send('L’export du journal d’audit a échoué. Réessayez plus tard.');
};

@ApiTags('audit-events')
@Controller('audit-events')
export class AuditEventsController {
  constructor(
    private readonly auditEvents: AuditEventsService,
    private readonly clock: Clock,
  ) {}

  @Requires('audit:read')
  @Get()
  @ApiOkResponse({ schema: z.toJSONSchema(page(AuditEvent), { io: 'output', unrepresentable: 'any' }) as object })
  list(@Query(new ZodValidationPipe(AuditEventQuery)) query: AuditEventQueryInput) {
    return this.auditEvents.list(query);
  }

  /** Every event matching the filters, newest first, streamed as CSV; the export is itself audited. */
  @Requires('audit:read')
  @Get('export')
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV (UTF-8 avec BOM, séparateur « ; »), pièce jointe journal-audit-<date>.csv' })
  async export(@Query(new ZodValidationPipe(AuditEventExportQuery)) query: AuditEventExportQueryInput): Promise<StreamableFile> {
    const csv = await this.auditEvents.exportCsv(query);
    const name = csvFileName(this.clock.now());
    return new StreamableFile(csv, { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="${name}"` })
      .setErrorHandler(abortDownload)
      // The service has logged the failure without its message (which may quote personal data).
      .setErrorLogger(() => undefined);
  }

  @Requires('audit:read')
  @Get('verification')
  @ApiOkResponse({ schema: z.toJSONSchema(AuditChainVerification) as object })
  verify() {
    return this.auditEvents.verify();
  }
}

