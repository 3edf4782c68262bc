import '@mantine/charts/styles.css';
import { Center, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../admin/api-error-alert';
import { useSession } from '../auth/session-context';
import { DailyVolumeChart } from './daily-volume-chart';
import { DeflectionFigures } from './deflection-figures';
import { FigureCard } from './figure-card';
import { ReportFilters } from './report-filters';
import { defaultStatsFilter, useStats, VOLUME_DIMENSIONS, type Stats } from './stats-api';
import { downloadText, statsToCsv } from './stats-csv';
import { SuggestionAcceptanceChart } from './suggestion-acceptance-chart';
import { useReportFormat } from './use-report-format';
import { VolumeChart } from './volume-chart';

export function ReportsPage() {
  const { t } = useTranslation('reports');
  const { account } = useSession();
  const [filter, setFilter] = useState(defaultStatsFilter);
  const stats = useStats(filter);
  const exportCsv = stats.data && (() => downloadText(`smartdesk-report-${filter.from}-${filter.to}.csv`, statsToCsv(stats.data!), 'text/csv;charset=utf-8'));

  return (
    <Stack>
      <Title order={1}>{t('title')}</Title>
      <Text c="dimmed">{account?.role === 'manager' ? t('scopeDepartment', { department: account.department ?? '—' }) : t('scopeAdmin')}</Text>
      <ReportFilters filter={filter} onChange={setFilter} chooseDepartment={account?.role === 'admin'} onExport={exportCsv || undefined} />
      {stats.isPending && (
        <Center h={200}>
          <Loader aria-label={t('loading', { ns: 'common' })} />
        </Center>
      )}
      <ApiErrorAlert error={stats.error} />
      {stats.data && <ReportFigures stats={stats.data} />}
    </Stack>
  );
}

function ReportFigures({ stats }: { stats: Stats }) {
  const { t } = useTranslation('reports');
  const format = useReportFormat();
  return (
    <Stack>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <FigureCard label={t('tickets')} value={format.number(stats.tickets)} detail={stats.department ?? t('filter.allDepartments')} />
        <FigureCard
          label={t('escalationRate')}
          value={format.percentOrNone(stats.escalation.rate)}
          detail={t('ofTriaged', { count: stats.escalation.triaged, escalated: stats.escalation.escalated })}
        />
        <FigureCard label={t('suggestions.acceptance')} value={format.percentOrNone(stats.suggestions.acceptanceRate)} detail={t('suggestions.ofOffered', { count: stats.suggestions.offered })} />
        <FigureCard label={t('csat.title')} value={format.percentOrNone(stats.csat.score)} detail={t('csat.detail', { count: stats.csat.ratings, average: format.numberOrNone(stats.csat.average) })} />
        <FigureCard
          label={t('sla.firstResponse')}
          value={format.percentOrNone(stats.sla.firstResponse.compliance)}
          detail={t('sla.detail', { count: stats.sla.firstResponse.measured, breached: stats.sla.firstResponse.breachedOpen })}
        />
        <FigureCard
          label={t('sla.resolution')}
          value={format.percentOrNone(stats.sla.resolution.compliance)}
          detail={t('sla.detail', { count: stats.sla.resolution.measured, breached: stats.sla.resolution.breachedOpen })}
        />
        <FigureCard
          label={t('times.firstResponse')}
          value={format.duration(stats.firstResponseSeconds.p50)}
          detail={t('times.detail', { p90: format.duration(stats.firstResponseSeconds.p90), p95: format.duration(stats.firstResponseSeconds.p95), count: stats.firstResponseSeconds.count })}
        />
        <FigureCard
          label={t('times.resolution')}
          value={format.duration(stats.resolutionSeconds.p50)}
          detail={t('times.detail', { p90: format.duration(stats.resolutionSeconds.p90), p95: format.duration(stats.resolutionSeconds.p95), count: stats.resolutionSeconds.count })}
        />
      </SimpleGrid>
      <DailyVolumeChart stats={stats} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {VOLUME_DIMENSIONS.map((dimension) => (
          <VolumeChart key={dimension} stats={stats} dimension={dimension} />
        ))}
      </SimpleGrid>
      <SuggestionAcceptanceChart stats={stats} />
      <DeflectionFigures deflection={stats.deflection} />
    </Stack>
  );
}
