import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CreateProcedureInput, page, Procedure, ProcedureQuery, UpdateProcedureInput } from '@ccas/shared';
import type { ProcedureQuery as ProcedureQueryInput, UpdateProcedureInput as UpdateProcedureBody } from '@ccas/shared';
import type { z } from 'zod';
import { Requires } from '../../auth/access.decorator';
import { IdPipe } from '../../common/id.pipe';
import { responseOf } from '../../common/openapi';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { ProceduresService } from './procedures.service';

@ApiTags('procedures')
@Controller('procedures')
export class ProceduresController {
  constructor(private readonly procedures: ProceduresService) {}

  /** Filtered by file, agent (`me` for one's own) and `toDo` (the to-do list). */
  @Requires('procedure:read')
  @Get()
  @ApiOkResponse(responseOf(page(Procedure)))
  list(@Query(new ZodValidationPipe(ProcedureQuery)) query: ProcedureQueryInput) {
    return this.procedures.list(query);
  }

  @Requires('procedure:write', 'procedure:write-orientation')
  @Post()
  @ApiCreatedResponse(responseOf(Procedure))
  create(@Body(new ZodValidationPipe(CreateProcedureInput)) input: z.output<typeof CreateProcedureInput>) {
    return this.procedures.create(input);
  }

  @Requires('procedure:read')
  @Get(':id')
  @ApiOkResponse(responseOf(Procedure))
  get(@Param('id', IdPipe) id: string) {
    return this.procedures.get(id);
  }

  @Requires('procedure:write', 'procedure:write-orientation')
  @Patch(':id')
  @ApiOkResponse(responseOf(Procedure))
  @ApiConflictResponse({ description: 'Version périmée' })
  update(@Param('id', IdPipe) id: string, @Body(new ZodValidationPipe(UpdateProcedureInput)) input: UpdateProcedureBody) {
    return this.procedures.update(id, input);
  }
}
