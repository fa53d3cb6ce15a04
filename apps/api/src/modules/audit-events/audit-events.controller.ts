import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuditChainVerification, AuditEvent, AuditEventQuery, page } from '@ccas/shared';
// The schema and its type share a name; the type-only alias keeps the schema object out of the
// parameter's decorator metadata, which OpenAPI generation would otherwise read as a class.
import type { AuditEventQuery as AuditEventQueryInput } from '@ccas/shared';
import { z } from 'zod';
import { Requires } from '../../auth/access.decorator';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { AuditEventsService } from './audit-events.service';

@ApiTags('audit-events')
@Controller('audit-events')
export class AuditEventsController {
  constructor(private readonly auditEvents: AuditEventsService) {}

  @Requires('audit:read')
  @Get()
  @ApiOkResponse({ schema: z.toJSONSchema(page(AuditEvent)) as object })
  list(@Query(new ZodValidationPipe(AuditEventQuery)) query: AuditEventQueryInput) {
    return this.auditEvents.list(query);
  }

  @Requires('audit:read')
  @Get('verification')
  @ApiOkResponse({ schema: z.toJSONSchema(AuditChainVerification) as object })
  verify() {
    return this.auditEvents.verify();
  }
}
