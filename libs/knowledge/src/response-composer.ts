import type { ResponseSuggestion } from '@smartdesk/contracts';
import { articleSteps, articleSummary } from './kb-article';
import type { ArticleHit } from './knowledge-retriever.service';
import { phrasesFor } from './reply-phrases';

export interface ReplyContext {
  customerName: string;
  subject: string;
  language: string;
}

/** Similarity at which retrieval evidence starts to count, and where it is as good as it gets. */
const FLOOR = 0.1;
const CEILING = 0.45;

/**
 * Confidence from the retrieval evidence alone: how similar the best article is, and how clearly it
 * beats the runner-up (two equally good articles mean the question is ambiguous).
 */
export function retrievalConfidence(hits: ArticleHit[]): number {
  if (hits.length === 0) return 0;
  const strength = clamp((hits[0].score - FLOOR) / (CEILING - FLOOR));
  const margin = hits.length > 1 ? clamp((hits[0].score - hits[1].score) / 0.08) : 1;
  return round(strength * (0.75 + 0.25 * margin));
}

/**
 * Offline reply built only from the best article: its steps, quoted verbatim, between a greeting and
 * a closing in the customer's language, with the article named as the source. Invents nothing.
 */
export function composeReply(context: ReplyContext, hits: ArticleHit[], minConfidence: number): ResponseSuggestion {
  const phrases = phrasesFor(context.language);
  const confidence = retrievalConfidence(hits);
  const needsHuman = confidence < minConfidence;
  const firstName = context.customerName.trim().split(/\s+/)[0] || context.customerName;
  const lines = [phrases.greeting(firstName), '', phrases.thanks(context.subject)];
  const best = hits[0]?.article;
  if (best && !needsHuman) {
    const steps = articleSteps(best.body);
    lines.push('', steps.length > 0 ? phrases.steps : articleSummary(best.body));
    steps.forEach((step, i) => lines.push(`${i + 1}. ${step}`));
    lines.push('', `${phrases.source}: ${best.title} [${best.path}]`);
  } else {
    lines.push('', phrases.handover);
  }
  lines.push('', phrases.closing);
  return {
    body: lines.join('\n'),
    language: context.language,
    confidence,
    source: 'rules',
    needsHuman,
    sources: hits.map((hit) => ({ articleId: hit.article.id, title: hit.article.title, path: hit.article.path, score: round(hit.score) })),
  };
}

const clamp = (value: number) => Math.max(0, Math.min(1, value));
const round = (value: number) => Math.round(value * 1000) / 1000;
