import { Controller, MessageEvent, Req, Sse } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { concat, exhaustMap, filter, interval, map, merge, Observable, of, take, takeUntil } from 'rxjs';
import { Auth, CurrentPrincipal } from '../auth/auth.decorators';
import { Authenticator } from '../auth/authenticator.service';
import type { AuthenticatedRequest, Principal } from '../auth/principal';
import { LiveFeed } from './live-feed.service';
import { canSee, viewFor } from './live-visibility';

/** Proxies close idle connections: a keepalive event every 25 s keeps the stream open. */
const KEEPALIVE_MS = 25_000;
/**
 * How often an open stream re-checks its credentials. Read from Postgres, so a sign-out, password or role change
 * or deactivation on any gateway replica ends the stream within this time, as does the token's expiry.
 */
const SESSION_CHECK_MS = 3_000;

@ApiTags('events')
@Controller('api/events')
export class EventsController {
  constructor(
    private readonly feed: LiveFeed,
    private readonly authenticator: Authenticator,
  ) {}

  @Sse()
  @Auth()
  @ApiOperation({
    summary:
      "Live ticket changes as server-sent events, for the tickets the caller may see (customers: public changes to their own). Each event's `event` is what happened (received, triaged, escalated, assigned, status-changed, agent-replied, sla-at-risk ...); its data names the ticket, status and version. Starts with a `ready` event; ends with `session-ended` when the credentials stop being valid. A browser's EventSource authenticates with the sd_session cookie",
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'text/event-stream' })
  stream(@CurrentPrincipal() principal: Principal, @Req() request: AuthenticatedRequest): Observable<MessageEvent> {
    const changes = this.feed.events.pipe(
      filter((event) => canSee(principal, event)),
      map((event): MessageEvent => ({ type: event.type, data: viewFor(principal, event) })),
    );
    const keepalive = interval(KEEPALIVE_MS).pipe(map((): MessageEvent => ({ type: 'keepalive', data: {} })));
    const ended = interval(SESSION_CHECK_MS).pipe(
      // A check that fails (Postgres unreachable) keeps the stream: only credentials found invalid end it.
      exhaustMap(() => this.authenticator.stillValid(request, principal).catch(() => true)),
      filter((valid) => !valid),
      take(1),
    );
    return concat(
      of<MessageEvent>({ type: 'ready', data: { role: principal.role } }),
      merge(changes, keepalive).pipe(takeUntil(ended)),
      of<MessageEvent>({ type: 'session-ended', data: { reason: 'the credentials of this stream are no longer valid: sign in again' } }),
    );
  }
}
