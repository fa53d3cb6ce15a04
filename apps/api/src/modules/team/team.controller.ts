import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { InviteMemberInput, ManagedMember, page, PageQuery, SiteDetail, SiteInput, TeamMember, TeamQuery, UpdateMemberInput, UpdateSiteInput } from '@ccas/shared';
import type { PageQuery as PageQueryInput, TeamQuery as TeamQueryInput } from '@ccas/shared';
import type { z } from 'zod';
import { Authenticated, Requires } from '../../auth/access.decorator';
import { IdPipe } from '../../common/id.pipe';
import { responseOf } from '../../common/openapi';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { MembersService } from './members.service';
import { SitesService } from './sites.service';

const valid = (schema: z.ZodType) => new ZodValidationPipe(schema);

/**
 * The colleagues and sites of the tenant: read by every member (pickers and filters), kept by the
 * tenant's ADMIN (invitations, roles, sites, deactivation).
 */
@ApiTags('team')
@Controller()
export class TeamController {
  constructor(
    private readonly members: MembersService,
    private readonly sites: SitesService,
  ) {}

  @Authenticated()
  @Get('users')
  @ApiOkResponse(responseOf(page(TeamMember)))
  listUsers(@Query(valid(TeamQuery)) query: TeamQueryInput) {
    return this.members.list(query);
  }

  @Requires('users:manage')
  @Post('users')
  @ApiCreatedResponse(responseOf(ManagedMember))
  inviteUser(@Body(valid(InviteMemberInput)) input: z.output<typeof InviteMemberInput>) {
    return this.members.invite(input);
  }

  @Requires('users:manage')
  @Patch('users/:id')
  @ApiOkResponse(responseOf(ManagedMember))
  updateUser(@Param('id', IdPipe) id: string, @Body(valid(UpdateMemberInput)) input: z.output<typeof UpdateMemberInput>) {
    return this.members.update(id, input);
  }

  @Authenticated()
  @Get('sites')
  @ApiOkResponse(responseOf(page(SiteDetail)))
  listSites(@Query(valid(PageQuery)) query: PageQueryInput) {
    return this.sites.list(query);
  }

  @Requires('sites:manage')
  @Post('sites')
  @ApiCreatedResponse(responseOf(SiteDetail))
  createSite(@Body(valid(SiteInput)) input: z.output<typeof SiteInput>) {
    return this.sites.create(input);
  }

  @Requires('sites:manage')
  @Patch('sites/:id')
  @ApiOkResponse(responseOf(SiteDetail))
  updateSite(@Param('id', IdPipe) id: string, @Body(valid(UpdateSiteInput)) input: z.output<typeof UpdateSiteInput>) {
    return this.sites.update(id, input);
  }
}
