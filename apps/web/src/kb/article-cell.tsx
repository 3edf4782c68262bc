import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { articleScreen } from './kb-api';

/** An article in a table row: its title, opening the article, above its id. */
export function ArticleCell({ article }: { article: { id: string; title: string } }) {
  return (
    <Table.Td>
      <Anchor component={Link} to={articleScreen(article.id)}>
        {article.title}
      </Anchor>
      <Text size="xs" c="dimmed">
        {article.id}
      </Text>
    </Table.Td>
  );
}
