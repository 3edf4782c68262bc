import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { StringOutputParser } from '@langchain/core/output_parsers';
import { ChatPromptTemplate } from '@langchain/core/prompts';
import { invokeWithin } from './bounded-invoke';
import { checkCitations } from './citations';
import { languageName } from './language-names';
import { DATA_RULE, dataBlock, ticketBlock } from './prompt-data';

export interface GroundedAnswerRequest {
  /** ISO 639-1 code of the customer's language. */
  language: string;
  ticket: { subject: string; description: string };
  /** Numbered from 1 in this order; the answer cites them as [n]. */
  sources: { title: string; text: string }[];
}

export type GroundedAnswer =
  | { kind: 'answer'; text: string; cited: number[]; dropped: number[] }
  /** The model said the sources do not cover the ticket. */
  | { kind: 'no-answer' }
  /** The answer cited no source that exists: it cannot be shown as grounded. */
  | { kind: 'uncited'; dropped: number[] };

/** What the model answers when the sources do not cover the question. */
export const NO_ANSWER = 'NO_ANSWER';
/** Longest text of one source put in the prompt. */
const MAX_SOURCE_CHARS = 6000;

const PROMPT = ChatPromptTemplate.fromMessages([
  [
    'system',
    [
      'You are a customer-support assistant. Write the body of a reply to the customer ticket, using only the numbered sources below.',
      'Rules:',
      '1. Use only facts stated in the sources. Do not add facts, prices, dates, links or promises that are not in them.',
      '2. Cite the source of each statement as [n], where n is the id of the source it comes from.',
      '3. Write in {languageName}, whatever language the ticket or the sources are in.',
      '4. Do not write a greeting or a sign-off: they are added for you.',
      `5. If the sources do not answer the ticket, reply with exactly ${NO_ANSWER} and nothing else.`,
      `6. ${DATA_RULE}`,
      '',
      'Sources:',
      '{sources}',
    ].join('\n'),
  ],
  ['human', '{ticket}'],
]);

/**
 * An answer written only from the retrieved sources, in the customer's language, with its citations
 * checked against the sources it was given. Throws when the model fails or exceeds `timeoutMs`.
 */
export async function writeGroundedAnswer(model: BaseChatModel, request: GroundedAnswerRequest, timeoutMs: number): Promise<GroundedAnswer> {
  const chain = PROMPT.pipe(model).pipe(new StringOutputParser());
  const raw = await invokeWithin(
    chain,
    {
      languageName: languageName(request.language),
      sources: request.sources.map((source, i) => dataBlock('source', `${source.title}\n\n${source.text.slice(0, MAX_SOURCE_CHARS)}`, ` id="${i + 1}"`)).join('\n'),
      ticket: ticketBlock(request.ticket),
    },
    timeoutMs,
  );
  const text = raw.trim();
  if (text.replace(/\W+$/, '') === NO_ANSWER || text.length === 0) return { kind: 'no-answer' };
  const checked = checkCitations(text, request.sources.length);
  if (checked.cited.length === 0) return { kind: 'uncited', dropped: checked.dropped };
  return { kind: 'answer', text: checked.text, cited: checked.cited, dropped: checked.dropped };
}
