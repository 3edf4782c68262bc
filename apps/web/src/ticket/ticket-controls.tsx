import { Button, Card, Group, Select, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PRIORITIES, SETTABLE_STATUSES, type StaffTicketDetail } from '../api/api-types';
import { useSession } from '../auth/session-context';
import { staffQuery, teamsQuery, type TicketChange } from '../shared/staff-api';

interface TicketControlsProps {
  ticket: StaffTicketDetail;
  onChange: (change: Omit<TicketChange, 'version'>) => void;
}

/** Status, priority and routing. Agents may take a ticket or give it back; managers and admins route anywhere. */
export function TicketControls({ ticket, onChange }: TicketControlsProps) {
  const { t } = useTranslation('ticket');
  const { account, hasRole } = useSession();
  const canRoute = hasRole('manager', 'admin');
  const teams = useQuery(teamsQuery);
  const staff = useQuery({ ...staffQuery, enabled: canRoute });
  const team = teams.data?.find((candidate) => candidate.id === ticket.teamId);
  const assigneeName = ticket.assigneeId === account?.userId ? t('routing.me') : (staff.data?.items.find((user) => user.id === ticket.assigneeId)?.name ?? ticket.assigneeId);
  const statuses = SETTABLE_STATUSES.includes(ticket.status) ? SETTABLE_STATUSES : [ticket.status, ...SETTABLE_STATUSES];
  return (
    <Card withBorder component="section" aria-labelledby="controls-title">
      <Title order={2} size="h4" id="controls-title" mb="xs">
        {t('routing.title')}
      </Title>
      <Stack gap="xs">
        <Group grow>
          <Select
            label={t('routing.status')}
            size="xs"
            allowDeselect={false}
            data={statuses.map((status) => ({ value: status, label: t(`common:status.${status}`), disabled: !SETTABLE_STATUSES.includes(status) }))}
            value={ticket.status}
            onChange={(status) => status && status !== ticket.status && onChange({ status })}
          />
          <Select
            label={t('routing.priority')}
            size="xs"
            allowDeselect={false}
            data={PRIORITIES.map((priority) => ({ value: priority, label: t(`common:priority.${priority}`) }))}
            value={ticket.priority}
            onChange={(priority) => priority && priority !== ticket.priority && onChange({ priority })}
          />
        </Group>
        <Select
          label={t('routing.team')}
          size="xs"
          disabled={!canRoute}
          data={(teams.data ?? []).map((candidate) => ({ value: candidate.id, label: candidate.name }))}
          value={ticket.teamId}
          placeholder={team?.name ?? t('routing.noTeam')}
          onChange={(teamId) => teamId !== ticket.teamId && onChange({ teamId })}
          clearable
        />
        {canRoute ? (
          <Select
            label={t('routing.assignee')}
            size="xs"
            data={(staff.data?.items ?? []).filter((user) => user.role !== 'customer').map((user) => ({ value: user.id, label: user.name }))}
            value={ticket.assigneeId}
            placeholder={t('routing.unassigned')}
            onChange={(assigneeId) => assigneeId !== ticket.assigneeId && onChange({ assigneeId })}
            clearable
          />
        ) : (
          <Group justify="space-between">
            <span>
              {t('routing.assignee')}: {ticket.assigneeId ? assigneeName : t('routing.unassigned')}
            </span>
            {ticket.assigneeId === account?.userId ? (
              <Button size="xs" variant="default" onClick={() => onChange({ assigneeId: null })}>
                {t('routing.release')}
              </Button>
            ) : (
              <Button size="xs" variant="default" onClick={() => account && onChange({ assigneeId: account.userId })}>
                {t('routing.take')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Card>
  );
}
