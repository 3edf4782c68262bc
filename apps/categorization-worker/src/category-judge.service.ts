import { Inject, Injectable, Logger } from '@nestjs/common';
import { Environment } from '@smartdesk/config';
import type { CategorizationResult } from '@smartdesk/contracts';
import { CHAT_MODEL, ChatModel, judgeCategory } from '@smartdesk/llm';
import { CategorizeInput, Categorizer, OUT_OF_SCOPE, TAXONOMY, Taxonomy } from '@smartdesk/nlp';

/**
 * With an LLM configured, a second opinion on the predictions the model is unsure of (below
 * CATEGORY_MIN_CONFIDENCE, or nothing fits). The LLM must answer with one of the taxonomy's categories
 * within LLM_TIMEOUT_MS; otherwise the model's prediction stands, so a slow or failing LLM never holds triage.
 */
@Injectable()
export class CategoryJudge {
  private readonly logger = new Logger(CategoryJudge.name);

  constructor(
    @Inject(CHAT_MODEL) private readonly model: ChatModel,
    @Inject(TAXONOMY) private readonly taxonomy: Taxonomy,
    private readonly env: Environment,
  ) {}

  async review(input: CategorizeInput, prediction: CategorizationResult, categorizer: Categorizer): Promise<CategorizationResult> {
    if (!this.model || !prediction.needsReview) return prediction;
    try {
      const judgement = await judgeCategory(
        this.model,
        { ticket: { subject: input.subject, description: input.description }, categories: this.taxonomy.categories, outOfScope: OUT_OF_SCOPE },
        this.env.LLM_TIMEOUT_MS,
      );
      if (judgement.kind === 'rejected') {
        this.logger.warn(`LLM category outside the taxonomy rejected (${judgement.answer}): the model's prediction stands`);
        return prediction;
      }
      const { category, confidence, reason } = judgement.verdict;
      // The model's matched words explained its own choice, not the LLM's.
      const { matchedTerms: _modelTerms, ...modelPrediction } = prediction;
      return {
        ...modelPrediction,
        category,
        confidence,
        source: 'llm',
        needsReview: category === OUT_OF_SCOPE || confidence < this.env.CATEGORY_MIN_CONFIDENCE,
        explanation: [`LLM: ${reason}`, `model v${prediction.modelVersion} said ${prediction.category} (${Math.round(prediction.confidence * 100)}%)`],
        judged: { reason, modelVersion: prediction.modelVersion, category: prediction.category, confidence: prediction.confidence },
        alternatives: [{ category: prediction.category, confidence: prediction.confidence }, ...prediction.alternatives].filter((alternative) => alternative.category !== category).slice(0, 2),
        priority: categorizer.priorityFor(input, category),
      };
    } catch (error) {
      this.logger.warn(`LLM category judge failed (${(error as Error).message}): the model's prediction stands`);
      return prediction;
    }
  }
}
