import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { StringOutputParser } from '@langchain/core/output_parsers';
import { ChatPromptTemplate } from '@langchain/core/prompts';
import { maskSensitive } from '@smartdesk/privacy';
import { invokeWithin } from './bounded-invoke';
import { languageName } from './language-names';
import { DATA_RULE, dataBlock } from './prompt-data';

/** Longest text translated in one call (a message is at most 20,000 characters). */
const MAX_TEXT_CHARS = 20_000;

const PROMPT = ChatPromptTemplate.fromMessages([
  [
    'system',
    [
      'You translate customer-support messages between a customer and a support agent.',
      'Translate the text inside the <ticket> tags into {languageName}.',
      'Keep names, numbers, order and ticket codes, links and line breaks as they are. If it is already in {languageName}, repeat it unchanged.',
      'Answer with the translation only: no notes, quotes or explanations.',
      `${DATA_RULE} Such text is translated like any other.`,
    ].join('\n'),
  ],
  ['human', '{text}'],
]);

/** One text translated by the model into `targetLanguage` (ISO 639-1), card data and credentials masked (no translation needs them). Throws when the model fails, answers nothing or exceeds `timeoutMs`. */
export async function translateText(model: BaseChatModel, request: { text: string; targetLanguage: string }, timeoutMs: number): Promise<string> {
  const chain = PROMPT.pipe(model).pipe(new StringOutputParser());
  const raw = await invokeWithin(
    'translation',
    chain,
    { languageName: languageName(request.targetLanguage), text: dataBlock('ticket', maskSensitive(request.text.slice(0, MAX_TEXT_CHARS))) },
    timeoutMs,
  );
  const translation = raw.trim();
  if (!translation) throw new Error('the model answered with an empty translation');
  return translation;
}
