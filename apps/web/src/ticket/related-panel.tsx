import { Anchor, Badge, Button, Card, CloseButton, Group, List, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { StaffTicketDetail, TicketRef } from '../api/api-types';
import { useShowError } from '../api/use-api-error';
import { useSession } from '../auth/session-context';
import { staffApi } from '../shared/staff-api';
import { AiOutputLabel } from './ai-output-label';
import { LinkTicketPicker } from './link-ticket-picker';
import { MergeDialog } from './merge-dialog';

function TicketLink({ ticket }: { ticket: TicketRef }) {
  return (
    <Anchor component={Link} to={`/tickets/${ticket.id}`}>
      #{ticket.number} {ticket.subject}
    </Anchor>
  );
}

/** Merged into / from, linked tickets, and the rules' likely duplicates with a merge action. */
export function RelatedPanel({ ticket }: { ticket: StaffTicketDetail }) {
  const { t } = useTranslation('ticket');
  const queryClient = useQueryClient();
  const showError = useShowError();
  const { hasRole } = useSession();
  const [mergeTarget, setMergeTarget] = useState<TicketRef>();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['ticket'] });
    void queryClient.invalidateQueries({ queryKey: ['tickets'] });
  };
  const unlink = useMutation({ mutationFn: (relatedId: string) => staffApi.unlink(ticket.id, relatedId), onSuccess: refresh, onError: showError });
  const unmerge = useMutation({ mutationFn: () => staffApi.unmerge(ticket.id, ticket.version), onSuccess: refresh, onError: showError });
  const { mergedInto, mergedFrom, links, duplicateSuggestions } = ticket.relations;
  const open = !mergedInto && ticket.status !== 'closed';

  return (
    <Card withBorder component="section" aria-labelledby="related-title">
      <Title order={2} size="h4" id="related-title" mb="xs">
        {t('related.title')}
      </Title>
      <Stack gap="sm">
        {mergedInto && (
          <Group gap="xs">
            <Text size="sm">{t('related.mergedInto')}</Text>
            <TicketLink ticket={mergedInto} />
            {hasRole('admin') && (
              <Button size="xs" variant="default" loading={unmerge.isPending} onClick={() => unmerge.mutate()}>
                {t('related.unmerge')}
              </Button>
            )}
          </Group>
        )}
        {mergedFrom.length > 0 && (
          <div>
            <Text size="sm" fw={600}>
              {t('related.mergedFrom')}
            </Text>
            <List size="sm">
              {mergedFrom.map((from) => (
                <List.Item key={from.id}>
                  <TicketLink ticket={from} />
                </List.Item>
              ))}
            </List>
          </div>
        )}
        <div>
          <Text size="sm" fw={600}>
            {t('related.links')}
          </Text>
          {links.length === 0 && (
            <Text size="sm" c="dark.4">
              {t('related.noLinks')}
            </Text>
          )}
          <List size="sm">
            {links.map((linked) => (
              <List.Item key={linked.id}>
                <Group gap={4} wrap="nowrap">
                  <TicketLink ticket={linked} />
                  <CloseButton size="sm" aria-label={t('related.unlink', { number: linked.number })} onClick={() => unlink.mutate(linked.id)} />
                </Group>
              </List.Item>
            ))}
          </List>
        </div>
        <LinkTicketPicker ticketId={ticket.id} />
        {open && duplicateSuggestions.length > 0 && (
          <div>
            <Group gap="xs">
              <Text size="sm" fw={600}>
                {t('related.duplicates')}
              </Text>
              <Badge color="grape.8" variant="filled">
                {t('related.rulesSuggestion')}
              </Badge>
            </Group>
            <List size="sm" spacing="xs" listStyleType="none" aria-label={t('related.duplicates')}>
              {duplicateSuggestions.map((suggestion) => (
                <List.Item key={suggestion.ticket.id}>
                  <Group gap="xs" justify="space-between">
                    <TicketLink ticket={suggestion.ticket} />
                    <Group gap="xs">
                      <AiOutputLabel confidence={suggestion.confidence} source={suggestion.source} />
                      <Button size="xs" variant="light" onClick={() => setMergeTarget(suggestion.ticket)}>
                        {t('related.merge', { number: suggestion.ticket.number })}
                      </Button>
                    </Group>
                  </Group>
                </List.Item>
              ))}
            </List>
          </div>
        )}
      </Stack>
      <MergeDialog ticket={ticket} target={mergeTarget} onClose={() => setMergeTarget(undefined)} />
    </Card>
  );
}
