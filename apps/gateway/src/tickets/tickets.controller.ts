import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseIntPipe, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiPayloadTooLargeResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CreateTicketDto } from './dto/create-ticket.dto';
import { ListTicketsQuery } from './dto/list-tickets.query';
import { ResolveTicketDto } from './dto/resolve-ticket.dto';
import { TicketsService } from './tickets.service';

const Id = () => new ParseUUIDPipe({ version: '4' });

@ApiTags('tickets')
@Controller('api/tickets')
export class TicketsController {
  constructor(private readonly tickets: TicketsService) {}

  @Post()
  @ApiOperation({ summary: 'Submit a ticket (customer). Triage runs in the background.' })
  @ApiCreatedResponse({ description: 'Stored; id and number returned at once' })
  @ApiBadRequestResponse({ description: 'A field is missing or invalid; the body names it' })
  @ApiPayloadTooLargeResponse({ description: 'Body larger than MAX_BODY_BYTES' })
  async create(@Body() dto: CreateTicketDto) {
    const ticket = await this.tickets.create(dto);
    return { id: ticket.id, number: ticket.number, status: ticket.status, createdAt: ticket.createdAt, links: { self: `/api/tickets/${ticket.id}` } };
  }

  @Get()
  @ApiOperation({ summary: 'List and filter tickets (agents)' })
  @ApiOkResponse({ description: '{ items, total, page, pageSize }' })
  list(@Query() query: ListTicketsQuery) {
    return this.tickets.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A ticket with every stage result, the latest suggested response and the timeline' })
  @ApiNotFoundResponse({ description: 'No such ticket' })
  get(@Param('id', Id()) id: string) {
    return this.tickets.get(id);
  }

  @Post(':id/response')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Ask for a fresh smart response (runs through the rag-response queue)' })
  @ApiAcceptedResponse({ description: 'Queued; poll `location` for the result' })
  @ApiNotFoundResponse({ description: 'No such ticket' })
  @ApiConflictResponse({ description: 'The ticket is resolved' })
  requestResponse(@Param('id', Id()) id: string) {
    return this.tickets.requestResponse(id);
  }

  @Get(':id/responses/:revision')
  @ApiOperation({ summary: 'One suggested response by revision; 202 while it is still being written' })
  @ApiNotFoundResponse({ description: 'No such ticket or revision' })
  async response(@Param('id', Id()) id: string, @Param('revision', ParseIntPipe) revision: number, @Res({ passthrough: true }) res: Response) {
    const response = await this.tickets.response(id, revision);
    if (!response) {
      res.status(HttpStatus.ACCEPTED);
      return { ticketId: id, revision, status: 'pending' };
    }
    return { ticketId: id, revision, status: 'ready', response };
  }

  @Put(':id/resolve')
  @ApiOperation({ summary: 'Resolve a ticket with a resolution text' })
  @ApiNotFoundResponse({ description: 'No such ticket' })
  @ApiConflictResponse({ description: 'Already resolved' })
  resolve(@Param('id', Id()) id: string, @Body() dto: ResolveTicketDto) {
    return this.tickets.resolve(id, dto);
  }
}
