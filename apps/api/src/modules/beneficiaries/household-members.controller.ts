import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { HouseholdMember, HouseholdMemberInput, page, PageQuery, UpdateHouseholdMemberInput } from '@ccas/shared';
import type {
  HouseholdMemberInput as HouseholdMemberBody,
  PageQuery as PageQueryInput,
  UpdateHouseholdMemberInput as UpdateHouseholdMemberBody,
} from '@ccas/shared';
import { Requires } from '../../auth/access.decorator';
import { IdPipe } from '../../common/id.pipe';
import { responseOf } from '../../common/openapi';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { HouseholdMembersService } from './household-members.service';

@ApiTags('beneficiaries')
@Controller('beneficiaries/:id/household-members')
export class HouseholdMembersController {
  constructor(private readonly household: HouseholdMembersService) {}

  @Requires('beneficiary:read')
  @Get()
  @ApiOkResponse(responseOf(page(HouseholdMember)))
  list(@Param('id', IdPipe) id: string, @Query(new ZodValidationPipe(PageQuery)) query: PageQueryInput) {
    return this.household.list(id, query);
  }

  @Requires('beneficiary:update')
  @Post()
  @ApiCreatedResponse(responseOf(HouseholdMember))
  add(@Param('id', IdPipe) id: string, @Body(new ZodValidationPipe(HouseholdMemberInput)) input: HouseholdMemberBody) {
    return this.household.add(id, input);
  }

  @Requires('beneficiary:update')
  @Put(':memberId')
  @ApiOkResponse(responseOf(HouseholdMember))
  update(
    @Param('id', IdPipe) id: string,
    @Param('memberId', IdPipe) memberId: string,
    @Body(new ZodValidationPipe(UpdateHouseholdMemberInput)) input: UpdateHouseholdMemberBody,
  ) {
    return this.household.update(id, memberId, input);
  }

  @Requires('beneficiary:update')
  @Delete(':memberId')
  @HttpCode(204)
  @ApiNoContentResponse()
  remove(@Param('id', IdPipe) id: string, @Param('memberId', IdPipe) memberId: string) {
    return this.household.remove(id, memberId);
  }
}
