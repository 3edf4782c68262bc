import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Auth, CurrentPrincipal } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ConversationService } from './conversation.service';
import { PostMessageDto } from './dto/post-message.dto';

const Id = () => new ParseUUIDPipe({ version: '4' });

@ApiTags('conversation')
@Controller('api/tickets/:id/messages')
export class MessagesController {
  constructor(private readonly conversation: ConversationService) {}

  @Get()
  @Auth()
  @ApiOperation({ summary: 'The conversation, oldest first. Customers get the public messages only; staff also the internal notes' })
  @ApiOkResponse({ description: 'Messages with kind customer, reply or note' })
  @ApiNotFoundResponse({ description: 'No such ticket, or not one the caller may see' })
  list(@Param('id', Id()) id: string, @CurrentPrincipal() principal: Principal) {
    return this.conversation.list(principal, id);
  }

  @Post()
  @Auth()
  @ApiOperation({
    summary: "Write on a ticket. A customer's message reopens a pending or resolved ticket; an agent's public reply opens a new or triaged one; internal: true makes an internal note",
  })
  @ApiCreatedResponse({ description: "The message, and the ticket's status (and version, for staff) after it" })
  @ApiBadRequestResponse({ description: 'A field is invalid, or a staff-only field came from a customer' })
  @ApiNotFoundResponse({ description: 'No such ticket, or not one the caller may see' })
  @ApiConflictResponse({ description: 'The ticket is closed' })
  @ApiUnprocessableEntityResponse({ description: 'suggestionRevision or macroId names nothing' })
  post(@Param('id', Id()) id: string, @Body() dto: PostMessageDto, @CurrentPrincipal() principal: Principal) {
    return this.conversation.post(principal, id, dto);
  }
}
