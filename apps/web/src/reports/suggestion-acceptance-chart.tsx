import { BarChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import { useCategories } from '../shared/use-categories';
import type { Stats } from './stats-api';
import { ChartCard } from './chart-card';
import { useReportFormat } from './use-report-format';

/** Agents' feedback on suggested responses per category: accepted as is, edited, rejected. */
export function SuggestionAcceptanceChart({ stats }: { stats: Stats }) {
  const { t } = useTranslation('reports');
  const format = useReportFormat();
  const { nameOf } = useCategories();
  const data = stats.suggestions.byCategory.map((entry) => ({
    category: entry.category ? nameOf(entry.category) : t('unknown'),
    accepted: entry.accepted,
    edited: entry.edited,
    rejected: entry.rejected,
  }));
  return (
    <ChartCard title={t('suggestions.byCategory')} empty={data.length === 0} emptyText={t('suggestions.noFeedback')}>
      <BarChart
        h={Math.max(160, data.length * 32)}
        data={data}
        dataKey="category"
        orientation="vertical"
        type="stacked"
        yAxisProps={{ width: 130 }}
        withLegend
        valueFormatter={format.number}
        series={[
          { name: 'accepted', label: t('suggestions.accepted'), color: 'teal.6' },
          { name: 'edited', label: t('suggestions.edited'), color: 'yellow.6' },
          { name: 'rejected', label: t('suggestions.rejected'), color: 'red.6' },
        ]}
      />
    </ChartCard>
  );
}
