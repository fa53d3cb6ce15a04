import { Module } from '@nestjs/common';
import { BeneficiariesController } from './beneficiaries.controller';
import { BeneficiariesRepository } from './beneficiaries.repository';
import { BeneficiariesService } from './beneficiaries.service';
import { HouseholdMembersController } from './household-members.controller';
import { HouseholdMembersService } from './household-members.service';

@Module({
  controllers: [BeneficiariesController, HouseholdMembersController],
  providers: [BeneficiariesService, BeneficiariesRepository, HouseholdMembersService],
})
export class BeneficiariesModule {}
