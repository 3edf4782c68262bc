import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Put } from '@nestjs/common';
import { ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Auth, CurrentPrincipal } from '../auth/auth.decorators';
import { auditActor, Principal } from '../auth/principal';
import { RoutingRuleDto } from './dto/routing-rule.dto';
import { RoutingRulesService } from './routing-rules.service';

@ApiTags('routing')
@Controller('api/routing/rules')
export class RoutingRulesController {
  constructor(private readonly rules: RoutingRulesService) {}

  @Get()
  @Auth('agent', 'manager', 'admin')
  @ApiOperation({ summary: 'Which team each category of triaged tickets goes to' })
  list() {
    return this.rules.list();
  }

  @Put(':category')
  @Auth('admin')
  @ApiOperation({ summary: "Send a category's triaged tickets to a team; its waiting tickets without a team are routed at once" })
  @ApiOkResponse({ description: '{ rule, routed }' })
  @ApiNotFoundResponse({ description: 'No such category in the taxonomy' })
  @ApiUnprocessableEntityResponse({ description: 'teamId names no team' })
  put(@CurrentPrincipal() principal: Principal, @Param('category') category: string, @Body() dto: RoutingRuleDto) {
    return this.rules.put(auditActor(principal), category, dto.teamId);
  }

  @Delete(':category')
  @Auth('admin')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Stop routing a category (its tickets stay in the unrouted queue, for admins)' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiNotFoundResponse({ description: 'No rule for this category' })
  remove(@CurrentPrincipal() principal: Principal, @Param('category') category: string) {
    return this.rules.remove(auditActor(principal), category);
  }
}
