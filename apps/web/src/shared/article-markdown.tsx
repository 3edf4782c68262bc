import { Typography } from '@mantine/core';
import Markdown from 'react-markdown';

/** Article text as customers read it; react-markdown renders no raw HTML, so an article cannot inject markup. */
export function ArticleMarkdown({ body }: { body: string }) {
  return (
    <Typography>
      <Markdown>{body}</Markdown>
    </Typography>
  );
}
