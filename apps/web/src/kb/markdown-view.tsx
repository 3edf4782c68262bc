import { Typography } from '@mantine/core';
import Markdown from 'react-markdown';

/** Article markdown as the reader sees it; react-markdown renders no raw HTML, so article text cannot inject markup. */
export function MarkdownView({ markdown }: { markdown: string }) {
  return (
    <Typography>
      <Markdown>{markdown}</Markdown>
    </Typography>
  );
}
