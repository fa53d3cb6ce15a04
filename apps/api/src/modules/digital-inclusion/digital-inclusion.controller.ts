import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  BeneficiaryRecordsQuery,
  CreateDigitalAssessmentInput,
  CreateReferralInput,
  DigitalAssessment,
  page,
  Partner,
  PartnerInput,
  PartnerQuery,
  Referral,
  UpdatePartnerInput,
  UpdateReferralInput,
} from '@ccas/shared';
import type {
  BeneficiaryRecordsQuery as BeneficiaryRecordsQueryInput,
  PartnerInput as PartnerBody,
  PartnerQuery as PartnerQueryInput,
  UpdatePartnerInput as UpdatePartnerBody,
  UpdateReferralInput as UpdateReferralBody,
} from '@ccas/shared';
import type { z } from 'zod';
import { Authenticated, Requires } from '../../auth/access.decorator';
import { IdPipe } from '../../common/id.pipe';
import { responseOf } from '../../common/openapi';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { AssessmentsService } from './assessments.service';
import { PartnersService } from './partners.service';
import { ReferralsService } from './referrals.service';

const valid = (schema: z.ZodType) => new ZodValidationPipe(schema);

/** Digital inclusion: autonomy assessments, the partners' directory and referrals. */
@ApiTags('digital-inclusion')
@Controller()
export class DigitalInclusionController {
  constructor(
    private readonly assessments: AssessmentsService,
    private readonly partners: PartnersService,
    private readonly referrals: ReferralsService,
  ) {}

  @Requires('beneficiary:read')
  @Get('digital-assessments')
  @ApiOkResponse(responseOf(page(DigitalAssessment)))
  listAssessments(@Query(valid(BeneficiaryRecordsQuery)) query: BeneficiaryRecordsQueryInput) {
    return this.assessments.list(query);
  }

  @Requires('digital-inclusion:write')
  @Post('digital-assessments')
  @ApiCreatedResponse(responseOf(DigitalAssessment))
  createAssessment(@Body(valid(CreateDigitalAssessmentInput)) input: z.output<typeof CreateDigitalAssessmentInput>) {
    return this.assessments.create(input);
  }

  @Authenticated()
  @Get('partners')
  @ApiOkResponse(responseOf(page(Partner)))
  listPartners(@Query(valid(PartnerQuery)) query: PartnerQueryInput) {
    return this.partners.list(query);
  }

  @Requires('catalogues:manage')
  @Post('partners')
  @ApiCreatedResponse(responseOf(Partner))
  createPartner(@Body(valid(PartnerInput)) input: PartnerBody) {
    return this.partners.create(input);
  }

  @Requires('catalogues:manage')
  @Patch('partners/:id')
  @ApiOkResponse(responseOf(Partner))
  updatePartner(@Param('id', IdPipe) id: string, @Body(valid(UpdatePartnerInput)) input: UpdatePartnerBody) {
    return this.partners.update(id, input);
  }

  @Requires('beneficiary:read')
  @Get('referrals')
  @ApiOkResponse(responseOf(page(Referral)))
  listReferrals(@Query(valid(BeneficiaryRecordsQuery)) query: BeneficiaryRecordsQueryInput) {
    return this.referrals.list(query);
  }

  @Requires('digital-inclusion:write')
  @Post('referrals')
  @ApiCreatedResponse(responseOf(Referral))
  createReferral(@Body(valid(CreateReferralInput)) input: z.output<typeof CreateReferralInput>) {
    return this.referrals.create(input);
  }

  @Requires('digital-inclusion:write')
  @Patch('referrals/:id')
  @ApiOkResponse(responseOf(Referral))
  updateReferral(@Param('id', IdPipe) id: string, @Body(valid(UpdateReferralInput)) input: UpdateReferralBody) {
    return this.referrals.update(id, input);
  }
}
