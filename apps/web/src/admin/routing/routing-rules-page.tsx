import { Button, Card, Group, Select, Stack, Table, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import { ApiErrorAlert } from '../api-error-alert';
import { useCategories } from '../../shared/use-categories';
import { useRoutingRules, useTeams } from '../admin-api';
import { useNotify } from '../use-notify';

/** Which team each category of triaged tickets goes to; a new rule routes that category's waiting tickets at once. */
export function RoutingRulesPage() {
  const { t } = useTranslation('admin');
  const notify = useNotify();
  const queryClient = useQueryClient();
  const rules = useRoutingRules();
  const teams = useTeams();
  const categories = useCategories();
  const [category, setCategory] = useState('');
  const [teamId, setTeamId] = useState<string | null>(null);
  const teamOptions = (teams.data ?? []).map((team) => ({ value: team.id, label: team.name }));
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['routing-rules'] });
  const put = useMutation({
    mutationFn: (rule: { category: string; teamId: string }) => api<{ routed: number }>(`/api/routing/rules/${encodeURIComponent(rule.category)}`, { method: 'PUT', body: { teamId: rule.teamId } }),
    onSuccess: ({ routed }, rule) => {
      notify.done(t('routing.saved', { category: categories.nameOf(rule.category), count: routed }));
      refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (name: string) => api(`/api/routing/rules/${encodeURIComponent(name)}`, { method: 'DELETE' }),
    onSuccess: (_, name) => {
      notify.done(t('routing.removed', { category: categories.nameOf(name) }));
      refresh();
    },
  });
  const add = (event: FormEvent) => {
    event.preventDefault();
    if (teamId) put.mutate({ category: category.trim(), teamId }, { onSuccess: () => setCategory('') });
  };

  return (
    <Stack>
      <Card withBorder component="section" aria-labelledby="routing-add">
        <Title order={2} size="h4" id="routing-add" mb="xs">
          {t('routing.addTitle')}
        </Title>
        <Group component="form" onSubmit={add} align="flex-end" gap="sm">
          <Select
            label={t('routing.category')}
            required
            searchable
            data={categories.options.filter((option) => !rules.data?.some((rule) => rule.category === option.value))}
            value={category || null}
            onChange={(picked) => setCategory(picked ?? '')}
          />
          <Select label={t('routing.team')} required data={teamOptions} value={teamId} onChange={setTeamId} />
          <Button type="submit" disabled={!category.trim() || !teamId} loading={put.isPending}>
            {t('routing.add')}
          </Button>
        </Group>
      </Card>
      <ApiErrorAlert error={put.error ?? remove.error ?? rules.error} />
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('routing.category')}</Table.Th>
            <Table.Th>{t('routing.team')}</Table.Th>
            <Table.Th>{t('actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(rules.data ?? []).map((rule) => (
            <Table.Tr key={rule.category}>
              <Table.Td>{categories.nameOf(rule.category)}</Table.Td>
              <Table.Td>
                <Select
                  aria-label={t('routing.teamFor', { category: categories.nameOf(rule.category) })}
                  w={240}
                  allowDeselect={false}
                  data={teamOptions}
                  value={rule.teamId}
                  onChange={(next) => next && next !== rule.teamId && put.mutate({ category: rule.category, teamId: next })}
                />
              </Table.Td>
              <Table.Td>
                <Button size="compact-sm" variant="subtle" color="red" onClick={() => remove.mutate(rule.category)} aria-label={t('routing.removeFor', { category: categories.nameOf(rule.category) })}>
                  {t('routing.remove')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
