import { Button, Card, Stack, Table, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../api-error-alert';
import { useTeams } from '../admin-api';
import { TeamForm } from './team-form';

export function TeamsPage() {
  const { t } = useTranslation('admin');
  const teams = useTeams();
  const [editing, setEditing] = useState<string>();
  return (
    <Stack>
      <Card withBorder component="section" aria-labelledby="teams-create">
        <Title order={2} size="h4" id="teams-create" mb="xs">
          {t('teams.createTitle')}
        </Title>
        <TeamForm />
      </Card>
      <ApiErrorAlert error={teams.error} />
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('teams.name')}</Table.Th>
            <Table.Th>{t('teams.department')}</Table.Th>
            <Table.Th>{t('actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(teams.data ?? []).map((team) =>
            editing === team.id ? (
              <Table.Tr key={team.id}>
                <Table.Td colSpan={3}>
                  <TeamForm team={team} onDone={() => setEditing(undefined)} />
                </Table.Td>
              </Table.Tr>
            ) : (
              <Table.Tr key={team.id}>
                <Table.Td>{team.name}</Table.Td>
                <Table.Td>{team.department ?? '—'}</Table.Td>
                <Table.Td>
                  <Button size="compact-sm" variant="default" onClick={() => setEditing(team.id)} aria-label={t('teams.editTeam', { name: team.name })}>
                    {t('edit')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ),
          )}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
