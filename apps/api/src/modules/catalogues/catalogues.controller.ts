import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CatalogueEntry, CatalogueKind, CatalogueQuery, CreateCatalogueEntryInput, page, UpdateCatalogueEntryInput } from '@ccas/shared';
import type {
  CatalogueQuery as CatalogueQueryInput,
  CreateCatalogueEntryInput as CreateCatalogueEntryBody,
  UpdateCatalogueEntryInput as UpdateCatalogueEntryBody,
} from '@ccas/shared';
import { Authenticated, Requires } from '../../auth/access.decorator';
import { IdPipe } from '../../common/id.pipe';
import { responseOf } from '../../common/openapi';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { CataloguesService } from './catalogues.service';

const kindPipe = new ZodValidationPipe(CatalogueKind);

@ApiTags('catalogues')
@Controller('catalogues/:kind')
export class CataloguesController {
  constructor(private readonly catalogues: CataloguesService) {}

  @Authenticated()
  @Get()
  @ApiOkResponse(responseOf(page(CatalogueEntry)))
  list(@Param('kind', kindPipe) kind: CatalogueKind, @Query(new ZodValidationPipe(CatalogueQuery)) query: CatalogueQueryInput) {
    return this.catalogues.list(kind, query);
  }

  @Requires('catalogues:manage')
  @Post()
  @ApiCreatedResponse(responseOf(CatalogueEntry))
  create(@Param('kind', kindPipe) kind: CatalogueKind, @Body(new ZodValidationPipe(CreateCatalogueEntryInput)) input: CreateCatalogueEntryBody) {
    return this.catalogues.create(kind, input);
  }

  @Requires('catalogues:manage')
  @Patch(':id')
  @ApiOkResponse(responseOf(CatalogueEntry))
  update(
    @Param('kind', kindPipe) kind: CatalogueKind,
    @Param('id', IdPipe) id: string,
    @Body(new ZodValidationPipe(UpdateCatalogueEntryInput)) input: UpdateCatalogueEntryBody,
  ) {
    return this.catalogues.update(kind, id, input);
  }
}
