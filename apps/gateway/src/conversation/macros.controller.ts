import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentPrincipal } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { CreateMacroDto } from './dto/create-macro.dto';
import { RenderMacroQuery } from './dto/render-macro.query';
import { UpdateMacroDto } from './dto/update-macro.dto';
import { MacrosService } from './macros.service';

@ApiTags('macros')
@Controller('api/macros')
export class MacrosController {
  constructor(private readonly macros: MacrosService) {}

  @Get()
  @Auth('agent', 'manager', 'admin')
  @ApiOperation({ summary: 'Every canned response' })
  list() {
    return this.macros.list();
  }

  @Post()
  @Auth('manager', 'admin')
  @ApiOperation({ summary: 'Create a canned response with {{placeholders}}' })
  @ApiCreatedResponse({ description: 'The macro' })
  @ApiBadRequestResponse({ description: 'A field is invalid, or the body uses an unknown placeholder (named)' })
  @ApiConflictResponse({ description: 'A macro has that name already' })
  create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateMacroDto) {
    return this.macros.create(principal, dto);
  }

  @Patch(':id')
  @Auth('manager', 'admin')
  @ApiOperation({ summary: 'Rename or rewrite a canned response' })
  @ApiNotFoundResponse({ description: 'No such macro' })
  @ApiConflictResponse({ description: 'A macro has that name already' })
  update(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateMacroDto) {
    return this.macros.update(principal, id, dto);
  }

  @Delete(':id')
  @Auth('manager', 'admin')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete a canned response (replies made with it keep their text)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiNotFoundResponse({ description: 'No such macro' })
  remove(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.macros.remove(principal, id);
  }

  @Get(':id/render')
  @Auth('agent', 'manager', 'admin')
  @ApiOperation({ summary: 'A canned response filled in for one ticket (its customer, number, subject ...) and the agent asking' })
  @ApiOkResponse({ description: '{ macroId, ticketId, body }' })
  @ApiNotFoundResponse({ description: 'No such macro, or no such ticket the caller may see' })
  render(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Query() query: RenderMacroQuery) {
    return this.macros.render(principal, id, query.ticketId);
  }
}
