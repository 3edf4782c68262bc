import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentPrincipal } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { SummaryDto, SummaryView } from './dto/summary.dto';
import { ThreadSummaryService } from './thread-summary.service';

const Id = () => new ParseUUIDPipe({ version: '4' });

@ApiTags('assist')
@Controller('api/tickets/:id/summary')
export class SummaryController {
  constructor(private readonly summaries: ThreadSummaryService) {}

  @Get()
  @Auth('agent', 'manager', 'admin')
  @ApiOperation({ summary: 'Staff: the stored LLM summary of the ticket’s thread as it is now (never calls the model)' })
  @ApiOkResponse({ type: SummaryView })
  @ApiNotFoundResponse({ description: 'No such ticket, not one the caller may see, or no summary of its current thread yet' })
  read(@Param('id', Id()) id: string, @Query() query: SummaryDto, @CurrentPrincipal() principal: Principal): Promise<SummaryView> {
    return this.summaries.read(principal, id, query.language);
  }

  @Post()
  @HttpCode(200)
  @Auth('agent', 'manager', 'admin')
  @ApiOperation({
    summary: 'Staff: a short LLM summary of the ticket’s thread for an escalation or handover (internal notes included, so never for the customer). Cached until the thread changes',
  })
  @ApiOkResponse({ type: SummaryView })
  @ApiNotFoundResponse({ description: 'No such ticket, or not one the caller may see' })
  @ApiConflictResponse({ description: 'No LLM is configured (reason llm-not-configured)' })
  @ApiServiceUnavailableResponse({ description: 'The LLM failed or did not answer in time (reason llm-failed)' })
  write(@Param('id', Id()) id: string, @Body() dto: SummaryDto, @CurrentPrincipal() principal: Principal): Promise<SummaryView> {
    return this.summaries.write(principal, id, dto.language);
  }
}
