import { Button, Group, Select, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/api-client';
import type { Team } from '../api/api-types';
import type { StatsFilter } from './stats-api';

interface Props {
  filter: StatsFilter;
  onChange: (filter: StatsFilter) => void;
  /** Admins choose a department; managers always see their own. */
  chooseDepartment: boolean;
  onExport?: () => void;
}

export function ReportFilters({ filter, onChange, chooseDepartment, onExport }: Props) {
  const { t } = useTranslation('reports');
  const teams = useQuery({ queryKey: ['teams'], queryFn: () => api<Team[]>('/api/teams'), enabled: chooseDepartment });
  const departments = [...new Set((teams.data ?? []).map((team) => team.department).filter((name): name is string => !!name))].sort();
  return (
    <Group align="flex-end" gap="sm">
      <TextInput type="date" label={t('filter.from')} value={filter.from} max={filter.to} onChange={(event) => event.currentTarget.value && onChange({ ...filter, from: event.currentTarget.value })} />
      <TextInput type="date" label={t('filter.to')} value={filter.to} min={filter.from} onChange={(event) => event.currentTarget.value && onChange({ ...filter, to: event.currentTarget.value })} />
      {chooseDepartment && (
        <Select
          label={t('filter.department')}
          w={220}
          allowDeselect={false}
          data={[{ value: '', label: t('filter.allDepartments') }, ...departments.map((name) => ({ value: name, label: name }))]}
          value={filter.department}
          onChange={(department) => onChange({ ...filter, department: department ?? '' })}
        />
      )}
      <Button variant="default" onClick={onExport} disabled={!onExport}>
        {t('exportCsv')}
      </Button>
    </Group>
  );
}
