import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Motif, MotifInput, MotifQuery, page, UpdateMotifInput } from '@ccas/shared';
import type { MotifInput as MotifBody, MotifQuery as MotifQueryInput, UpdateMotifInput as UpdateMotifBody } from '@ccas/shared';
import { Authenticated, Requires } from '../../auth/access.decorator';
import { IdPipe } from '../../common/id.pipe';
import { responseOf } from '../../common/openapi';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { MotifsService } from './motifs.service';

/** The tenant's appointment reasons: read by every member (booking, administration), managed by its ADMIN. */
@ApiTags('appointments')
@Controller('appointment-motifs')
export class MotifsController {
  constructor(private readonly motifs: MotifsService) {}

  @Authenticated()
  @Get()
  @ApiOkResponse(responseOf(page(Motif)))
  list(@Query(new ZodValidationPipe(MotifQuery)) query: MotifQueryInput) {
    return this.motifs.list(query);
  }

  @Requires('catalogues:manage')
  @Post()
  @ApiCreatedResponse(responseOf(Motif))
  @ApiConflictResponse({ description: 'Un motif porte déjà ce nom' })
  create(@Body(new ZodValidationPipe(MotifInput)) input: MotifBody) {
    return this.motifs.create(input);
  }

  @Requires('catalogues:manage')
  @Patch(':id')
  @ApiOkResponse(responseOf(Motif))
  @ApiConflictResponse({ description: 'Un motif porte déjà ce nom' })
  update(@Param('id', IdPipe) id: string, @Body(new ZodValidationPipe(UpdateMotifInput)) input: UpdateMotifBody) {
    return this.motifs.update(id, input);
  }
}
