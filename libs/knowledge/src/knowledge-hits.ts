import type { CustomerSource, ResponseSource } from '@smartdesk/contracts';
import type { ArticleHit } from './knowledge-retriever.service';
import type { SolvedTicketHit } from './solved-tickets/solved-ticket-retriever.service';

/** One source a reply may draw on: a kb article or a solved ticket, with its retrieval score. */
export type KnowledgeHit = ({ kind: 'article' } & ArticleHit) | ({ kind: 'ticket' } & SolvedTicketHit);

/**
 * Articles and solved tickets in one list, best first. Each list keeps its own order; a solved ticket
 * goes before an article only when it is more similar to the question.
 */
export function mergeHits(articles: ArticleHit[], tickets: SolvedTicketHit[]): KnowledgeHit[] {
  const merged: KnowledgeHit[] = [];
  let a = 0;
  let t = 0;
  while (a < articles.length || t < tickets.length) {
    const ticketFirst = t < tickets.length && (a >= articles.length || tickets[t].score > articles[a].score);
    merged.push(ticketFirst ? { kind: 'ticket', ...tickets[t++] } : { kind: 'article', ...articles[a++] });
  }
  return merged;
}

export function responseSource(hit: KnowledgeHit): ResponseSource {
  const score = Math.round(hit.score * 1000) / 1000;
  if (hit.kind === 'ticket') return { kind: 'ticket', ticketId: hit.ticket.id, number: hit.ticket.number, title: hit.ticket.subject, score };
  return { kind: 'article', articleId: hit.article.id, title: hit.article.title, path: hit.article.path, score };
}

/** A source as a customer is shown it: an article as for staff, a solved ticket by its generalized subject alone. */
export function customerSource(hit: KnowledgeHit): CustomerSource {
  const source = responseSource(hit);
  return source.kind === 'ticket' ? { kind: 'solution', title: source.title, score: source.score } : source;
}

/** What a source says, for a model to answer from: an article's text, or how a ticket was solved. */
export function sourceText(hit: KnowledgeHit): { title: string; text: string } {
  if (hit.kind === 'ticket') return { title: `Solved ticket #${hit.ticket.number}: ${hit.ticket.subject}`, text: `Resolution: ${hit.ticket.resolution}` };
  return { title: hit.article.title, text: hit.article.body };
}
