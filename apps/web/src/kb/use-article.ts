import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { api } from '../api/api-client';
import { articlePath, type KbArticleDetail } from './kb-api';

export const articleKey = (id: string) => ['kb', 'article', id];

/** The article named by the rest of the screen's path (`/kb/article/shipping/track-your-order`). */
export function useArticle() {
  const id = useParams()['*'] ?? '';
  const article = useQuery({ queryKey: articleKey(id), queryFn: ({ signal }) => api<KbArticleDetail>(articlePath(id), { signal }), enabled: !!id });
  return { id, article };
}
