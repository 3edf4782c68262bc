import { Button, Group, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../api/use-api-error';
import { staffApi } from '../shared/staff-api';

/** Finds a ticket by the words of its subject or description and links it to this one. */
export function LinkTicketPicker({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation('ticket');
  const queryClient = useQueryClient();
  const showError = useShowError();
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 300);
  const [relatedId, setRelatedId] = useState<string | null>(null);
  const found = useQuery({
    queryKey: ['tickets', 'link-search', query],
    queryFn: () => staffApi.tickets({ q: query, pageSize: 10 }),
    enabled: query.length >= 2,
  });
  const link = useMutation({
    mutationFn: (id: string) => staffApi.link(ticketId, id),
    onSuccess: () => {
      setRelatedId(null);
      setSearch('');
      void queryClient.invalidateQueries({ queryKey: ['ticket', ticketId] });
    },
    onError: showError,
  });
  const options = (found.data?.items ?? []).filter((ticket) => ticket.id !== ticketId).map((ticket) => ({ value: ticket.id, label: `#${ticket.number} ${ticket.subject}` }));
  return (
    <Group align="flex-end" gap="xs" wrap="nowrap">
      <Select
        size="xs"
        style={{ flex: 1 }}
        searchable
        label={t('related.linkSearch')}
        placeholder={t('related.linkPlaceholder')}
        nothingFoundMessage={query.length >= 2 && !found.isFetching ? t('related.linkNone') : undefined}
        data={options}
        value={relatedId}
        onChange={setRelatedId}
        searchValue={search}
        onSearchChange={setSearch}
        filter={({ options: all }) => all}
      />
      <Button size="xs" variant="default" disabled={!relatedId} loading={link.isPending} onClick={() => relatedId && link.mutate(relatedId)}>
        {t('related.link')}
      </Button>
    </Group>
  );
}
