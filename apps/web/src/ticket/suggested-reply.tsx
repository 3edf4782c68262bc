import { Alert, Anchor, Badge, Button, Card, Group, List, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ResponseSource, SuggestedResponse } from '../api/api-types';
import { useShowError } from '../api/use-api-error';
import { ArticleMarkdown } from '../shared/article-markdown';
import { ArticleModal } from '../shared/article-modal';
import { staffApi } from '../shared/staff-api';
import { AiOutputLabel } from './ai-output-label';

interface SuggestedReplyProps {
  ticketId: string;
  suggestion: SuggestedResponse | null;
  /** The ticket asks for a newer revision than the latest suggestion: one is being written. */
  generating: boolean;
  canRegenerate: boolean;
  onUse: (suggestion: SuggestedResponse) => void;
}

function SourceLink({ source, onOpenArticle }: { source: ResponseSource; onOpenArticle: (id: string) => void }) {
  if (source.kind === 'ticket')
    return (
      <Anchor component={Link} to={`/tickets/${String(source.ticketId)}`}>
        #{String(source.number)} {source.title}
      </Anchor>
    );
  return (
    <Anchor component="button" type="button" onClick={() => onOpenArticle(String(source.articleId))}>
      {source.title ?? String(source.articleId)}
    </Anchor>
  );
}

/**
 * The machine-written reply, marked as such, with the sources it cites. "Use" copies it into the composer:
 * sent unchanged it counts as accepted, changed as edited (the gateway compares). Rejecting records why.
 */
export function SuggestedReply({ ticketId, suggestion, generating, canRegenerate, onUse }: SuggestedReplyProps) {
  const { t } = useTranslation('ticket');
  const queryClient = useQueryClient();
  const showError = useShowError();
  const [openArticle, setOpenArticle] = useState<string>();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const regenerate = useMutation({
    mutationFn: () => staffApi.regenerate(ticketId),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['ticket', ticketId] }),
    onError: showError,
  });
  const reject = useMutation({
    mutationFn: () => staffApi.feedback(ticketId, suggestion!.revision, 'rejected', reason.trim() || undefined),
    onSuccess: () => setRejecting(false),
    onError: showError,
  });

  return (
    <Card withBorder component="section" aria-labelledby="suggestion-title" bg="grape.0">
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <Title order={2} size="h4" id="suggestion-title">
            {t('suggestion.title')}
          </Title>
          <Badge color="grape.8" variant="filled">
            {t('common:machineWritten')}
          </Badge>
        </Group>
        {suggestion && <AiOutputLabel confidence={suggestion.confidence} source={suggestion.source} />}
      </Group>
      {generating && (
        <Text size="sm" role="status">
          {t('suggestion.generating')}
        </Text>
      )}
      {!suggestion && !generating && <Text size="sm">{t('suggestion.none')}</Text>}
      {suggestion && (
        <Stack gap="xs">
          {suggestion.needsHuman && <Alert color="orange">{t('suggestion.needsHuman')}</Alert>}
          <ArticleMarkdown body={suggestion.body} />
          {suggestion.sources.length > 0 && (
            <div>
              <Text size="sm" fw={600}>
                {t('suggestion.sources')}
              </Text>
              <List size="sm" type="ordered">
                {suggestion.sources.map((source, index) => (
                  <List.Item key={`${source.kind}-${index}`}>
                    <SourceLink source={source} onOpenArticle={setOpenArticle} />
                  </List.Item>
                ))}
              </List>
            </div>
          )}
          {rejecting && (
            <Group align="flex-end">
              <Textarea label={t('suggestion.rejectReason')} maxLength={2000} value={reason} onChange={(event) => setReason(event.currentTarget.value)} style={{ flex: 1 }} autosize minRows={1} />
              <Button color="red" variant="light" loading={reject.isPending} onClick={() => reject.mutate()}>
                {t('suggestion.confirmReject')}
              </Button>
            </Group>
          )}
          {reject.isSuccess && (
            <Text size="sm" role="status">
              {t('suggestion.rejected')}
            </Text>
          )}
        </Stack>
      )}
      <Group mt="sm" gap="xs">
        {suggestion && (
          <Button size="xs" onClick={() => onUse(suggestion)}>
            {t('suggestion.use')}
          </Button>
        )}
        {suggestion && !reject.isSuccess && (
          <Button size="xs" variant="default" onClick={() => setRejecting(!rejecting)}>
            {t('suggestion.reject')}
          </Button>
        )}
        {canRegenerate && (
          <Button size="xs" variant="default" loading={regenerate.isPending} disabled={generating} onClick={() => regenerate.mutate()}>
            {t('suggestion.regenerate')}
          </Button>
        )}
      </Group>
      <ArticleModal articleId={openArticle} onClose={() => setOpenArticle(undefined)} />
    </Card>
  );
}
