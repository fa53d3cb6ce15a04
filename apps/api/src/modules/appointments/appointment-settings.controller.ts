import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AppointmentSettings, AppointmentSettingsInput } from '@ccas/shared';
import type { AppointmentSettingsInput as AppointmentSettingsBody } from '@ccas/shared';
import { Authenticated, Requires } from '../../auth/access.decorator';
import { responseOf } from '../../common/openapi';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { AppointmentSettingsService } from './appointment-settings.service';

/** Reminders sent before appointments: read by every member, set by the tenant's ADMIN. */
@ApiTags('appointments')
@Controller('settings/appointments')
export class AppointmentSettingsController {
  constructor(private readonly settings: AppointmentSettingsService) {}

  @Authenticated()
  @Get()
  @ApiOkResponse(responseOf(AppointmentSettings))
  get() {
    return this.settings.get();
  }

  @Requires('settings:manage')
  @Put()
  @ApiOkResponse(responseOf(AppointmentSettings))
  update(@Body(new ZodValidationPipe(AppointmentSettingsInput)) input: AppointmentSettingsBody) {
    return this.settings.update(input);
  }
}
