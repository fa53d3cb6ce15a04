import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DataProtectionSettings, DataProtectionSettingsInput } from '@ccas/shared';
import type { DataProtectionSettingsInput as DataProtectionSettingsBody } from '@ccas/shared';
import { Requires } from '../../auth/access.decorator';
import { responseOf } from '../../common/openapi';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { DataProtectionSettingsService } from './data-protection-settings.service';

/** Retention delays: set by the tenant's ADMIN, read by the managers who review the files due. */
@ApiTags('retention')
@Controller('settings/data-protection')
export class DataProtectionSettingsController {
  constructor(private readonly settings: DataProtectionSettingsService) {}

  @Requires('settings:manage', 'retention:review')
  @Get()
  @ApiOkResponse(responseOf(DataProtectionSettings))
  get() {
    return this.settings.get();
  }

  @Requires('settings:manage')
  @Put()
  @ApiOkResponse(responseOf(DataProtectionSettings))
  update(@Body(new ZodValidationPipe(DataProtectionSettingsInput)) input: DataProtectionSettingsBody) {
    return this.settings.update(input);
  }
}
