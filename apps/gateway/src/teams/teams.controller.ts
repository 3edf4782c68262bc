import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentPrincipal } from '../auth/auth.decorators';
import { auditActor, Principal } from '../auth/principal';
import { CreateTeamDto } from './dto/create-team.dto';
import { UpdateTeamDto } from './dto/update-team.dto';
import { TeamsService } from './teams.service';

@ApiTags('teams')
@Controller('api/teams')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Get()
  @Auth('agent', 'manager', 'admin')
  @ApiOperation({ summary: 'Every team with its department' })
  list() {
    return this.teams.list();
  }

  @Post()
  @Auth('admin')
  @ApiOperation({ summary: 'Create a team' })
  @ApiCreatedResponse({ description: 'The team' })
  @ApiConflictResponse({ description: 'A team has that name already' })
  create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateTeamDto) {
    return this.teams.create(auditActor(principal), dto);
  }

  @Patch(':id')
  @Auth('admin')
  @ApiOperation({ summary: 'Rename a team or move it to another department' })
  @ApiNotFoundResponse({ description: 'No such team' })
  @ApiConflictResponse({ description: 'A team has that name already' })
  update(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateTeamDto) {
    return this.teams.update(auditActor(principal), id, dto);
  }
}
