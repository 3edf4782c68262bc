import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal, OptionalAuth } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { RateLimit } from '../rate-limits/rate-limit.decorator';
import { AssistantService, holderOf, Turn } from './assistant.service';
import { AssistantMessageDto, StartConversationDto } from './dto/assistant-message.dto';

export const CONVERSATION_TOKEN_HEADER = 'x-conversation-token';
const Id = () => new ParseUUIDPipe({ version: '4' });
/** Characters per streamed chunk of an offline answer (which is complete at once; the stream is the browser's contract). */
const CHUNK = 64;

const tokenHeader = ApiHeader({ name: CONVERSATION_TOKEN_HEADER, required: false, description: 'The token returned when an anonymous conversation was created' });

@ApiTags('assistant')
@Controller('api/assistant/conversations')
export class AssistantController {
  constructor(private readonly assistant: AssistantService) {}

  @Post()
  @OptionalAuth()
  @RateLimit('intake')
  @ApiOperation({ summary: "Start a conversation with the self-service assistant: a signed-in customer's is theirs; an anonymous one is returned with a token that alone opens it" })
  @ApiCreatedResponse({ description: 'The conversation, and `token` when anonymous (shown once)' })
  async start(@Body() dto: StartConversationDto, @CurrentPrincipal() principal: Principal | undefined) {
    const { conversation, token } = await this.assistant.start(principal, dto.language);
    return { ...conversation, token, messages: [] };
  }

  @Get(':id')
  @OptionalAuth()
  @RateLimit('intake')
  @tokenHeader
  @ApiOperation({ summary: 'A conversation and its messages, for its owner or token holder' })
  @ApiOkResponse({ description: 'Conversation with messages, oldest first; machine-written ones carry confidence, source and citations' })
  @ApiNotFoundResponse({ description: 'No such conversation, or not one the caller may see' })
  async read(@Param('id', Id()) id: string, @CurrentPrincipal() principal: Principal | undefined, @Headers(CONVERSATION_TOKEN_HEADER) token?: string) {
    const { conversation, messages } = await this.assistant.read(id, holderOf(principal, token));
    return { ...conversation, messages: messages.map(view) };
  }

  @Post(':id/messages')
  @HttpCode(HttpStatus.OK)
  @OptionalAuth()
  @RateLimit('intake')
  @tokenHeader
  @ApiProduces('application/json', 'text/event-stream')
  @ApiOperation({
    summary: "Send a message and get the assistant's reply: JSON, or with `Accept: text/event-stream` as server-sent events (`delta` chunks of the reply, then `done` with the whole turn)",
  })
  @ApiOkResponse({ description: 'The stored question and the reply, and the conversation status' })
  @ApiBadRequestResponse({ description: 'Text missing or too long, or a malformed contact' })
  @ApiNotFoundResponse({ description: 'No such conversation, or not one the caller may see' })
  async message(
    @Param('id', Id()) id: string,
    @Body() dto: AssistantMessageDto,
    @CurrentPrincipal() principal: Principal | undefined,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @Headers(CONVERSATION_TOKEN_HEADER) token?: string,
  ) {
    const holder = holderOf(principal, token);
    if (!request.accepts(['application/json', 'text/event-stream']) || request.accepts(['application/json', 'text/event-stream']) === 'application/json') {
      return turnView(await this.assistant.reply(id, holder, principal, dto));
    }
    // Refusals are status codes, decided before the stream opens.
    await this.assistant.access(id, holder);
    response.status(HttpStatus.OK).set({ 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', 'X-Accel-Buffering': 'no' });
    response.flushHeaders();
    const send = (event: string, data: unknown) => response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    try {
      const turn = turnView(await this.assistant.reply(id, holder, principal, dto));
      for (let at = 0; at < turn.answer.body.length; at += CHUNK) send('delta', { text: turn.answer.body.slice(at, at + CHUNK) });
      send('done', turn);
    } catch (error) {
      send('error', { message: (error as Error).message });
    }
    response.end();
  }
}

/** Every machine answer says it is one. */
const view = (message: Turn['answer']) => ({ ...message, machineWritten: message.role === 'assistant' });
const turnView = ({ conversation, question, answer }: Turn) => ({ conversation, question: view(question), answer: view(answer) });
