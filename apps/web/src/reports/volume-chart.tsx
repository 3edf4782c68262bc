import { BarChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import { useCategories } from '../shared/use-categories';
import type { Stats, VolumeDimension } from './stats-api';
import { ChartCard } from './chart-card';
import { useReportFormat } from './use-report-format';

/** Tickets per category, priority, channel or language, largest first (as the API orders them). */
export function VolumeChart({ stats, dimension }: { stats: Stats; dimension: VolumeDimension }) {
  const { t } = useTranslation('reports');
  const format = useReportFormat();
  const { nameOf } = useCategories();
  const data = stats.volume[dimension].map(({ key, count }) => ({ key: dimension === 'category' ? nameOf(key) : key, tickets: count }));
  return (
    <ChartCard title={t(`volume.${dimension}`)} empty={data.length === 0} emptyText={t('noTickets')}>
      <BarChart
        h={Math.max(160, data.length * 28)}
        data={data}
        dataKey="key"
        orientation="vertical"
        yAxisProps={{ width: 130 }}
        series={[{ name: 'tickets', label: t('tickets'), color: 'indigo.6' }]}
        valueFormatter={format.number}
        gridAxis="x"
      />
    </ChartCard>
  );
}
