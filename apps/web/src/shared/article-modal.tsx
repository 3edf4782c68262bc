import { lazy, Suspense } from 'react';
import type { ArticleModalProps } from './article-dialog';
import { useHasOpened } from './use-has-opened';

/** Mantine's modal (focus trap, scroll area, transitions) loads with the first article opened, not with the screen. */
const ArticleDialog = lazy(() => import('./article-dialog').then((module) => ({ default: module.ArticleDialog })));

/** A knowledge-base article over the current screen, so what was typed there stays where it was. */
export function ArticleModal(props: ArticleModalProps) {
  const hasOpened = useHasOpened(props.articleId !== undefined);
  return hasOpened ? (
    <Suspense fallback={null}>
      <ArticleDialog {...props} />
    </Suspense>
  ) : null;
}
