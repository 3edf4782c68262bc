import { Anchor, Badge, Group, List, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import { ArticleMarkdown } from '../shared/article-markdown';
import type { AssistantMessage, Citation } from './assistant-api';

interface AssistantMessageViewProps {
  message: Pick<AssistantMessage, 'role' | 'body' | 'confidence' | 'source' | 'citations' | 'machineWritten'>;
  onOpenArticle: (articleId: string) => void;
}

/** One turn of the chat; a machine answer says so, how sure it is, what produced it, and which articles it quotes. */
export function AssistantMessageView({ message, onOpenArticle }: AssistantMessageViewProps) {
  const { t } = useTranslation('assistant');
  const format = useFormat();
  const fromCustomer = message.role === 'customer';
  const articles = message.citations.filter((citation): citation is Extract<Citation, { kind: 'article' }> => citation.kind === 'article');
  const solutions = message.citations.filter((citation) => citation.kind === 'solution');
  return (
    <Paper
      component="article"
      aria-label={fromCustomer ? t('message.you') : t('message.assistant')}
      withBorder
      p="sm"
      bg={fromCustomer ? 'indigo.0' : 'gray.0'}
      ml={fromCustomer ? 'xl' : 0}
      mr={fromCustomer ? 0 : 'xl'}
    >
      {!fromCustomer && (
        <Group gap={4} mb={4}>
          {message.machineWritten && (
            <Badge size="sm" color="grape" variant="light">
              {t('common:machineWritten')}
            </Badge>
          )}
          {message.confidence !== null && (
            <Badge size="sm" variant="outline" color="gray" c="dark.6">
              {t('message.confidence', { value: format.percent(message.confidence) })}
            </Badge>
          )}
          {message.source && (
            <Badge size="sm" variant="outline" color="gray" c="dark.6">
              {t('message.source', { source: t(`common:source.${message.source}`) })}
            </Badge>
          )}
        </Group>
      )}
      {/* The customer's words as typed; a machine answer quotes kb markdown, rendered without raw HTML. */}
      {fromCustomer ? (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {message.body}
        </Text>
      ) : (
        <ArticleMarkdown body={message.body} />
      )}
      {articles.length + solutions.length > 0 && (
        <>
          <Text size="xs" fw={600} mt="xs">
            {t('message.sources')}
          </Text>
          <List size="sm" listStyleType="none" aria-label={t('message.sources')}>
            {articles.map((citation) => (
              <List.Item key={citation.articleId}>
                <Anchor component="button" type="button" size="sm" ta="left" onClick={() => onOpenArticle(citation.articleId)}>
                  {citation.title}
                </Anchor>
              </List.Item>
            ))}
            {/* A solved request has no page a customer may open: its generalized subject only. */}
            {solutions.map((citation, i) => (
              <List.Item key={`solution-${i}`}>{citation.title}</List.Item>
            ))}
          </List>
        </>
      )}
    </Paper>
  );
}
