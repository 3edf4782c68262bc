import { Alert, Button, Group, Rating, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-client';
import { useShowError } from '../api/use-api-error';
import { portalApi } from './portal-api';

/** Customer satisfaction for a resolved ticket, once: the gateway answers 409 to a second rating. */
export function TicketRating({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation('portal');
  const showError = useShowError();
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const rate = useMutation({
    mutationFn: () => portalApi.rate(ticketId, score, comment.trim() || undefined),
    onError: (error) => !(error instanceof ApiError && error.status === 409) && showError(error),
  });
  const alreadyRated = rate.error instanceof ApiError && rate.error.status === 409;
  if (rate.isSuccess || alreadyRated)
    return (
      <Alert color="green" role="status">
        {rate.isSuccess ? t('rating.thanks') : t('rating.already')}
      </Alert>
    );
  return (
    <Stack gap="xs" component="section" aria-labelledby="rating-title">
      <Text fw={600} id="rating-title">
        {t('rating.title')}
      </Text>
      <Rating value={score} onChange={setScore} size="lg" aria-label={t('rating.score')} getSymbolLabel={(value) => t('rating.stars', { value })} />
      <Textarea label={t('rating.comment')} maxLength={2000} value={comment} onChange={(event) => setComment(event.currentTarget.value)} />
      <Group>
        <Button disabled={score === 0} loading={rate.isPending} onClick={() => rate.mutate()}>
          {t('rating.submit')}
        </Button>
      </Group>
    </Stack>
  );
}
