import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Put, Query, Res, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { FilesInterceptor } from '@nestjs/platform-express';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { MAX_FILES_PER_UPLOAD } from '@smartdesk/channels';
import { attachmentView } from '../attachments/ticket-attachments.service';
import { UploadedFile } from '../attachments/uploaded-files';
import { Auth, CurrentPrincipal, OptionalAuth } from '../auth/auth.decorators';
import { ParseIntColumnPipe } from '../common/int-column';
import type { Principal } from '../auth/principal';
import { RateLimit } from '../rate-limits/rate-limit.decorator';
import { validationPipeFor } from '../http-setup';
import { CreateTicketDto, SIGNED_IN_CUSTOMER, SUBMITTER } from './dto/create-ticket.dto';
import { ListTicketsQuery } from './dto/list-tickets.query';
import { RateTicketDto } from './dto/rate-ticket.dto';
import { ResolveTicketDto } from './dto/resolve-ticket.dto';
import { UpdateTicketDto } from './dto/update-ticket.dto';
import { TicketIntake } from './ticket-intake.service';
import { TicketsService } from './tickets.service';
import { TicketRatings } from './ticket-ratings.service';
import { TicketReveal } from './ticket-reveal.service';
import { maskedTicket } from './ticket-views';
import { TicketWorkflow } from './ticket-workflow.service';

const Id = () => new ParseUUIDPipe({ version: '4' });
const intake = { customer: validationPipeFor([SIGNED_IN_CUSTOMER]), other: validationPipeFor([SUBMITTER]) };
const NOT_VISIBLE = 'No such ticket, or not one the caller may see';

@ApiTags('tickets')
@Controller('api/tickets')
export class TicketsController {
  constructor(
    private readonly intake: TicketIntake,
    private readonly tickets: TicketsService,
    private readonly workflow: TicketWorkflow,
    private readonly ratings: TicketRatings,
    private readonly reveals: TicketReveal,
  ) {}

  @Post()
  @OptionalAuth()
  @RateLimit('intake')
  @UseInterceptors(FilesInterceptor('files', MAX_FILES_PER_UPLOAD))
  @ApiOperation({
    summary:
      "Submit a ticket: anonymously from the web form (name and email required), or signed in (a customer's ticket joins their account). As JSON, or as multipart/form-data with the same fields (metadata as JSON text) and attached `files`",
  })
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiBody({ type: CreateTicketDto })
  @ApiCreatedResponse({ description: 'Stored; id and number returned at once, with the attachments' })
  @ApiBadRequestResponse({ description: 'A field is missing or invalid; the body names it' })
  @ApiPayloadTooLargeResponse({ description: 'Body larger than MAX_BODY_BYTES, or a file larger than ATTACHMENT_MAX_BYTES' })
  @ApiUnsupportedMediaTypeResponse({ description: 'A file type not in ATTACHMENT_TYPES (nothing stored)' })
  @ApiUnprocessableEntityResponse({ description: 'An empty file (nothing stored)' })
  async create(@Body() body: unknown, @UploadedFiles() files: UploadedFile[] | undefined, @CurrentPrincipal() principal: Principal | undefined) {
    // Validated here, not by the global pipe: which fields are required depends on who is calling.
    const pipe = principal?.role === 'customer' ? intake.customer : intake.other;
    const dto: CreateTicketDto = await pipe.transform(formFields(body), { type: 'body', metatype: CreateTicketDto });
    const { ticket, attachments } = await this.intake.submit(dto, principal, files ?? []);
    return { id: ticket.id, number: ticket.number, status: ticket.status, createdAt: ticket.createdAt, attachments: attachments.map(attachmentView), links: { self: `/api/tickets/${ticket.id}` } };
  }

  @Get()
  @Auth()
  @ApiOperation({ summary: "List and filter the tickets the caller may see (customers: their own, agents: their team's queue and theirs, managers: their department, admins: all)" })
  @ApiOkResponse({
    description:
      '{ items, total, page, pageSize, nextCursor }; customers get their view of each ticket. nextCursor (null on the last page) is the `after` of the next page: unlike `page`, it stays fast at any depth and skips or repeats nothing while tickets arrive',
  })
  @ApiBadRequestResponse({ description: 'A bad filter, a staff-only filter from a customer, or an `after` that is not a cursor of this sort' })
  list(@Query() query: ListTicketsQuery, @CurrentPrincipal() principal: Principal) {
    return this.tickets.list(query, principal);
  }

