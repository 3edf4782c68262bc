import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Auth, CurrentPrincipal } from '../auth/auth.decorators';
import { auditActor, Principal } from '../auth/principal';
import { AvailabilityDto } from './dto/availability.dto';
import { CreateUserDto } from './dto/create-user.dto';
import { ListUsersQuery } from './dto/list-users.query';
import { UpdateUserDto } from './dto/update-user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('api/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Auth('manager', 'admin')
  @ApiOperation({ summary: "List accounts: admins see all, managers their department's staff" })
  @ApiOkResponse({ description: '{ items, total, page, pageSize }' })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListUsersQuery) {
    return this.users.list(principal, query);
  }

  @Get(':id')
  @Auth('admin')
  @ApiOperation({ summary: 'One account' })
  @ApiNotFoundResponse({ description: 'No such account' })
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.users.get(id);
  }

  @Post()
  @Auth('admin')
  @ApiOperation({ summary: 'Create an account (customer, agent, manager or admin)' })
  @ApiCreatedResponse({ description: 'The account (never its password hash)' })
  @ApiBadRequestResponse({ description: 'A field is missing or invalid; the body names it' })
  @ApiConflictResponse({ description: 'The email already has an account' })
  @ApiUnprocessableEntityResponse({ description: 'teamId names no team' })
  create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateUserDto) {
    return this.users.create(auditActor(principal), dto);
  }

  @Patch(':id')
  @Auth('admin')
  @ApiOperation({ summary: "Change name, role, team, password, routing settings (skills, capacity), a customer's tier, or deactivate an account" })
  @ApiNotFoundResponse({ description: 'No such account' })
  @ApiConflictResponse({ description: 'The change would leave no active admin' })
  @ApiUnprocessableEntityResponse({ description: 'teamId names no team' })
  update(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateUserDto) {
    return this.users.update(auditActor(principal), id, dto);
  }

  @Put(':id/availability')
  @Auth('agent', 'manager', 'admin')
  @ApiOperation({ summary: 'Mark staff away (their unfinished tickets are reassigned or wait in the team queue) or back: themselves; managers their department; admins anyone' })
  @ApiOkResponse({ description: '{ id, away, released: [ticket ids], reassigned: [{ ticketId, agentId }] }' })
  @ApiForbiddenResponse({ description: "Someone else's availability, outside the caller's department" })
  @ApiNotFoundResponse({ description: 'No such member of staff' })
  setAvailability(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AvailabilityDto) {
    return this.users.setAvailability(principal, id, dto.away);
  }
}
