import { Typography } from '@mantine/core';
import Markdown from 'react-markdown';

/**
 * Markdown from the knowledge base or a suggested reply, rendered; react-markdown renders no raw HTML (it shows
 * it as text), so neither an article nor a machine-written reply can inject markup.
 */
export function ArticleMarkdown({ body }: { body: string }) {
  return (
    <Typography>
      <Markdown>{body}</Markdown>
    </Typography>
  );
}
