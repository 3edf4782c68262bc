import { Badge, Button, Group, SegmentedControl, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useSession } from '../auth/session-context';
import { useFormat } from '../i18n/format';
import { StatusBadge } from '../shared/status-badge';
import { PriorityBadge, SentimentBadge } from '../shared/triage-badges';
import { useCategories } from '../shared/use-categories';
import { InboxFilterBar } from './inbox-filter-bar';
import { SAVED_VIEWS, savedViewFilters, useInboxFilters, type SavedView } from './inbox-filters';
import { inboxTicketsQuery } from './inbox-query';

/** The agent's queue: filters, search, sort and pages from the API; live through the event stream (AppLayout). */
export function InboxPage() {
  const { t } = useTranslation('inbox');
  const { account } = useSession();
  const format = useFormat();
  const { nameOf } = useCategories();
  const navigate = useNavigate();
  const { filters, set, replace } = useInboxFilters();
  const searchRef = useRef<HTMLInputElement>(null);
  const [cursor, setCursor] = useState(0);
  const tickets = useQuery({ ...inboxTicketsQuery(filters), placeholderData: keepPreviousData });
  const items = tickets.data?.items ?? [];
  // Pages go by cursor (fast at any depth): a page's `after` is known only from the page before it, so the way
  // back is kept here, for the current filters (a reloaded or shared deep page goes back to the first).
  const listKey = JSON.stringify({ ...filters, after: undefined });
  const [trail, setTrail] = useState({ listKey, earlier: [] as string[] });
  const earlier = trail.listKey === listKey ? trail.earlier : [];
  const nextPage = (nextCursor: string) => {
    setTrail({ listKey, earlier: [...earlier, filters.after ?? ''] });
    set('after', nextCursor);
  };
  const previousPage = () => {
    setTrail({ listKey, earlier: earlier.slice(0, -1) });
    set('after', earlier.at(-1) || null);
  };
  useEffect(() => setCursor((current) => Math.min(current, Math.max(items.length - 1, 0))), [items.length]);

  useHotkeys([
    ['j', () => setCursor((current) => Math.min(current + 1, items.length - 1))],
    ['k', () => setCursor((current) => Math.max(current - 1, 0))],
    ['Enter', () => items[cursor] && navigate(`/tickets/${items[cursor].id}`)],
    ['/', () => searchRef.current?.focus()],
  ]);

  const activeView = SAVED_VIEWS.find((view) => account && JSON.stringify(savedViewFilters(view, account)) === JSON.stringify(filters)) ?? '';
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={1}>{t('title')}</Title>
        <Text size="sm" c="dark.4" aria-live="polite">
          {tickets.data ? t('count', { total: format.number(tickets.data.total) }) : ''}
        </Text>
      </Group>
      <Group gap="sm">
        <SegmentedControl
          aria-label={t('views.label')}
          value={activeView}
          onChange={(view) => account && replace(savedViewFilters(view as SavedView, account))}
          data={SAVED_VIEWS.map((view) => ({ value: view, label: t(`views.${view}`) }))}
        />
        <Text size="xs" c="dark.4">
          {t('shortcuts')}
        </Text>
      </Group>
      <InboxFilterBar ref={searchRef} filters={filters} onChange={set} />
      <Table highlightOnHover verticalSpacing="xs" aria-label={t('table.label')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('table.number')}</Table.Th>
            <Table.Th>{t('table.subject')}</Table.Th>
            <Table.Th>{t('table.status')}</Table.Th>
            <Table.Th>{t('table.priority')}</Table.Th>
            <Table.Th>{t('table.category')}</Table.Th>
            <Table.Th>{t('table.sentiment')}</Table.Th>
            <Table.Th>{t('table.updated')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((ticket, index) => (
            <Table.Tr key={ticket.id} bg={index === cursor ? 'indigo.0' : undefined} aria-selected={index === cursor} onClick={() => setCursor(index)}>
              <Table.Td>#{ticket.number}</Table.Td>
              <Table.Td>
                <Link to={`/tickets/${ticket.id}`} style={{ color: 'inherit', fontWeight: 600 }}>
                  {ticket.subject}
                </Link>
                <Text size="xs" c="dark.4">
                  {ticket.customerName}
                  {ticket.language ? ` · ${ticket.language}` : ''}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  <StatusBadge status={ticket.status} />
                  {ticket.escalated && (
                    <Badge color="red.8" variant="filled">
                      {t('table.escalated')}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                <PriorityBadge priority={ticket.priority} />
              </Table.Td>
              <Table.Td>{ticket.category ? nameOf(ticket.category) : <VisuallyHidden>{t('table.pending')}</VisuallyHidden>}</Table.Td>
              <Table.Td>
                <SentimentBadge sentiment={ticket.sentimentLabel} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{format.relative(ticket.updatedAt)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {tickets.data && items.length === 0 && <Text>{t('empty')}</Text>}
      {(filters.after || tickets.data?.nextCursor) && (
        <Group gap="xs" role="navigation" aria-label={t('common:pagination')}>
          <Button variant="default" size="xs" disabled={!filters.after} onClick={previousPage}>
            {t('common:previousPage')}
          </Button>
          <Button variant="default" size="xs" disabled={!tickets.data?.nextCursor} onClick={() => tickets.data?.nextCursor && nextPage(tickets.data.nextCursor)}>
            {t('common:nextPage')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
