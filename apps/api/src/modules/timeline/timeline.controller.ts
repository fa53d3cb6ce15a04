import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { page, TimelineItem, TimelineQuery } from '@ccas/shared';
import type { TimelineQuery as TimelineQueryInput } from '@ccas/shared';
import { Requires } from '../../auth/access.decorator';
import { IdPipe } from '../../common/id.pipe';
import { responseOf } from '../../common/openapi';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { TimelineService } from './timeline.service';

@ApiTags('beneficiaries')
@Controller('beneficiaries/:id/timeline')
export class TimelineController {
  constructor(private readonly timeline: TimelineService) {}

  @Requires('beneficiary:read')
  @Get()
  @ApiOkResponse(responseOf(page(TimelineItem)))
  list(@Param('id', IdPipe) id: string, @Query(new ZodValidationPipe(TimelineQuery)) query: TimelineQueryInput) {
    return this.timeline.list(id, query);
  }
}
