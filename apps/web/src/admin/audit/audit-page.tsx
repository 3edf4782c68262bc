import { Badge, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, withQuery } from '../../api/api-client';
import type { Page } from '../../api/api-types';
import { useFormat } from '../../i18n/format';
import { ApiErrorAlert } from '../api-error-alert';
import { AUDITED_ENTITIES, type AuditEntry } from '../admin-api';
import { AuditChanges } from './audit-changes';
import { PageNavigation } from '../page-navigation';

const PAGE_SIZE = 25;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every change, newest first; filters by entity, one row of it, or who made it. */
export function AuditPage() {
  const { t } = useTranslation('admin');
  const format = useFormat();
  const [entity, setEntity] = useState<string | null>(null);
  const [entityId, setEntityId] = useState('');
  const [actorId, setActorId] = useState('');
  const [page, setPage] = useState(1);
  const [ids] = useDebouncedValue({ entityId: entityId.trim(), actorId: actorId.trim() }, 300);
  // The API takes ids as UUIDs: a half-typed one is not sent (it would only give 400 on every keystroke).
  const query = { entity, entityId: UUID.test(ids.entityId) ? ids.entityId : undefined, actorId: UUID.test(ids.actorId) ? ids.actorId : undefined, page, pageSize: PAGE_SIZE };
  const entries = useQuery({ queryKey: ['audit', query], queryFn: ({ signal }) => api<Page<AuditEntry>>(withQuery('/api/audit', query), { signal }), placeholderData: keepPreviousData });
  const invalidId = (value: string) => (value.trim() && !UUID.test(value.trim()) ? t('audit.notAnId') : undefined);
  const changed =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setPage(1);
    };

  return (
    <Stack>
      <Group align="flex-start" gap="sm" role="search" aria-label={t('audit.filters')}>
        <Select label={t('audit.entity')} w={200} clearable data={AUDITED_ENTITIES.map((value) => ({ value, label: t(`audit.entities.${value}`) }))} value={entity} onChange={changed(setEntity)} />
        <TextInput label={t('audit.entityId')} w={320} value={entityId} error={invalidId(entityId)} onChange={(event) => changed(setEntityId)(event.currentTarget.value)} />
        <TextInput label={t('audit.actorId')} w={320} value={actorId} error={invalidId(actorId)} onChange={(event) => changed(setActorId)(event.currentTarget.value)} />
      </Group>
      <ApiErrorAlert error={entries.error} />
      {entries.data && (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('audit.count', { count: entries.data.total })}
          </Text>
          <Table striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('audit.when')}</Table.Th>
                <Table.Th>{t('audit.actor')}</Table.Th>
                <Table.Th>{t('audit.action')}</Table.Th>
                <Table.Th>{t('audit.entity')}</Table.Th>
                <Table.Th>{t('audit.changes')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.data.items.map((entry) => (
                <Table.Tr key={entry.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(entry.occurredAt)}</Table.Td>
                  <Table.Td>{entry.actor}</Table.Td>
                  <Table.Td miw={110}>
                    <Badge color={entry.action === 'delete' ? 'red.9' : entry.action === 'insert' ? 'teal.9' : 'blue.9'}>{t(`audit.actions.${entry.action}`, { defaultValue: entry.action })}</Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{t(`audit.entities.${entry.entity}`, { defaultValue: entry.entity })}</Text>
                    <Text size="xs" c="dimmed">
                      {entry.entityId}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <AuditChanges before={entry.before} after={entry.after} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <PageNavigation total={entries.data.total} pageSize={PAGE_SIZE} page={page} onChange={setPage} />
        </>
      )}
    </Stack>
  );
}
