import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentPrincipal } from '../auth/auth.decorators';
import { ParseIntColumnPipe } from '../common/int-column';
import type { Principal } from '../auth/principal';
import { SuggestionFeedbackDto } from './dto/suggestion-feedback.dto';
import { SuggestionFeedbackService } from './suggestion-feedback.service';

@ApiTags('conversation')
@Controller('api/tickets/:id/responses/:revision/feedback')
export class SuggestionFeedbackController {
  constructor(private readonly feedback: SuggestionFeedbackService) {}

  @Post()
  @Auth('agent', 'manager', 'admin')
  @ApiOperation({
    summary:
      'Say what you made of a suggested response: accepted, edited or rejected, with an optional reason. Recorded once per agent and revision, on the timeline, and counted in GET /api/stats by category. A reply sent with suggestionRevision records accepted or edited by itself',
  })
  @ApiCreatedResponse({ description: 'The stored feedback' })
  @ApiBadRequestResponse({ description: 'outcome is not accepted, edited or rejected, or reason is blank or too long' })
  @ApiNotFoundResponse({ description: 'No such ticket (or not one the caller may see), or no suggested response with that revision' })
  @ApiConflictResponse({ description: 'This agent already gave feedback on that revision, or replied with it (the body says which)' })
  give(
    @Param('id', new ParseUUIDPipe({ version: '4' })) id: string,
    @Param('revision', new ParseIntColumnPipe()) revision: number,
    @Body() dto: SuggestionFeedbackDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.feedback.give(principal, id, revision, dto);
  }
}
