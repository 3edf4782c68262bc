import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Auth, CurrentPrincipal } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { TranslateDto, TranslationsView } from './dto/translate.dto';
import { TranslationService } from './translation.service';

@ApiTags('assist')
@Controller('api/tickets/:id/translations')
export class TranslationsController {
  constructor(private readonly translation: TranslationService) {}

  @Post()
  @HttpCode(200)
  @Auth('agent', 'manager', 'admin')
  @ApiOperation({
    summary:
      'Staff: machine translation by the LLM of the ticket’s messages into the agent’s language, or of a reply draft (text) into the customer’s. Marked machine-written; cached per text, language and model',
  })
  @ApiOkResponse({ type: TranslationsView })
  @ApiBadRequestResponse({ description: 'A field is invalid, or both messageIds and text were sent' })
  @ApiNotFoundResponse({ description: 'No such ticket, or not one the caller may see' })
  @ApiConflictResponse({ description: 'No LLM is configured (reason llm-not-configured): there is no offline translation' })
  @ApiUnprocessableEntityResponse({ description: 'A messageId is not a message of this ticket' })
  @ApiServiceUnavailableResponse({ description: 'The LLM failed or did not answer in time (reason llm-failed)' })
  translate(@Param('id', new ParseUUIDPipe({ version: '4' })) id: string, @Body() dto: TranslateDto, @CurrentPrincipal() principal: Principal): Promise<TranslationsView> {
    return this.translation.translate(principal, id, dto);
  }
}
