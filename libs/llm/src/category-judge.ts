import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { ChatPromptTemplate } from '@langchain/core/prompts';
import { invokeWithin } from './bounded-invoke';
import { DATA_RULE, ticketBlock } from './prompt-data';

export interface JudgeCategory {
  id: string;
  name: string;
  description: string;
}

export interface CategoryJudgeRequest {
  ticket: { subject: string; description: string };
  categories: JudgeCategory[];
  /** The label for "nothing fits". */
  outOfScope: string;
}

export interface CategoryVerdict {
  category: string;
  /** The model's own 0-1 estimate. */
  confidence: number;
  reason: string;
}

export type CategoryJudgement = { kind: 'verdict'; verdict: CategoryVerdict } | { kind: 'rejected'; answer: string };

const PROMPT = ChatPromptTemplate.fromMessages([
  [
    'system',
    [
      'You sort customer-support tickets into categories. Pick exactly one category id from this list, or "{outOfScope}" when none fits:',
      '{categories}',
      'Give your confidence from 0 to 1 and a one-sentence reason.',
      DATA_RULE,
    ].join('\n'),
  ],
  ['human', '{ticket}'],
]);

/**
 * Asks the model for one of the taxonomy's categories through structured output (a JSON schema whose
 * category is an enum). An answer outside the taxonomy is rejected, whatever the server let through.
 * Throws when the model fails or exceeds `timeoutMs`.
 */
export async function judgeCategory(model: BaseChatModel, request: CategoryJudgeRequest, timeoutMs: number): Promise<CategoryJudgement> {
  const allowed = [...request.categories.map((category) => category.id), request.outOfScope];
  const schema = {
    title: 'category_verdict',
    description: 'The category of a support ticket',
    type: 'object',
    properties: {
      category: { type: 'string', enum: allowed },
      confidence: { type: 'number', minimum: 0, maximum: 1 },
      reason: { type: 'string' },
    },
    required: ['category', 'confidence', 'reason'],
    additionalProperties: false,
  };
  const chain = PROMPT.pipe(model.withStructuredOutput<Record<string, unknown>>(schema, { name: 'category_verdict', method: 'jsonSchema' }));
  const answer = await invokeWithin(
    chain,
    {
      outOfScope: request.outOfScope,
      categories: request.categories.map((category) => `- ${category.id}: ${category.name}. ${category.description}`).join('\n'),
      ticket: ticketBlock(request.ticket),
    },
    timeoutMs,
  );
  const category = typeof answer.category === 'string' ? answer.category : '';
  if (!allowed.includes(category)) return { kind: 'rejected', answer: JSON.stringify(answer).slice(0, 200) };
  const confidence = typeof answer.confidence === 'number' && Number.isFinite(answer.confidence) ? Math.max(0, Math.min(1, answer.confidence)) : 0.5;
  return { kind: 'verdict', verdict: { category, confidence, reason: typeof answer.reason === 'string' ? answer.reason.slice(0, 300) : '' } };
}
