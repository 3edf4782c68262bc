import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { LiveEvent } from '../api/api-types';

/**
 * Keeps lists and open tickets current: every change on the gateway's event stream marks the queries it
 * touches stale, and TanStack Query refetches the ones on screen. EventSource reconnects by itself.
 */
export function useLiveEvents(enabled: boolean): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled) return;
    const source = new EventSource('/api/events', { withCredentials: true });
    const onChange = (event: MessageEvent<string>) => {
      const change = parse(event.data);
      void queryClient.invalidateQueries({ queryKey: ['tickets'] });
      if (change?.ticketId) void queryClient.invalidateQueries({ queryKey: ['ticket', change.ticketId] });
    };
    // Named SSE events do not reach onmessage: listen for each type the stream sends.
    for (const type of LIVE_EVENT_TYPES) source.addEventListener(type, onChange);
    return () => source.close();
  }, [enabled, queryClient]);
}

/** The change types on the gateway's timeline (TicketLiveEvent.type); an unknown type is missed until the next refetch. */
const LIVE_EVENT_TYPES = [
  'received',
  'categorized',
  'sentiment-analyzed',
  'triaged',
  'escalated',
  'routed',
  'response-requested',
  'response-suggested',
  'assigned',
  'unassigned',
  'team-changed',
  'status-changed',
  'priority-changed',
  'category-corrected',
  'sentiment-corrected',
  'agent-replied',
  'customer-replied',
  'note-added',
  'suggestion-feedback',
  'resolved',
  'reopened',
  'closed',
  'rated',
  'sla-at-risk',
  'sla-breached',
];

function parse(data: string): LiveEvent | undefined {
  try {
    return JSON.parse(data) as LiveEvent;
  } catch {
    return undefined;
  }
}
