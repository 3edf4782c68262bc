import { Button, Group, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import type { Team } from '../../api/api-types';
import { ApiErrorAlert } from '../api-error-alert';
import { useNotify } from '../use-notify';

/** A new team, or a team's new name or department (one row of the form either way). */
export function TeamForm({ team, onDone }: { team?: Team; onDone?: () => void }) {
  const { t } = useTranslation('admin');
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [name, setName] = useState(team?.name ?? '');
  const [department, setDepartment] = useState(team?.department ?? '');
  const save = useMutation({
    mutationFn: () => (team ? api<Team>(`/api/teams/${team.id}`, { method: 'PATCH', body: { name, department } }) : api<Team>('/api/teams', { method: 'POST', body: { name, department } })),
    onSuccess: (saved) => {
      notify.done(t(team ? 'teams.updated' : 'teams.created', { name: saved.name }));
      void queryClient.invalidateQueries({ queryKey: ['teams'] });
      if (!team) {
        setName('');
        setDepartment('');
      }
      onDone?.();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} aria-label={team ? t('teams.editTeam', { name: team.name }) : t('teams.createTitle')}>
      <Group align="flex-end" gap="sm">
        <TextInput label={t('teams.name')} required maxLength={100} value={name} onChange={(event) => setName(event.currentTarget.value)} />
        <TextInput label={t('teams.department')} required maxLength={100} value={department} onChange={(event) => setDepartment(event.currentTarget.value)} />
        <Button type="submit" loading={save.isPending}>
          {team ? t('save') : t('teams.create')}
        </Button>
        {onDone && team && (
          <Button variant="default" onClick={onDone}>
            {t('cancel')}
          </Button>
        )}
      </Group>
      {save.error && <ApiErrorAlert error={save.error} />}
    </form>
  );
}
