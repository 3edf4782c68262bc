import { OUT_OF_SCOPE, type Taxonomy } from '@smartdesk/nlp';
import type { CategoryView } from './dto/category.view';

/** 'returns_refunds' → 'Returns refunds': a readable name for a category the taxonomy does not name. */
export const humanizedId = (id: string) => id.charAt(0).toUpperCase() + id.slice(1).replace(/_/g, ' ');

/** The taxonomy's categories and the catch-all, each named in `language` where the taxonomy has that name. */
export function categoryNames(taxonomy: Taxonomy, language: string): CategoryView[] {
  const named: CategoryView[] = taxonomy.categories.map((category) => {
    const localized = category.names[language];
    return {
      id: category.id,
      name: localized ?? (category.name === category.id ? humanizedId(category.id) : category.name),
      language: localized ? language : 'en',
      description: category.description,
      severity: category.severity,
      outOfScope: false,
    };
  });
  return [...named, { id: OUT_OF_SCOPE, name: humanizedId(OUT_OF_SCOPE), language: 'en', description: 'Tickets no category of the taxonomy fits', severity: null, outOfScope: true }];
}