  @Get(':id')
  @Auth()
  @ApiOperation({ summary: 'A ticket. Staff: with every stage result, the latest suggested response and the timeline. Customers: their view of it' })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  get(@Param('id', Id()) id: string, @CurrentPrincipal() principal: Principal) {
    return this.tickets.get(id, principal);
  }

  @Get(':id/sensitive')
  @Auth('manager', 'admin')
  @ApiOperation({
    summary:
      'The ticket and its messages as written, with the card numbers, CVVs, passwords and keys every other view masks. Managers (their department) and admins only; each reveal is written to the audit log',
  })
  @ApiOkResponse({ description: '{ ticketId, subject, description, resolution, messages, revealed }; `revealed` names the fields that held masked data' })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  @ApiForbiddenResponse({ description: 'Customers and agents never see masked data' })
  revealSensitive(@Param('id', Id()) id: string, @CurrentPrincipal() principal: Principal) {
    return this.reveals.reveal(id, principal);
  }

  @Patch(':id')
  @Auth('agent', 'manager', 'admin')
  @ApiOperation({ summary: 'Change status, priority, team or assignee, carrying the version read' })
  @ApiOkResponse({ description: 'The ticket, with its new version' })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  @ApiConflictResponse({ description: 'Stale version (currentVersion given), or a status move that is not allowed (allowed given); nothing changed' })
  @ApiForbiddenResponse({ description: 'An agent moving a ticket between teams or assigning someone else' })
  @ApiUnprocessableEntityResponse({ description: 'teamId or assigneeId names no team or active staff account' })
  update(@Param('id', Id()) id: string, @Body() dto: UpdateTicketDto, @CurrentPrincipal() principal: Principal) {
    return this.workflow.update(id, dto, principal).then(maskedTicket);
  }

  @Post(':id/response')
  @Auth('agent', 'manager', 'admin')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Ask for a fresh smart response (runs through the rag-response queue)' })
  @ApiAcceptedResponse({ description: 'Queued; poll `location` for the result' })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  @ApiConflictResponse({ description: 'The ticket is resolved or closed' })
  requestResponse(@Param('id', Id()) id: string, @CurrentPrincipal() principal: Principal) {
    return this.tickets.requestResponse(id, principal);
  }

  @Get(':id/responses/:revision')
  @Auth('agent', 'manager', 'admin')
  @ApiOperation({ summary: 'One suggested response by revision; 202 while it is still being written' })
  @ApiNotFoundResponse({ description: 'No such ticket or revision' })
  async response(@Param('id', Id()) id: string, @Param('revision', new ParseIntColumnPipe()) revision: number, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) res: Response) {
    const response = await this.tickets.response(id, revision, principal);
    if (!response) {
      res.status(HttpStatus.ACCEPTED);
      return { ticketId: id, revision, status: 'pending' };
    }
    return { ticketId: id, revision, status: 'ready', response };
  }

  @Put(':id/resolve')
  @Auth('agent', 'manager', 'admin')
  @ApiOperation({ summary: 'Resolve a ticket with a resolution text; the signed-in account is recorded as resolvedBy' })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  @ApiConflictResponse({ description: 'Already resolved or closed (allowed moves given), or a stale version' })
  resolve(@Param('id', Id()) id: string, @Body() dto: ResolveTicketDto, @CurrentPrincipal() principal: Principal) {
    return this.workflow.resolve(id, dto, principal).then(maskedTicket);
  }

  @Post(':id/rating')
  @Auth('customer')
  @ApiOperation({ summary: 'Rate a resolved or closed ticket of yours, once (customer satisfaction, 1-5)' })
  @ApiCreatedResponse({ description: 'The rating' })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  @ApiConflictResponse({ description: 'The ticket is not resolved or closed yet, or has been rated already' })
  rate(@Param('id', Id()) id: string, @Body() dto: RateTicketDto, @CurrentPrincipal() principal: Principal) {
    return this.ratings.rate(principal, id, dto);
  }
}

/** A multipart form's fields are text: its metadata is JSON text (left as is when it is not JSON, for validation to name). */
function formFields(body: unknown): unknown {
  const fields = body as Record<string, unknown> | undefined;
  if (typeof fields?.metadata !== 'string') return body;
  try {
    return { ...fields, metadata: JSON.parse(fields.metadata) };
  } catch {
    return body;
  }
}
