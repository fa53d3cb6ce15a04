import { Controller, Get, Header, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AccessExport, AccessExportQuery, formatFileNumber } from '@ccas/shared';
// The schema and its type share a name; the type-only alias keeps the schema object out of the
// parameter's decorator metadata, which OpenAPI generation would otherwise read as a class.
import type { AccessExportQuery as AccessExportQueryInput } from '@ccas/shared';
import { Requires } from '../../auth/access.decorator';
import { IdPipe } from '../../common/id.pipe';
import { responseOf } from '../../common/openapi';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { renderAccessExport } from './access-export.html';
import { AccessExportService } from './access-export.service';

/** Right of access: one person's whole file as a download, JSON or printable HTML. */
@ApiTags('beneficiaries')
@Controller('beneficiaries/:id/access-export')
export class AccessExportController {
  constructor(private readonly accessExport: AccessExportService) {}

  @Requires('export:run')
  @Get()
  @Header('Cache-Control', 'no-store')
  @Header('X-Content-Type-Options', 'nosniff')
  @ApiProduces('application/json', 'text/html')
  @ApiOkResponse({ description: 'Pièce jointe `droit-acces-<numéro>.json` (par défaut) ou `.html` (`?format=html`)', ...responseOf(AccessExport) })
  @ApiNotFoundResponse({ description: 'Dossier inexistant ou d’une autre structure' })
  async export(@Param('id', IdPipe) id: string, @Query(new ZodValidationPipe(AccessExportQuery)) query: AccessExportQueryInput): Promise<StreamableFile> {
    const data = await this.accessExport.export(id, query.format);
    const name = `droit-acces-${formatFileNumber(data.file.fileNumber)}.${query.format}`;
    const [body, type] =
      query.format === 'html' ? [renderAccessExport(data), 'text/html; charset=utf-8'] : [JSON.stringify(data, null, 2), 'application/json; charset=utf-8'];
    return new StreamableFile(Buffer.from(body, 'utf8'), { type, disposition: `attachment; filename="${name}"` });
  }
}
