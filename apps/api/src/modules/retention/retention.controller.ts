import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiGoneResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ArchiveFilesInput, ArchiveFilesResult, page, PostponeRetentionInput, RetentionDueQuery, RetentionReview } from '@ccas/shared';
import type {
  ArchiveFilesInput as ArchiveFilesBody,
  PostponeRetentionInput as PostponeRetentionBody,
  RetentionDueQuery as RetentionDueQueryInput,
} from '@ccas/shared';
import { Requires } from '../../auth/access.decorator';
import { responseOf } from '../../common/openapi';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { RetentionService } from './retention.service';

/** The direction's review of the files due for archiving ("archivage"). */
@ApiTags('retention')
@Controller('retention')
export class RetentionController {
  constructor(private readonly retention: RetentionService) {}

  /** `state=due` (default): to archive now; `state=postponed`: kept for now, with the reason. */
  @Requires('retention:review')
  @Get('due')
  @ApiOkResponse(responseOf(page(RetentionReview)))
  list(@Query(new ZodValidationPipe(RetentionDueQuery)) query: RetentionDueQueryInput) {
    return this.retention.list(query);
  }

  /** Anonymises up to 100 files at once, all or none. */
  @Requires('retention:review')
  @Post('archive')
  @HttpCode(200)
  @ApiOkResponse(responseOf(ArchiveFilesResult))
  @ApiNotFoundResponse({ description: 'Un dossier n’existe pas dans la structure' })
  @ApiConflictResponse({ description: 'Un dossier n’est pas (ou plus) à archiver' })
  @ApiGoneResponse({ description: 'Un dossier est déjà anonymisé' })
  archive(@Body(new ZodValidationPipe(ArchiveFilesInput)) input: ArchiveFilesBody) {
    return this.retention.archive(input);
  }

  @Requires('retention:review')
  @Post('postpone')
  @HttpCode(200)
  @ApiOkResponse(responseOf(RetentionReview))
  @ApiConflictResponse({ description: 'Le dossier n’est pas à archiver' })
  @ApiGoneResponse({ description: 'Le dossier est déjà anonymisé' })
  postpone(@Body(new ZodValidationPipe(PostponeRetentionInput)) input: PostponeRetentionBody) {
    return this.retention.postpone(input);
  }
}
