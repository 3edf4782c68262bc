import { Chip, Group, NativeSelect, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { forwardRef, memo } from 'react';
import { useTranslation } from 'react-i18next';
import { PRIORITIES, SENTIMENTS, TICKET_STATUSES } from '../api/api-types';
import { useSession } from '../auth/session-context';
import { LANGUAGES } from '../i18n/languages';
import { staffQuery, teamsQuery } from '../shared/staff-api';
import { useCategories } from '../shared/use-categories';
import type { FilterName, Filters } from './inbox-filters';

interface InboxFilterBarProps {
  filters: Filters;
  onChange: (name: FilterName, value: string | null) => void;
}

/**
 * Every list filter the API offers; the search box is what "/" focuses. Memoised: its eleven selects are the
 * costliest part of the inbox to render, and the list's own updates (rows arriving, the cursor moving) leave them as they are.
 */
export const InboxFilterBar = memo(
  forwardRef<HTMLInputElement, InboxFilterBarProps>(function InboxFilterBar({ filters, onChange }, searchRef) {
    const { t } = useTranslation('inbox');
    const { account, hasRole } = useSession();
    const categories = useCategories();
    const teams = useQuery(teamsQuery);
    const staff = useQuery({ ...staffQuery, enabled: hasRole('manager', 'admin') });
    // Native selects: the phone's own picker, and a fraction of the code and rendering of Mantine's comboboxes (with
    // their popovers), which were most of the inbox's first load and render. "Any" clears a filter; a select with
    // the API's default (the sort and its order) shows that default instead, and choosing it clears the parameter.
    const select = (name: FilterName, data: { value: string; label: string }[], apiDefault?: string) => (
      <NativeSelect
        key={name}
        label={t(`filters.${name}`)}
        data={apiDefault ? data : [{ value: '', label: t('filters.any') }, ...data]}
        value={filters[name] ?? apiDefault ?? ''}
        onChange={(event) => onChange(name, event.currentTarget.value === (apiDefault ?? '') ? null : event.currentTarget.value)}
        w={150}
        size="xs"
      />
    );
    const assignees = [
      ...(account ? [{ value: account.userId, label: t('filters.me') }] : []),
      ...(staff.data?.items ?? []).filter((user) => user.role !== 'customer' && user.id !== account?.userId).map((user) => ({ value: user.id, label: user.name })),
    ];
    return (
      <Group gap="xs" align="flex-end" role="search" aria-label={t('filters.label')}>
        <TextInput
          ref={searchRef}
          label={t('filters.q')}
          placeholder={t('filters.qPlaceholder')}
          size="xs"
          w={220}
          defaultValue={filters.q ?? ''}
          onKeyDown={(event) => event.key === 'Enter' && onChange('q', event.currentTarget.value.trim() || null)}
          onBlur={(event) => (event.currentTarget.value.trim() || null) !== (filters.q ?? null) && onChange('q', event.currentTarget.value.trim() || null)}
        />
        {select(
          'status',
          TICKET_STATUSES.map((status) => ({ value: status, label: t(`common:status.${status}`) })),
        )}
        {select(
          'priority',
          PRIORITIES.map((priority) => ({ value: priority, label: t(`common:priority.${priority}`) })),
        )}
        {select('category', categories.options)}
        {select(
          'sentiment',
          SENTIMENTS.map((sentiment) => ({ value: sentiment, label: t(`common:sentiment.${sentiment}`) })),
        )}
        {select('escalated', [
          { value: 'true', label: t('filters.yes') },
          { value: 'false', label: t('filters.no') },
        ])}
        {select(
          'language',
          LANGUAGES.map((language) => ({ value: language.code, label: language.name })),
        )}
        {select(
          'teamId',
          (teams.data ?? []).map((team) => ({ value: team.id, label: team.name })),
        )}
        {select('assigneeId', assignees)}
        {select(
          'sort',
          ['createdAt', 'updatedAt', 'number', 'priority'].map((sort) => ({ value: sort, label: t(`sort.${sort}`) })),
          'createdAt',
        )}
        {select(
          'order',
          [
            { value: 'desc', label: t('sort.desc') },
            { value: 'asc', label: t('sort.asc') },
          ],
          'desc',
        )}
        <Chip size="sm" color="red" checked={filters.slaAtRisk === 'true'} onChange={(checked) => onChange('slaAtRisk', checked ? 'true' : null)}>
          {t('filters.slaAtRisk')}
        </Chip>
      </Group>
    );
  }),
);
