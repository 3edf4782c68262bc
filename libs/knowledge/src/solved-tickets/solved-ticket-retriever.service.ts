import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { isSolved, TicketEntity } from '@smartdesk/database';
import { ChromaService } from '@smartdesk/vector-store';
import { CATEGORY_BOOST, LANGUAGE_BOOST } from '../knowledge-retriever.service';
import { evidenceScore } from '../retrieval/hybrid-retriever.service';
import { generalizedSolvedTicket, SOLVED_TICKETS_PURPOSE, SolvedTicket } from './solved-ticket';

export interface SolvedTicketHit {
  ticket: SolvedTicket;
  /** Similarity to the query on the same scale as ArticleHit.score (same rescaling and boosts). */
  score: number;
}

export interface SolvedTicketQuery {
  text: string;
  /** The text's embedding, when the caller already has it. */
  embedding?: number[];
  language?: string | null;
  category?: string | null;
  /** The ticket being answered, if any: never its own source. */
  excludeTicketId?: string;
  limit?: number;
}

/** Below this similarity a solved ticket is not worth listing (the floor where retrieval evidence starts to count). */
const MIN_SCORE = 0.1;
/** Candidates fetched per hit asked for, before boosts reorder them. */
const CANDIDATES_PER_HIT = 4;

/**
 * Finds resolved tickets similar to a text. Dense search only: the collection changes with every
 * resolution, and the embedders already carry lexical features (hashed words and n-grams).
 */
@Injectable()
export class SolvedTicketRetriever {
  constructor(
    private readonly chroma: ChromaService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async search(query: SolvedTicketQuery): Promise<SolvedTicketHit[]> {
    const limit = query.limit ?? 2;
    const embedding = query.embedding ?? (await this.chroma.embeddings.embed([query.text]))[0];
    // The ticket itself is dropped here, not by a filter: unfiltered queries of concurrent jobs share one request.
    const nearest = await this.chroma.queryByVector(SOLVED_TICKETS_PURPOSE, embedding, limit * CANDIDATES_PER_HIT + 1);
    const candidates = nearest.filter((hit) => hit.metadata.ticketId !== query.excludeTicketId);
    const unrelated = this.chroma.embeddings.unrelatedSimilarity ?? 0;
    const scored = candidates
      .map((hit) => {
        let score = evidenceScore(hit.score, unrelated);
        if (query.language && hit.metadata.language === query.language) score += LANGUAGE_BOOST;
        if (query.category && hit.metadata.category === query.category) score += CATEGORY_BOOST;
        return { ticketId: String(hit.metadata.ticketId), score: Math.min(1, score) };
      })
      .filter((hit) => hit.score >= MIN_SCORE)
      .sort((a, b) => b.score - a.score);
    if (scored.length === 0) return [];
    // The row decides: an entry whose ticket was reopened a moment ago is not used while its removal is queued.
    // It leaves here generalized: the customer who asked is never quoted to the one being answered.
    const rows = await this.dataSource.getRepository(TicketEntity).findBy({ id: In(scored.map((hit) => hit.ticketId)) });
    const solved = new Map(rows.filter(isSolved).map((row) => [row.id, generalizedSolvedTicket(row)]));
    return scored
      .filter((hit) => solved.has(hit.ticketId))
      .slice(0, limit)
      .map((hit) => ({ ticket: solved.get(hit.ticketId)!, score: hit.score }));
  }
}
