import type { ResponseSuggestion } from '@smartdesk/contracts';
import { maskSensitive, plainText } from '@smartdesk/privacy';
import { articleSteps, articleSummary } from './kb-article';
import { KnowledgeHit, responseSource } from './knowledge-hits';
import { phrasesFor } from './reply-phrases';

export interface ReplyContext {
  customerName: string;
  subject: string;
  language: string;
  /**
   * Share of the ticket's words retrieval could read (1 for English; for another language, the share its
   * English glosses cover): a text read in part can only be that similar to its answer.
   */
  readableShare?: number;
}

/** Similarity at which retrieval evidence starts to count, and where it is as good as it gets. */
const FLOOR = 0.1;
const CEILING = 0.45;
const MIN_READABLE = 0.5;

/**
 * Confidence from the retrieval evidence alone: how similar the best source is, and how clearly it
 * beats the runner-up (two equally good sources mean the question is ambiguous).
 */
export function retrievalConfidence(hits: { score: number }[], readableShare = 1): number {
  if (hits.length === 0) return 0;
  // As for categories (FewShotClassifier): a language is no reason to hand over, so the bar scales with what was read.
  const strength = clamp((hits[0].score - FLOOR) / ((CEILING - FLOOR) * Math.max(MIN_READABLE, Math.min(1, readableShare))));
  const margin = hits.length > 1 ? clamp((hits[0].score - hits[1].score) / 0.08) : 1;
  return round(strength * (0.75 + 0.25 * margin));
}

/**
 * Offline reply built only from the best source, between a greeting and a closing in the customer's
 * language: an article's steps quoted verbatim and a pointer to it, or a similar solved ticket's
 * resolution quoted with its number. Invents nothing.
 */
export function composeReply(context: ReplyContext, hits: KnowledgeHit[], minConfidence: number): ResponseSuggestion {
  const confidence = retrievalConfidence(hits, context.readableShare);
  if (hits.length === 0 || confidence < minConfidence) return handoverReply(context, hits, confidence);
  const phrases = phrasesFor(context.language);
  const [best] = hits;
  const middle: string[] = [];
  if (best.kind === 'ticket') {
    middle.push(phrases.solvedBefore(`#${best.ticket.number}`), ...best.ticket.resolution.split('\n').map((line) => `> ${line}`));
    const article = hits.find((hit) => hit.kind === 'article');
    if (article) middle.push('', `${phrases.source}: ${article.article.title} [${article.article.path}]`);
  } else {
    const steps = articleSteps(best.article.body);
    // Offline there is no translation: the article's own words, with a note in the customer's language that says so.
    if (best.article.language && best.article.language !== context.language) middle.push(phrases.otherLanguage(best.article.language), '');
    middle.push(steps.length > 0 ? phrases.steps : articleSummary(best.article.body));
    steps.forEach((step, i) => middle.push(`${i + 1}. ${step}`));
    middle.push('', `${phrases.source}: ${best.article.title} [${best.article.path}]`);
  }
  return suggestion(context, hits, { body: frameReply(context, middle), confidence, source: 'rules', needsHuman: false });
}

/** The reply that says a person will follow up: no answer is offered when the evidence is too weak. */
export function handoverReply(context: ReplyContext, hits: KnowledgeHit[], confidence: number): ResponseSuggestion {
  return suggestion(context, hits, { body: frameReply(context, [phrasesFor(context.language).handover]), confidence, source: 'rules', needsHuman: true });
}

/**
 * Greeting, thanks, the given lines and a closing, in the customer's language. The name and subject the customer
 * typed are quoted as plain text with card and credential data masked: a reply is never markup, and never repeats a secret.
 */
export function frameReply(context: ReplyContext, middle: string[]): string {
  const phrases = phrasesFor(context.language);
  const name = plainText(context.customerName).trim();
  const firstName = name.split(/\s+/)[0] || name;
  const subject = plainText(maskSensitive(context.subject));
  return [phrases.greeting(firstName), '', phrases.thanks(subject), '', ...middle, '', phrases.closing].join('\n');
}

/** A suggestion listing every retrieved source, best first (an LLM's [n] cites the n-th). */
export function suggestion(context: ReplyContext, hits: KnowledgeHit[], reply: Pick<ResponseSuggestion, 'body' | 'confidence' | 'source' | 'needsHuman'>): ResponseSuggestion {
  return { ...reply, language: context.language, sources: hits.map(responseSource) };
}

const clamp = (value: number) => Math.max(0, Math.min(1, value));
const round = (value: number) => Math.round(value * 1000) / 1000;
