import type { KbArticleEntity } from '@smartdesk/database';
import { mergeHits, sourceText } from './knowledge-hits';
import type { ArticleHit } from './knowledge-retriever.service';
import type { SolvedTicketHit } from './solved-tickets/solved-ticket-retriever.service';

const article = (id: string, score: number, fusedScore = score): ArticleHit => ({ article: { id, title: id, path: `kb/${id}.md`, body: `${id} body` } as KbArticleEntity, score, fusedScore });
const ticket = (number: number, score: number): SolvedTicketHit => ({
  ticket: { id: `t${number}`, number, subject: `subject ${number}`, resolution: `fixed ${number}`, category: null, language: 'en' },
  score,
});
const ids = (hits: ReturnType<typeof mergeHits>) => hits.map((hit) => (hit.kind === 'article' ? hit.article.id : `#${hit.ticket.number}`));

describe('mergeHits', () => {
  it('keeps the articles in their fused order, even when a later one is more similar', () => {
    expect(ids(mergeHits([article('a', 0.3, 0.9), article('b', 0.4, 0.5)], []))).toEqual(['a', 'b']);
  });

  it('puts a solved ticket before an article only when it is more similar', () => {
    expect(ids(mergeHits([article('a', 0.3), article('b', 0.2)], [ticket(1, 0.35), ticket(2, 0.25)]))).toEqual(['#1', 'a', '#2', 'b']);
    expect(ids(mergeHits([article('a', 0.3)], [ticket(1, 0.3)]))).toEqual(['a', '#1']);
  });

  it('lists tickets alone when no article matched', () => {
    expect(ids(mergeHits([], [ticket(1, 0.5), ticket(2, 0.4)]))).toEqual(['#1', '#2']);
  });
});

describe('sourceText', () => {
  it('gives a model the resolution of a ticket, never the other customer’s own words', () => {
    const [hit] = mergeHits([], [ticket(9, 0.5)]);
    expect(sourceText(hit)).toEqual({ title: 'Solved ticket #9: subject 9', text: 'Resolution: fixed 9' });
  });
});
