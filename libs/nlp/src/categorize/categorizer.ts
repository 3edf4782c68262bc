import type { CategorizationResult, PriorityResult } from '@smartdesk/contracts';
import { scorePriority } from '../priority/priority-scorer';
import { FewShotClassifier, LabeledText, TextClassifier } from './few-shot-classifier';
import { OUT_OF_SCOPE, Taxonomy } from './taxonomy';

export interface CategorizeInput {
  subject: string;
  description: string;
  customerTier?: string;
}

/** The model a categorizer runs: version 0 is the taxonomy's few-shot model, later versions are trained. */
export interface CategoryModel {
  version: number;
  classifier: TextClassifier;
}

/** The taxonomy's phrases, names and descriptions: the day-one training data, and part of every retraining. */
export function taxonomyExamples(taxonomy: Taxonomy): LabeledText[] {
  return taxonomy.categories.flatMap((category) => [...category.examples.map((text) => ({ text, label: category.id })), { text: `${category.name}. ${category.description}`, label: category.id }]);
}

/** The few-shot model every installation starts with, before the team has taught it anything. */
export function taxonomyModel(taxonomy: Taxonomy): CategoryModel {
  return { version: 0, classifier: FewShotClassifier.train(taxonomyExamples(taxonomy), { outOfScopeLabel: OUT_OF_SCOPE }) };
}

/** Category and priority of a ticket. */
export class Categorizer {
  private readonly severity: Map<string, Taxonomy['categories'][number]['severity']>;

  constructor(
    taxonomy: Taxonomy,
    private readonly minConfidence: number,
    readonly model: CategoryModel = taxonomyModel(taxonomy),
  ) {
    this.severity = new Map(taxonomy.categories.map((category) => [category.id, category.severity]));
  }

  categorize(input: CategorizeInput): CategorizationResult {
    const text = `${input.subject}\n${input.description}`;
    const prediction = this.model.classifier.predict(text);
    const outOfScope = prediction.label === OUT_OF_SCOPE;
    const explanation = outOfScope ? [prediction.outOfScopeReason ?? 'labelled out of scope'] : prediction.terms.map((term) => `matched "${term}"`);
    return {
      category: prediction.label,
      confidence: prediction.confidence,
      source: 'model',
      modelVersion: this.model.version,
      needsReview: outOfScope || prediction.confidence < this.minConfidence,
      explanation,
      ...(outOfScope ? {} : { matchedTerms: prediction.terms }),
      alternatives: prediction.ranking
        .filter(({ label }) => label !== prediction.label)
        .slice(0, 2)
        .map(({ label, confidence }) => ({ category: label, confidence })),
      priority: this.priorityFor(input, prediction.label),
    };
  }

  /** The priority of a ticket in a category (its severity counts): also for a category another judge chose. */
  priorityFor(input: CategorizeInput, category: string): PriorityResult {
    return scorePriority({ text: `${input.subject}\n${input.description}`, severity: this.severity.get(category) ?? null, customerTier: input.customerTier });
  }
}
