import { Body, Controller, Get, Header, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { DeflectionEventsService } from './deflection-events.service';
import { DeflectionEventDto } from './dto/deflection-event.dto';
import { KbSuggestionsQuery } from './dto/kb-suggestions.query';
import { KbSuggestionsService } from './kb-suggestions.service';

/** What anyone may read or report from the customer portal, without an account. */
@ApiTags('self-service')
@Controller('api')
export class SelfServiceController {
  constructor(
    private readonly suggestions: KbSuggestionsService,
    private readonly deflection: DeflectionEventsService,
  ) {}

  @Get('kb/suggestions')
  @Public()
  // Caches may answer repeated keystrokes for a minute.
  @Header('Cache-Control', 'public, max-age=60')
  @ApiOperation({ summary: "Knowledge-base articles matching what a customer is typing, in the customer's language first (read-only, anonymous)" })
  @ApiOkResponse({ description: '[{ id, title, excerpt, language }], best first, at most `limit`' })
  @ApiBadRequestResponse({ description: 'q missing, blank or longer than 300 characters; language not a two-letter code' })
  suggest(@Query() query: KbSuggestionsQuery) {
    return this.suggestions.suggest(query);
  }

  @Get('self-service/articles/:id')
  @Public()
  @Header('Cache-Control', 'public, max-age=60')
  @ApiOperation({ summary: 'One knowledge-base article as customers read it (id URL-encoded, e.g. shipping%2Ftrack-your-order)' })
  @ApiNotFoundResponse({ description: 'No such article, or a deleted one' })
  article(@Param('id') id: string) {
    return this.suggestions.article(id);
  }

  @Post('self-service/deflection-events')
  @Public()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Report what a portal visit did with the suggestions (shown, an article opened, a ticket still sent); once per visit, type and article' })
  @ApiBadRequestResponse({ description: 'visitId not a UUID, or an unknown type' })
  recordDeflection(@Body() dto: DeflectionEventDto) {
    return this.deflection.record(dto);
  }
}
