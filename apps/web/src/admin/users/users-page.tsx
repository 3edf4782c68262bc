import { Badge, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, withQuery } from '../../api/api-client';
import { ApiErrorAlert } from '../api-error-alert';
import { ROLES, useTeams, type AdminUser, type UserPage } from '../admin-api';
import { UserFormModal } from './user-form-modal';
import { PageNavigation } from '../page-navigation';
import { useNotify } from '../use-notify';

const PAGE_SIZE = 20;

export function UsersPage() {
  const { t } = useTranslation('admin');
  const notify = useNotify();
  const queryClient = useQueryClient();
  const teams = useTeams();
  const [role, setRole] = useState<string | null>(null);
  const [teamId, setTeamId] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<AdminUser | 'new' | undefined>();
  const query = { role, teamId, page, pageSize: PAGE_SIZE };
  const users = useQuery({ queryKey: ['users', query], queryFn: ({ signal }) => api<UserPage>(withQuery('/api/users', query), { signal }), placeholderData: keepPreviousData });
  const teamName = (id: string | null) => teams.data?.find((team) => team.id === id)?.name ?? '—';
  const done = (message: string) => {
    notify.done(message);
    void queryClient.invalidateQueries({ queryKey: ['users'] });
  };
  const setActive = useMutation({
    mutationFn: (user: AdminUser) => api<AdminUser>(`/api/users/${user.id}`, { method: 'PATCH', body: { active: !user.active } }),
    onSuccess: (user) => done(t(user.active ? 'users.reactivated' : 'users.deactivated', { name: user.name })),
    onError: notify.failed,
  });
  const setAway = useMutation({
    mutationFn: (user: AdminUser) => api<{ away: boolean; released: string[] }>(`/api/users/${user.id}/availability`, { method: 'PUT', body: { away: !user.away } }),
    onSuccess: (result, user) => done(result.away ? t('users.nowAway', { name: user.name, count: result.released.length }) : t('users.nowBack', { name: user.name })),
    onError: notify.failed,
  });
  const filterChanged = (set: (value: string | null) => void) => (value: string | null) => {
    set(value);
    setPage(1);
  };

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Group gap="sm">
          <Select label={t('users.role')} w={160} clearable data={ROLES.map((value) => ({ value, label: t(`roles.${value}`, { ns: 'common' }) }))} value={role} onChange={filterChanged(setRole)} />
          <Select label={t('users.team')} w={200} clearable data={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))} value={teamId} onChange={filterChanged(setTeamId)} />
        </Group>
        <Button onClick={() => setEditing('new')}>{t('users.create')}</Button>
      </Group>
      <ApiErrorAlert error={users.error} />
      {users.data && (
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('users.name')}</Table.Th>
              <Table.Th>{t('users.role')}</Table.Th>
              <Table.Th>{t('users.team')}</Table.Th>
              <Table.Th>{t('users.routing')}</Table.Th>
              <Table.Th>{t('users.state')}</Table.Th>
              <Table.Th>{t('actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.data.items.map((user) => (
              <Table.Tr key={user.id}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {user.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {user.email}
                  </Text>
                </Table.Td>
                <Table.Td>{t(`roles.${user.role}`, { ns: 'common' })}</Table.Td>
                <Table.Td>{teamName(user.teamId)}</Table.Td>
                <Table.Td>
                  <Text size="xs">
                    {user.role === 'customer'
                      ? t('users.tierValue', { tier: user.tier })
                      : t('users.routingValue', { capacity: user.capacity, skills: user.skills.length ? user.skills.join(', ') : t('users.anySkill') })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {!user.active && <Badge color="gray.7">{t('users.inactive')}</Badge>}
                    {user.active && user.away && (
                      <Badge color="yellow.4" autoContrast>
                        {t('users.away')}
                      </Badge>
                    )}
                    {user.active && !user.away && <Badge color="teal.9">{t('users.active')}</Badge>}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button size="compact-sm" variant="default" onClick={() => setEditing(user)} aria-label={t('users.editUser', { name: user.name })}>
                      {t('edit')}
                    </Button>
                    {user.role !== 'customer' && user.active && (
                      <Button size="compact-sm" variant="default" onClick={() => setAway.mutate(user)} aria-label={t(user.away ? 'users.markBackUser' : 'users.markAwayUser', { name: user.name })}>
                        {t(user.away ? 'users.markBack' : 'users.markAway')}
                      </Button>
                    )}
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color={user.active ? 'red' : 'teal'}
                      onClick={() => setActive.mutate(user)}
                      aria-label={t(user.active ? 'users.deactivateUser' : 'users.reactivateUser', { name: user.name })}
                    >
                      {t(user.active ? 'users.deactivate' : 'users.reactivate')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {users.data && <PageNavigation total={users.data.total} pageSize={PAGE_SIZE} page={page} onChange={setPage} />}
      {editing && <UserFormModal user={editing === 'new' ? undefined : editing} onClose={() => setEditing(undefined)} />}
    </Stack>
  );
}
