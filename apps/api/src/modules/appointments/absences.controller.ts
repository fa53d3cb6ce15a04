import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Absence, AbsenceInput, AbsenceOccurrence, AbsenceQuery, page, Problem } from '@ccas/shared';
import type { AbsenceQuery as AbsenceQueryInput } from '@ccas/shared';
import type { z } from 'zod';
import { Requires } from '../../auth/access.decorator';
import { IdPipe } from '../../common/id.pipe';
import { responseOf } from '../../common/openapi';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { AbsencesService } from './absences.service';

@ApiTags('appointments')
@ApiNotFoundResponse({ description: 'Absence, agent ou site inexistant ou d’une autre structure' })
@Controller('absences')
export class AbsencesController {
  constructor(private readonly absences: AbsencesService) {}

  /** Occurrences in a period (weekly absences repeated), for one agent (`me`) or a site's agents. */
  @Requires('appointment:read')
  @Get()
  @ApiOkResponse(responseOf(page(AbsenceOccurrence)))
  list(@Query(new ZodValidationPipe(AbsenceQuery)) query: AbsenceQueryInput) {
    return this.absences.list(query);
  }

  @Requires('appointment:manage')
  @Post()
  @ApiCreatedResponse(responseOf(Absence))
  @ApiConflictResponse({ description: 'L’agent a des rendez-vous pendant cette absence (problème `slot-taken`)', ...responseOf(Problem) })
  create(@Body(new ZodValidationPipe(AbsenceInput)) input: z.output<typeof AbsenceInput>) {
    return this.absences.create(input);
  }

  @Requires('appointment:manage')
  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  remove(@Param('id', IdPipe) id: string) {
    return this.absences.remove(id);
  }
}
