import { Controller, MessageEvent, Sse } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { concat, filter, interval, map, merge, Observable, of } from 'rxjs';
import { Auth, CurrentPrincipal } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { LiveFeed } from './live-feed.service';
import { canSee, viewFor } from './live-visibility';

/** Proxies close idle connections: a keepalive event every 25 s keeps the stream open. */
const KEEPALIVE_MS = 25_000;

@ApiTags('events')
@Controller('api/events')
export class EventsController {
  constructor(private readonly feed: LiveFeed) {}

  @Sse()
  @Auth()
  @ApiOperation({
    summary:
      "Live ticket changes as server-sent events, for the tickets the caller may see (customers: public changes to their own). Each event's `event` is what happened (received, triaged, escalated, assigned, status-changed, agent-replied, sla-at-risk ...); its data names the ticket, status and version. Starts with a `ready` event",
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'text/event-stream' })
  stream(@CurrentPrincipal() principal: Principal): Observable<MessageEvent> {
    const changes = this.feed.events.pipe(
      filter((event) => canSee(principal, event)),
      map((event): MessageEvent => ({ type: event.type, data: viewFor(principal, event) })),
    );
    const keepalive = interval(KEEPALIVE_MS).pipe(map((): MessageEvent => ({ type: 'keepalive', data: {} })));
    return concat(of<MessageEvent>({ type: 'ready', data: { role: principal.role } }), merge(changes, keepalive));
  }
}
