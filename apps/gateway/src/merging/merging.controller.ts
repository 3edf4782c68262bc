import { Body, Controller, Delete, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Auth, CurrentPrincipal } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { LinkTicketDto, MergeTicketDto, UnmergeTicketDto } from './dto/merge-ticket.dto';
import { LinkResultView, MergeResultView, UnmergeResultView } from './dto/merge-views';
import { TicketMerges } from './ticket-merges.service';
import { TicketRelations } from './ticket-relations.service';

const Id = () => new ParseUUIDPipe({ version: '4' });
const NOT_VISIBLE = 'No such ticket, or not one the caller may see';

@ApiTags('merging')
@Controller('api/tickets/:id')
export class MergingController {
  constructor(
    private readonly merges: TicketMerges,
    private readonly relations: TicketRelations,
  ) {}

  @Post('merge')
  @HttpCode(HttpStatus.OK)
  @Auth('agent', 'manager', 'admin')
  @ApiOperation({ summary: 'Merge this duplicate into targetId: its messages, attachments, timeline and mail thread move there; this ticket is closed with a pointer (audited; an admin can undo)' })
  @ApiOkResponse({ type: MergeResultView })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  @ApiConflictResponse({ description: 'Stale version (currentVersion given), or this ticket is closed or merged already' })
  @ApiUnprocessableEntityResponse({ description: 'targetId is this ticket, one the caller may not see, or a closed or merged ticket' })
  merge(@Param('id', Id()) id: string, @Body() dto: MergeTicketDto, @CurrentPrincipal() principal: Principal) {
    return this.merges.merge(principal, id, dto.targetId, dto.version);
  }

  @Post('unmerge')
  @HttpCode(HttpStatus.OK)
  @Auth('admin')
  @ApiOperation({ summary: 'Undo the merge of this ticket: what was moved goes back, the ticket gets its status from before (admins)' })
  @ApiOkResponse({ type: UnmergeResultView })
  @ApiForbiddenResponse({ description: 'Not an admin' })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  @ApiConflictResponse({ description: 'Stale version, or the ticket is not merged' })
  unmerge(@Param('id', Id()) id: string, @Body() dto: UnmergeTicketDto, @CurrentPrincipal() principal: Principal) {
    return this.merges.unmerge(principal, id, dto.version);
  }

  @Post('links')
  @Auth('agent', 'manager', 'admin')
  @ApiOperation({ summary: 'Link a related ticket (both directions; linking twice is one link)' })
  @ApiCreatedResponse({ type: LinkResultView })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  @ApiUnprocessableEntityResponse({ description: 'relatedId is this ticket or one the caller may not see' })
  link(@Param('id', Id()) id: string, @Body() dto: LinkTicketDto, @CurrentPrincipal() principal: Principal) {
    return this.relations.link(principal, id, dto.relatedId);
  }

  @Delete('links/:relatedId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Auth('agent', 'manager', 'admin')
  @ApiOperation({ summary: 'Remove a link' })
  @ApiNoContentResponse({ description: 'Unlinked' })
  @ApiNotFoundResponse({ description: 'No such ticket or link' })
  unlink(@Param('id', Id()) id: string, @Param('relatedId', Id()) relatedId: string, @CurrentPrincipal() principal: Principal) {
    return this.relations.unlink(principal, id, relatedId);
  }
}
