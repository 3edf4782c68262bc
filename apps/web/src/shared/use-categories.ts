import { queryOptions, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, withQuery } from '../api/api-client';
import type { Category } from '../api/api-types';

/** The taxonomy's categories named in the given language: route loaders ask for them before the screen renders. */
export const categoriesQuery = (language: string) =>
  queryOptions({
    queryKey: ['categories', language],
    queryFn: ({ signal }) => api<Category[]>(withQuery('/api/categories', { language }), { signal }),
    staleTime: Infinity,
  });

/**
 * The taxonomy's categories named in the UI language (GET /api/categories), and `nameOf` for any category id a
 * ticket or report carries. The catch-all is named by the app's own strings (the taxonomy has no name for it);
 * an id the taxonomy no longer has is shown as it is.
 */
export function useCategories() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const query = useQuery(categoriesQuery(language));
  const categories = query.data ?? [];
  const nameOf = (id: string) => {
    const category = categories.find((candidate) => candidate.id === id);
    return category?.outOfScope ? t('category.other') : (category?.name ?? id);
  };
  return { categories, nameOf, options: categories.map((category) => ({ value: category.id, label: nameOf(category.id) })) };
}
