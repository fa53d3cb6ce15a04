import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Dashboard, DashboardQuery } from '@ccas/shared';
// The schema and its type share a name: the type-only alias keeps the schema out of decorator metadata.
import type { DashboardQuery as DashboardQueryInput } from '@ccas/shared';
import { Requires } from '../../auth/access.decorator';
import { responseOf } from '../../common/openapi';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { DashboardService } from './dashboard.service';

@ApiTags('dashboard')
@Controller('dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  /** The director's figures (`dashboard:read`), or the member's own (`dashboard:personal`). */
  @Requires('dashboard:read', 'dashboard:personal')
  @Get()
  @ApiOkResponse(responseOf(Dashboard))
  read(@Query(new ZodValidationPipe(DashboardQuery)) query: DashboardQueryInput) {
    return this.dashboard.read(query);
  }
}
