import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CreateInterviewInput, Interview, InterviewRevision, page, PageQuery, UpdateInterviewInput } from '@ccas/shared';
import type { PageQuery as PageQueryInput, UpdateInterviewInput as UpdateInterviewBody } from '@ccas/shared';
import type { z } from 'zod';
import { Requires } from '../../auth/access.decorator';
import { IdPipe } from '../../common/id.pipe';
import { responseOf } from '../../common/openapi';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { InterviewsService } from './interviews.service';

@ApiTags('beneficiaries')
@Controller('beneficiaries/:id/interviews')
export class InterviewsController {
  constructor(private readonly interviews: InterviewsService) {}

  @Requires('beneficiary:read')
  @Get()
  @ApiOkResponse(responseOf(page(Interview)))
  list(@Param('id', IdPipe) id: string, @Query(new ZodValidationPipe(PageQuery)) query: PageQueryInput) {
    return this.interviews.list(id, query);
  }

  @Requires('interview:write')
  @Post()
  @ApiCreatedResponse(responseOf(Interview))
  create(@Param('id', IdPipe) id: string, @Body(new ZodValidationPipe(CreateInterviewInput)) input: z.output<typeof CreateInterviewInput>) {
    return this.interviews.create(id, input);
  }

  @Requires('beneficiary:read')
  @Get(':interviewId')
  @ApiOkResponse(responseOf(Interview))
  get(@Param('id', IdPipe) id: string, @Param('interviewId', IdPipe) interviewId: string) {
    return this.interviews.get(id, interviewId);
  }

  /** The author changes anything; a manager the shared fields (not the note). */
  @Requires('interview:write', 'interview:edit-shared')
  @Patch(':interviewId')
  @ApiOkResponse(responseOf(Interview))
  @ApiConflictResponse({ description: 'Version périmée' })
  update(
    @Param('id', IdPipe) id: string,
    @Param('interviewId', IdPipe) interviewId: string,
    @Body(new ZodValidationPipe(UpdateInterviewInput)) input: UpdateInterviewBody,
  ) {
    return this.interviews.update(id, interviewId, input);
  }

  @Requires('beneficiary:read')
  @Get(':interviewId/history')
  @ApiOkResponse(responseOf(page(InterviewRevision)))
  history(
    @Param('id', IdPipe) id: string,
    @Param('interviewId', IdPipe) interviewId: string,
    @Query(new ZodValidationPipe(PageQuery)) query: PageQueryInput,
  ) {
    return this.interviews.history(id, interviewId, query);
  }
}
