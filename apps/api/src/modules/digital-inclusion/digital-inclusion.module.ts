import { Module } from '@nestjs/common';
import { AssessmentsService } from './assessments.service';
import { DigitalInclusionController } from './digital-inclusion.controller';
import { PartnersService } from './partners.service';
import { ReferralsService } from './referrals.service';

@Module({
  controllers: [DigitalInclusionController],
  providers: [AssessmentsService, PartnersService, ReferralsService],
  exports: [AssessmentsService, ReferralsService],
})
export class DigitalInclusionModule {}
