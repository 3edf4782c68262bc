import type { Environment } from '@smartdesk/config';
import { type ChatModel, judgeCategory } from '@smartdesk/llm';
import { Categorizer, loadTaxonomy } from '@smartdesk/nlp';
import { join } from 'node:path';
import { CategoryJudge } from './category-judge.service';

jest.mock('@smartdesk/llm', () => ({ ...jest.requireActual('@smartdesk/llm'), judgeCategory: jest.fn() }));

describe('CategoryJudge', () => {
  const taxonomy = loadTaxonomy(join(__dirname, '../../../config/taxonomy.yml'));
  const categorizer = new Categorizer(taxonomy, 0.35);
  const env = { LLM_TIMEOUT_MS: 1000, CATEGORY_MIN_CONFIDENCE: 0.35 } as Environment;
  const judge = new CategoryJudge({} as ChatModel, taxonomy, env);
  const input = { subject: 'Charged twice', description: 'I was charged twice for order 5512, please refund the duplicate payment.' };

  it('keeps the English lines and records the LLM reason and what the model had said, without the model matched words', async () => {
    const prediction = { ...categorizer.categorize(input), needsReview: true };
    jest.mocked(judgeCategory).mockResolvedValue({ kind: 'verdict', verdict: { category: 'returns_refunds', confidence: 0.8, reason: 'asks for a refund' } });
    const result = await judge.review(input, prediction, categorizer);
    expect(result).toMatchObject({ category: 'returns_refunds', source: 'llm', needsReview: false });
    expect(result.explanation).toEqual(['LLM: asks for a refund', `model v0 said ${prediction.category} (${Math.round(prediction.confidence * 100)}%)`]);
    expect(result.judged).toEqual({ reason: 'asks for a refund', modelVersion: 0, category: prediction.category, confidence: prediction.confidence });
    expect(result.matchedTerms).toBeUndefined();
    expect(result.priority.reasonCodes?.[0]).toEqual({ code: 'category-severity', params: { severity: expect.any(String) } });
  });

  it('leaves a prediction that needs no review as it is', async () => {
    const prediction = { ...categorizer.categorize(input), needsReview: false };
    expect(await judge.review(input, prediction, categorizer)).toBe(prediction);
  });
});
