import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { OpeningHours, OpeningHoursInput } from '@ccas/shared';
import type { OpeningHoursInput as OpeningHoursBody } from '@ccas/shared';
import { Authenticated, Requires } from '../../auth/access.decorator';
import { IdPipe } from '../../common/id.pipe';
import { responseOf } from '../../common/openapi';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { OpeningHoursService } from './opening-hours.service';

/** Sites' opening hours: shown in every agenda, set by the tenant's ADMIN. */
@ApiTags('team')
@ApiNotFoundResponse({ description: 'Site inexistant ou d’une autre structure' })
@Controller('sites/:id/opening-hours')
export class OpeningHoursController {
  constructor(private readonly openingHours: OpeningHoursService) {}

  @Authenticated()
  @Get()
  @ApiOkResponse(responseOf(OpeningHours))
  get(@Param('id', IdPipe) id: string) {
    return this.openingHours.get(id);
  }

  @Requires('sites:manage')
  @Put()
  @ApiOkResponse(responseOf(OpeningHours))
  replace(@Param('id', IdPipe) id: string, @Body(new ZodValidationPipe(OpeningHoursInput)) input: OpeningHoursBody) {
    return this.openingHours.replace(id, input);
  }
}
