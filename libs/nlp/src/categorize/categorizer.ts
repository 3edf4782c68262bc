import type { CategorizationResult } from '@smartdesk/contracts';
import { scorePriority } from '../priority/priority-scorer';
import { FewShotClassifier } from './few-shot-classifier';
import { OUT_OF_SCOPE, Taxonomy } from './taxonomy';

export interface CategorizeInput {
  subject: string;
  description: string;
  customerTier?: string;
}

/** Category and priority of a ticket, learned from the taxonomy's example phrases. */
export class Categorizer {
  private readonly classifier: FewShotClassifier;
  private readonly severity: Map<string, Taxonomy['categories'][number]['severity']>;

  constructor(
    taxonomy: Taxonomy,
    private readonly minConfidence: number,
  ) {
    const examples = taxonomy.categories.flatMap((category) => [
      ...category.examples.map((text) => ({ text, label: category.id })),
      { text: `${category.name}. ${category.description}`, label: category.id },
    ]);
    this.classifier = FewShotClassifier.train(examples, { outOfScopeLabel: OUT_OF_SCOPE });
    this.severity = new Map(taxonomy.categories.map((category) => [category.id, category.severity]));
  }

  categorize(input: CategorizeInput): CategorizationResult {
    const text = `${input.subject}\n${input.description}`;
    const prediction = this.classifier.predict(text);
    const outOfScope = prediction.label === OUT_OF_SCOPE;
    const explanation = outOfScope
      ? [`no category matched (best similarity ${prediction.similarity})`]
      : prediction.terms.map((term) => `matched "${term}"`);
    return {
      category: prediction.label,
      confidence: prediction.confidence,
      source: 'model',
      needsReview: outOfScope || prediction.confidence < this.minConfidence,
      explanation,
      alternatives: prediction.ranking.slice(outOfScope ? 0 : 1, 3).map(({ label, confidence }) => ({ category: label, confidence })),
      priority: scorePriority({ text, severity: this.severity.get(prediction.label) ?? null, customerTier: input.customerTier }),
    };
  }
}
