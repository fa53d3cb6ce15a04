import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Appointment, AppointmentQuery, CreateAppointmentInput, page, Problem, SetAppointmentStatusInput, UpdateAppointmentInput } from '@ccas/shared';
import type {
  AppointmentQuery as AppointmentQueryInput,
  SetAppointmentStatusInput as SetAppointmentStatusBody,
  UpdateAppointmentInput as UpdateAppointmentBody,
} from '@ccas/shared';
import type { z } from 'zod';
import { Requires } from '../../auth/access.decorator';
import { IdPipe } from '../../common/id.pipe';
import { responseOf } from '../../common/openapi';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { AppointmentsService } from './appointments.service';

const slotTaken = { description: 'Créneau déjà pris (problème `slot-taken` et ses `conflicts`) ou version périmée', ...responseOf(Problem) };

@ApiTags('appointments')
@ApiNotFoundResponse({ description: 'Rendez-vous, dossier, agent ou site inexistant ou d’une autre structure' })
@Controller('appointments')
export class AppointmentsController {
  constructor(private readonly appointments: AppointmentsService) {}

  /** An agenda (`from`, `to` and `agentId` or `siteId`), a file's (`beneficiaryId`) or the to-do list (`toDo=true`). */
  @Requires('appointment:read')
  @Get()
  @ApiOkResponse(responseOf(page(Appointment)))
  list(@Query(new ZodValidationPipe(AppointmentQuery)) query: AppointmentQueryInput) {
    return this.appointments.list(query);
  }

  @Requires('appointment:manage')
  @Post()
  @ApiCreatedResponse(responseOf(Appointment))
  @ApiConflictResponse(slotTaken)
  create(@Body(new ZodValidationPipe(CreateAppointmentInput)) input: z.output<typeof CreateAppointmentInput>) {
    return this.appointments.create(input);
  }

  @Requires('appointment:read')
  @Get(':id')
  @ApiOkResponse(responseOf(Appointment))
  get(@Param('id', IdPipe) id: string) {
    return this.appointments.get(id);
  }

  @Requires('appointment:manage')
  @Patch(':id')
  @ApiOkResponse(responseOf(Appointment))
  @ApiConflictResponse(slotTaken)
  update(@Param('id', IdPipe) id: string, @Body(new ZodValidationPipe(UpdateAppointmentInput)) input: UpdateAppointmentBody) {
    return this.appointments.update(id, input);
  }

  @Requires('appointment:manage')
  @Post(':id/status')
  @HttpCode(200)
  @ApiOkResponse(responseOf(Appointment))
  @ApiConflictResponse({ description: 'Version périmée, ou statut impossible depuis le statut actuel (une annulation est définitive)' })
  @ApiUnprocessableEntityResponse({ description: 'Présence ou absence indiquée avant l’heure du rendez-vous' })
  setStatus(@Param('id', IdPipe) id: string, @Body(new ZodValidationPipe(SetAppointmentStatusInput)) input: SetAppointmentStatusBody) {
    return this.appointments.setStatus(id, input);
  }
}
