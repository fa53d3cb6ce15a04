import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OutboxMessage, OutboxQuery, page } from '@ccas/shared';
import type { OutboxQuery as OutboxQueryInput } from '@ccas/shared';
import { Requires } from '../../auth/access.decorator';
import { responseOf } from '../../common/openapi';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { OutboxService } from './outbox.service';

/** Registered only while the outbox providers are configured (NOTIFICATIONS_PROVIDER=outbox). */
@ApiTags('dev')
@Controller('dev/outbox')
export class DevOutboxController {
  constructor(private readonly outbox: OutboxService) {}

  @Requires('appointment:read', 'settings:manage')
  @Get()
  @ApiOperation({ summary: 'Messages the development providers wrote instead of sending them (newest first)' })
  @ApiOkResponse(responseOf(page(OutboxMessage)))
  list(@Query(new ZodValidationPipe(OutboxQuery)) query: OutboxQueryInput) {
    return this.outbox.list(query);
  }
}
