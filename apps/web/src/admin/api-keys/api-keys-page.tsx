import { Badge, Button, Card, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import { useFormat } from '../../i18n/format';
import { ApiErrorAlert } from '../api-error-alert';
import type { ApiKey, CreatedApiKey, UserPage } from '../admin-api';
import { CreatedKeyModal } from './created-key-modal';
import { useNotify } from '../use-notify';

/** Keys for integrations: each acts as its account. Created (shown once), listed without the key, revoked. */
export function ApiKeysPage() {
  const { t } = useTranslation('admin');
  const notify = useNotify();
  const format = useFormat();
  const queryClient = useQueryClient();
  const keys = useQuery({ queryKey: ['api-keys'], queryFn: ({ signal }) => api<ApiKey[]>('/api/api-keys', { signal }) });
  // The largest page the API gives: integration accounts are few.
  const users = useQuery({ queryKey: ['users', { pageSize: 100 }], queryFn: ({ signal }) => api<UserPage>('/api/users?pageSize=100', { signal }) });
  const [name, setName] = useState('');
  const [userId, setUserId] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedApiKey>();
  const [confirming, setConfirming] = useState<string>();
  const ownerName = (id: string) => users.data?.items.find((user) => user.id === id)?.name ?? id;
  const create = useMutation({
    mutationFn: () => api<CreatedApiKey>('/api/api-keys', { method: 'POST', body: { name, userId } }),
    onSuccess: (key) => {
      setCreated(key);
      setName('');
      void queryClient.invalidateQueries({ queryKey: ['api-keys'] });
    },
  });
  const revoke = useMutation({
    mutationFn: (key: ApiKey) => api<ApiKey>(`/api/api-keys/${key.id}`, { method: 'DELETE' }),
    onSuccess: (key) => {
      notify.done(t('apiKeys.revoked', { name: key.name }));
      setConfirming(undefined);
      void queryClient.invalidateQueries({ queryKey: ['api-keys'] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };

  return (
    <Stack>
      <Card withBorder component="section" aria-labelledby="api-keys-create">
        <Title order={2} size="h4" id="api-keys-create" mb="xs">
          {t('apiKeys.createTitle')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('apiKeys.help')}
        </Text>
        <Group component="form" onSubmit={submit} align="flex-end" gap="sm">
          <TextInput label={t('apiKeys.name')} required maxLength={100} w={280} value={name} onChange={(event) => setName(event.currentTarget.value)} />
          <Select
            label={t('apiKeys.owner')}
            required
            searchable
            w={280}
            data={(users.data?.items ?? []).filter((user) => user.active).map((user) => ({ value: user.id, label: `${user.name} (${t(`roles.${user.role}`, { ns: 'common' })})` }))}
            value={userId}
            onChange={setUserId}
          />
          <Button type="submit" disabled={!name.trim() || !userId} loading={create.isPending}>
            {t('apiKeys.create')}
          </Button>
        </Group>
      </Card>
      <ApiErrorAlert error={create.error ?? revoke.error ?? keys.error} />
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('apiKeys.name')}</Table.Th>
            <Table.Th>{t('apiKeys.owner')}</Table.Th>
            <Table.Th>{t('apiKeys.prefix')}</Table.Th>
            <Table.Th>{t('apiKeys.createdAt')}</Table.Th>
            <Table.Th>{t('apiKeys.lastUsed')}</Table.Th>
            <Table.Th>{t('actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(keys.data ?? []).map((key) => (
            <Table.Tr key={key.id}>
              <Table.Td>{key.name}</Table.Td>
              <Table.Td>{ownerName(key.userId)}</Table.Td>
              <Table.Td>
                <code>{key.prefix}…</code>
              </Table.Td>
              <Table.Td>{format.dateTime(key.createdAt)}</Table.Td>
              <Table.Td>{key.lastUsedAt ? format.dateTime(key.lastUsedAt) : t('apiKeys.never')}</Table.Td>
              <Table.Td>
                {key.revokedAt ? (
                  <Badge color="gray.7">{t('apiKeys.revokedOn', { when: format.dateTime(key.revokedAt) })}</Badge>
                ) : confirming === key.id ? (
                  <Group gap={4} wrap="nowrap">
                    <Button size="compact-sm" color="red" loading={revoke.isPending} onClick={() => revoke.mutate(key)}>
                      {t('apiKeys.confirmRevoke')}
                    </Button>
                    <Button size="compact-sm" variant="default" onClick={() => setConfirming(undefined)}>
                      {t('cancel')}
                    </Button>
                  </Group>
                ) : (
                  <Button size="compact-sm" variant="subtle" color="red" onClick={() => setConfirming(key.id)} aria-label={t('apiKeys.revokeKey', { name: key.name })}>
                    {t('apiKeys.revoke')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {created && <CreatedKeyModal created={created} onClose={() => setCreated(undefined)} />}
    </Stack>
  );
}
