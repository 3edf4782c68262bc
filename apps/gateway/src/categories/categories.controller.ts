import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TAXONOMY, type Taxonomy } from '@smartdesk/nlp';
import { Auth } from '../auth/auth.decorators';
import { categoryNames } from './category-names';
import { CategoriesQuery, CategoryView } from './dto/category.view';

@ApiTags('categories')
@Controller('api/categories')
export class CategoriesController {
  constructor(@Inject(TAXONOMY) private readonly taxonomy: Taxonomy) {}

  @Get()
  @Auth('agent', 'manager', 'admin')
  @ApiOperation({ summary: "Staff: the taxonomy's categories and the catch-all 'other', with their names in the language asked for where the taxonomy has them" })
  @ApiOkResponse({ type: [CategoryView] })
  list(@Query() query: CategoriesQuery): CategoryView[] {
    return categoryNames(this.taxonomy, query.language ?? 'en');
  }
}
