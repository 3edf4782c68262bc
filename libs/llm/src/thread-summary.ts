import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { StringOutputParser } from '@langchain/core/output_parsers';
import { ChatPromptTemplate } from '@langchain/core/prompts';
import { maskSensitive } from '@smartdesk/privacy';
import { invokeWithin } from './bounded-invoke';
import { languageName } from './language-names';
import { DATA_RULE, dataBlock } from './prompt-data';

export type ThreadAuthor = 'customer' | 'agent' | 'internal note';

export interface ThreadSummaryRequest {
  /** ISO 639-1 code of the language the summary is written in (the reader's). */
  language: string;
  subject: string;
  /** Oldest first; all of one ticket. */
  messages: { author: ThreadAuthor; text: string }[];
}

/** Longest text of one message put in the prompt, and most messages: the first (the problem) and the latest. */
const MAX_MESSAGE_CHARS = 3000;
const MAX_MESSAGES = 40;

const PROMPT = ChatPromptTemplate.fromMessages([
  [
    'system',
    [
      'You summarize a customer-support conversation for a colleague who takes the ticket over (an escalation or a handover).',
      'Write at most five short sentences in {languageName}: the customer’s problem, what was tried, asked or promised, and what is still open.',
      'Use only what the messages say; do not add facts, and do not write a greeting.',
      DATA_RULE,
    ].join('\n'),
  ],
  ['human', '{thread}'],
]);

/** Which messages of a long thread go into the prompt: the first one and the latest. */
export function messagesInPrompt<T>(messages: T[]): T[] {
  return messages.length <= MAX_MESSAGES ? messages : [messages[0], ...messages.slice(messages.length - MAX_MESSAGES + 1)];
}

/** A short summary of one ticket's thread, card data and credentials masked. Throws when the model fails, answers nothing or exceeds `timeoutMs`. */
export async function summarizeThread(model: BaseChatModel, request: ThreadSummaryRequest, timeoutMs: number): Promise<string> {
  const chain = PROMPT.pipe(model).pipe(new StringOutputParser());
  const thread = [
    dataBlock('ticket', maskSensitive(`Subject: ${request.subject}`)),
    ...messagesInPrompt(request.messages).map((message, i) => dataBlock('ticket', maskSensitive(message.text.slice(0, MAX_MESSAGE_CHARS)), ` n="${i + 1}" author="${message.author}"`)),
  ].join('\n');
  const raw = await invokeWithin('summary', chain, { languageName: languageName(request.language), thread }, timeoutMs);
  const summary = raw.trim();
  if (!summary) throw new Error('the model answered with an empty summary');
  return summary;
}
