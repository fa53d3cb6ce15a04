import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { page, PageQuery, SiteDetail, TeamMember } from '@ccas/shared';
import type { PageQuery as PageQueryInput } from '@ccas/shared';
import { Authenticated } from '../../auth/access.decorator';
import { responseOf } from '../../common/openapi';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { TeamService } from './team.service';

/** The colleagues and sites of the tenant, as every member sees them (pickers and filters). */
@ApiTags('team')
@Controller()
export class TeamController {
  constructor(private readonly team: TeamService) {}

  @Authenticated()
  @Get('users')
  @ApiOkResponse(responseOf(page(TeamMember)))
  users(@Query(new ZodValidationPipe(PageQuery)) query: PageQueryInput) {
    return this.team.members(query);
  }

  @Authenticated()
  @Get('sites')
  @ApiOkResponse(responseOf(page(SiteDetail)))
  sites(@Query(new ZodValidationPipe(PageQuery)) query: PageQueryInput) {
    return this.team.sites(query);
  }
}
