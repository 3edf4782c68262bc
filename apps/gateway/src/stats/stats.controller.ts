import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentPrincipal } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { StatsQuery } from './dto/stats.query';
import { StatsService } from './stats.service';

@ApiTags('stats')
@Controller('api/stats')
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  @Get()
  @Auth('manager', 'admin')
  @ApiOperation({
    summary:
      'Support statistics over tickets created in a time range: volume by category, priority, channel and language; first-response and resolution time percentiles; SLA compliance; escalation rate; suggestion acceptance, overall and by category (agent feedback: accepted, edited, rejected); CSAT. Managers: their department; admins: all or one department',
  })
  @ApiOkResponse({ description: 'Counts, rates (0-1, null without data), percentiles in seconds, and daily: tickets per UTC day of the range (total and by category)' })
  @ApiBadRequestResponse({ description: 'A bad date, or from not before to' })
  @ApiForbiddenResponse({ description: "A manager asking for another department's statistics" })
  get(@CurrentPrincipal() principal: Principal, @Query() query: StatsQuery) {
    return this.stats.stats(principal, query);
  }
}
