import { Body, Controller, Delete, Get, Headers, HttpCode, HttpStatus, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Auth, CurrentPrincipal } from '../auth/auth.decorators';
import { ParseIntColumnPipe } from '../common/int-column';
import type { Principal } from '../auth/principal';
import { DuplicatesQuery } from './dto/duplicates.query';
import { ListKbArticlesQuery } from './dto/list-kb-articles.query';
import { UpdateKbArticleDto } from './dto/update-kb-article.dto';
import { KbArticlesService } from './kb-articles.service';

const ID_PARAM = { name: 'id', description: "The article id, URL-encoded: 'shipping/track-your-order' is shipping%2Ftrack-your-order" };
const FILE_ARTICLE = 'The article comes from a kb/ file (path given): edit or delete the file instead';

@ApiTags('knowledge base')
@Controller('api/kb')
export class KbArticlesController {
  constructor(private readonly articles: KbArticlesService) {}

  @Get('articles')
  @Auth('agent', 'manager', 'admin')
  @ApiOperation({ summary: 'The articles in force (without their body), by id; filters category, language, source, q (title or body)' })
  @ApiOkResponse({ description: '{ items, total, page, pageSize }; each item says its version and whether the index holds it (indexed)' })
  list(@Query() query: ListKbArticlesQuery) {
    return this.articles.list(query);
  }

  @Get('articles/:id')
  @Auth('agent', 'manager', 'admin')
  @ApiParam(ID_PARAM)
  @ApiOperation({ summary: 'One article and its versions (who changed it, when, how, and the content of each), newest first' })
  @ApiOkResponse({ description: 'The article (deleted: true with its last version once deleted) and versions' })
  @ApiNotFoundResponse({ description: 'No article ever had this id' })
  get(@Param('id') id: string) {
    return this.articles.get(id);
  }

  @Post('articles')
  @Auth('admin')
  @ApiConsumes('application/json', 'text/markdown')
  @ApiBody({
    description:
      'A JSON article {id?, title, body, category, language, tags?} (id defaults to <category>/<slug of title>); a JSON FAQ {"knowledge_base": [{id, question, answer, category, language, tags}]} (ids <category>/<id>); or a markdown file with front matter (title, category, language, tags) as text/markdown',
    schema: { type: 'object' },
  })
  @ApiOperation({ summary: 'Create API articles from a JSON article, a JSON FAQ or a markdown file; every rag-worker indexes them within seconds' })
  @ApiCreatedResponse({ description: '{ articles }: each created at its first version' })
  @ApiUnprocessableEntityResponse({ description: 'Invalid content: message lists every problem (with the FAQ entry); nothing is written' })
  @ApiConflictResponse({ description: 'An article with that id exists; nothing is written' })
  @ApiPayloadTooLargeResponse({ description: 'Larger than MAX_BODY_BYTES (JSON) or IMPORT_MAX_BYTES (markdown)' })
  create(@CurrentPrincipal() principal: Principal, @Body() body: unknown, @Headers('content-type') contentType = '') {
    return this.articles.create(principal, body, contentType.split(';')[0].trim().toLowerCase());
  }

  @Put('articles/:id')
  @Auth('admin')
  @ApiParam(ID_PARAM)
  @ApiOperation({ summary: 'A new version of an API article; fields left out keep their value' })
  @ApiOkResponse({ description: 'The article at its new version (unchanged content: no new version)' })
  @ApiNotFoundResponse({ description: 'No such article' })
  @ApiConflictResponse({ description: `Stale version (currentVersion given), or: ${FILE_ARTICLE}` })
  @ApiUnprocessableEntityResponse({ description: 'Invalid content (every problem named); nothing changed' })
  update(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() dto: UpdateKbArticleDto) {
    return this.articles.update(principal, id, dto);
  }

  @Delete('articles/:id')
  @Auth('admin')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiParam(ID_PARAM)
  @ApiOperation({ summary: 'Delete an API article: it leaves suggestions within seconds; its versions stay, and it can be restored' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiNotFoundResponse({ description: 'No such article' })
  @ApiConflictResponse({ description: FILE_ARTICLE })
  remove(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.articles.remove(principal, id);
  }

  @Post('articles/:id/versions/:version/restore')
  @Auth('admin')
  @HttpCode(HttpStatus.OK)
  @ApiParam(ID_PARAM)
  @ApiOperation({ summary: "Make an earlier version's content the current one (a new version); brings a deleted article back as an API article" })
  @ApiOkResponse({ description: 'The article at its new version' })
  @ApiNotFoundResponse({ description: 'No such article or version' })
  @ApiConflictResponse({ description: FILE_ARTICLE })
  restore(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Param('version', new ParseIntColumnPipe()) version: number) {
    return this.articles.restore(principal, id, version);
  }

  @Get('duplicates')
  @Auth('agent', 'manager', 'admin')
  @ApiOperation({ summary: 'Pairs of articles (same language) whose titles or questions are near duplicates, most similar first' })
  @ApiOkResponse({ description: '{ threshold, pairs: [{ a: {id, title, language}, b, similarity }] }' })
  duplicates(@Query() query: DuplicatesQuery) {
    return this.articles.duplicates(query.threshold);
  }
}
