import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  AccessLogEntry,
  AssignReferentInput,
  Beneficiary,
  BeneficiaryQuery,
  BeneficiarySummary,
  CreateBeneficiaryInput,
  page,
  PageQuery,
  UpdateContactInput,
  UpdateFollowUpInput,
  UpdateIdentityInput,
  UpdateRightsInput,
  UpdateSituationInput,
} from '@ccas/shared';
// Schemas and their types share names; type-only aliases keep the schema objects out of the
// parameters' decorator metadata, which OpenAPI generation would otherwise read as classes.
import type {
  AssignReferentInput as AssignReferentBody,
  BeneficiaryQuery as BeneficiaryQueryInput,
  PageQuery as PageQueryInput,
  UpdateContactInput as UpdateContactBody,
  UpdateFollowUpInput as UpdateFollowUpBody,
  UpdateIdentityInput as UpdateIdentityBody,
  UpdateRightsInput as UpdateRightsBody,
  UpdateSituationInput as UpdateSituationBody,
} from '@ccas/shared';
import { z } from 'zod';
import { Requires } from '../../auth/access.decorator';
import { IdPipe } from '../../common/id.pipe';
import { responseOf } from '../../common/openapi';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { BeneficiariesService } from './beneficiaries.service';

const body = (type: z.ZodType) => new ZodValidationPipe(type);

/** Beneficiary files: search, creation, sections, referents, access history. */
@ApiTags('beneficiaries')
@ApiNotFoundResponse({ description: 'Dossier inexistant ou d’une autre structure' })
@Controller('beneficiaries')
export class BeneficiariesController {
  constructor(private readonly beneficiaries: BeneficiariesService) {}

  @Requires('beneficiary:search')
  @Get()
  @ApiOkResponse(responseOf(page(BeneficiarySummary)))
  search(@Query(body(BeneficiaryQuery)) query: BeneficiaryQueryInput) {
    return this.beneficiaries.search(query);
  }

  @Requires('beneficiary:create')
  @Post()
  @ApiCreatedResponse(responseOf(Beneficiary))
  @ApiConflictResponse({ description: 'Doublons probables (renvoyer avec ignoreDuplicates: true)' })
  create(@Body(body(CreateBeneficiaryInput)) input: z.output<typeof CreateBeneficiaryInput>) {
    return this.beneficiaries.create(input);
  }

  @Requires('beneficiary:search')
  @Get(':id')
  @ApiOkResponse(responseOf(Beneficiary))
  get(@Param('id', IdPipe) id: string) {
    return this.beneficiaries.get(id);
  }

  @Requires('beneficiary:update-identity')
  @Put(':id/identity')
  @ApiOkResponse(responseOf(Beneficiary))
  @ApiConflictResponse({ description: 'Version périmée' })
  updateIdentity(@Param('id', IdPipe) id: string, @Body(body(UpdateIdentityInput)) input: UpdateIdentityBody) {
    return this.beneficiaries.updateIdentity(id, input);
  }

  @Requires('beneficiary:update-identity')
  @Put(':id/contact')
  @ApiOkResponse(responseOf(Beneficiary))
  @ApiConflictResponse({ description: 'Version périmée' })
  updateContact(@Param('id', IdPipe) id: string, @Body(body(UpdateContactInput)) input: UpdateContactBody) {
    return this.beneficiaries.updateContact(id, input);
  }

  @Requires('beneficiary:update')
  @Put(':id/situation')
  @ApiOkResponse(responseOf(Beneficiary))
  @ApiConflictResponse({ description: 'Version périmée' })
  updateSituation(@Param('id', IdPipe) id: string, @Body(body(UpdateSituationInput)) input: UpdateSituationBody) {
    return this.beneficiaries.updateSituation(id, input);
  }

  @Requires('beneficiary:update')
  @Put(':id/rights')
  @ApiOkResponse(responseOf(Beneficiary))
  @ApiConflictResponse({ description: 'Version périmée' })
  updateRights(@Param('id', IdPipe) id: string, @Body(body(UpdateRightsInput)) input: UpdateRightsBody) {
    return this.beneficiaries.updateRights(id, input);
  }

  @Requires('beneficiary:update')
  @Put(':id/follow-up')
  @ApiOkResponse(responseOf(Beneficiary))
  @ApiConflictResponse({ description: 'Version périmée' })
  updateFollowUp(@Param('id', IdPipe) id: string, @Body(body(UpdateFollowUpInput)) input: UpdateFollowUpBody) {
    return this.beneficiaries.updateFollowUp(id, input);
  }

  @Requires('referent:assign')
  @Post(':id/referents')
  @HttpCode(200)
  @ApiOkResponse(responseOf(Beneficiary))
  assignReferent(@Param('id', IdPipe) id: string, @Body(body(AssignReferentInput)) input: AssignReferentBody) {
    return this.beneficiaries.assignReferent(id, input.membershipId);
  }

  @Requires('referent:assign')
  @Delete(':id/referents/:membershipId')
  @ApiOkResponse(responseOf(Beneficiary))
  removeReferent(@Param('id', IdPipe) id: string, @Param('membershipId', IdPipe) membershipId: string) {
    return this.beneficiaries.removeReferent(id, membershipId);
  }

  @Requires('audit:read')
  @Get(':id/access-log')
  @ApiOkResponse(responseOf(page(AccessLogEntry)))
  accessLog(@Param('id', IdPipe) id: string, @Query(body(PageQuery)) query: PageQueryInput) {
    return this.beneficiaries.accessLog(id, query);
  }
}
