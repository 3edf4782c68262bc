import type { ModelTask } from '@smartdesk/contracts';
import { OUT_OF_SCOPE, SENTIMENT_LABELS, Taxonomy } from '@smartdesk/nlp';

/** The labels an agent or an import may give for a task: the taxonomy's categories or "nothing fits"; the three sentiments. */
export function taskLabels(task: ModelTask, taxonomy: Taxonomy): readonly string[] {
  return task === 'category' ? [...taxonomy.categories.map((category) => category.id), OUT_OF_SCOPE] : SENTIMENT_LABELS;
}

/** Where a task's endpoints live under /api. */
export const TASK_API: Record<ModelTask, string> = { category: 'categorization', sentiment: 'sentiment' };
