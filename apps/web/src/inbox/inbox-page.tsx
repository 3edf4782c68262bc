import { Button, Chip, Group, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useDeferredValue, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSession } from '../auth/session-context';
import { useFormat } from '../i18n/format';
import { InboxFilterBar } from './inbox-filter-bar';
import { SAVED_VIEWS, savedViewFilters, useInboxFilters, type SavedView } from './inbox-filters';
import { inboxTicketsQuery } from './inbox-query';
import { InboxTable } from './inbox-table';

/** The agent's queue: filters, search, sort and pages from the API; live through the event stream (AppLayout). */
export function InboxPage() {
  const { t } = useTranslation('inbox');
  const { account } = useSession();
  const format = useFormat();
  const navigate = useNavigate();
  const { filters, set, replace } = useInboxFilters();
  const searchRef = useRef<HTMLInputElement>(null);
  const [cursor, setCursor] = useState(0);
  const tickets = useQuery({ ...inboxTicketsQuery(filters), placeholderData: keepPreviousData });
  // A new page of rows renders in slices that yield to the browser (a deferred value renders as a transition), not in
  // the one blocking task an update from the query cache gets; until then the page shows the rows it had. On the first
  // render too (initial value null): the page's frame commits and paints first, the rows in a commit of their own.
  const list = useDeferredValue(tickets.data ?? null, null);
  const items = list?.items ?? [];
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
          {list ? t('count', { total: format.number(list.total) }) : ''}
        </Text>
      </Group>
      <Group gap="sm">
        {/* Chips, not a SegmentedControl: its sliding indicator measures the page (forced layouts) as the inbox first renders. */}
        <Chip.Group multiple={false} value={activeView} onChange={(view) => account && replace(savedViewFilters(view as SavedView, account))}>
          <Group gap={6} role="radiogroup" aria-label={t('views.label')}>
            {SAVED_VIEWS.map((view) => (
              <Chip key={view} value={view} size="sm">
                {t(`views.${view}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        <Text size="xs" c="dark.4">
          {t('shortcuts')}
        </Text>
      </Group>
      <InboxFilterBar ref={searchRef} filters={filters} onChange={set} />
      <InboxTable items={items} cursor={cursor} onSelect={setCursor} />
      {list && items.length === 0 && <Text>{t('empty')}</Text>}
      {(filters.after || list?.nextCursor) && (
        <Group gap="xs" role="navigation" aria-label={t('common:pagination')}>
          <Button variant="default" size="xs" disabled={!filters.after} onClick={previousPage}>
            {t('common:previousPage')}
          </Button>
          <Button variant="default" size="xs" disabled={!list?.nextCursor} onClick={() => list?.nextCursor && nextPage(list.nextCursor)}>
            {t('common:nextPage')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
