import { AreaChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import { useCategories } from '../shared/use-categories';
import type { Stats } from './stats-api';
import { ChartCard } from './chart-card';
import { useReportFormat } from './use-report-format';

const COLORS = ['indigo.6', 'teal.6', 'orange.6', 'grape.6', 'cyan.6', 'pink.6', 'lime.7', 'yellow.7', 'blue.6', 'red.6'];
/** More categories than colours read as noise: the rest are added up as "other categories". */
const MAX_SERIES = COLORS.length - 1;

/** Tickets per day, stacked by category (the largest categories of the range; the rest together). */
export function DailyVolumeChart({ stats }: { stats: Stats }) {
  const { t, i18n } = useTranslation('reports');
  const format = useReportFormat();
  const { nameOf } = useCategories();
  const top = stats.volume.category.slice(0, MAX_SERIES).map((entry) => entry.key);
  const hasRest = stats.volume.category.length > MAX_SERIES;
  const dayLabel = new Intl.DateTimeFormat(i18n.resolvedLanguage ?? 'en', { month: 'short', day: 'numeric', timeZone: 'UTC' });
  const data = stats.daily.map((day) => {
    const row: Record<string, string | number> = { day: dayLabel.format(new Date(day.date)) };
    for (const category of top) row[category] = day.byCategory[category] ?? 0;
    if (hasRest) row.rest = day.total - top.reduce((sum, category) => sum + (day.byCategory[category] ?? 0), 0);
    return row;
  });
  const series = [...top.map((name, i) => ({ name, label: nameOf(name), color: COLORS[i] })), ...(hasRest ? [{ name: 'rest', label: t('otherCategories'), color: 'gray.5' }] : [])];
  return (
    <ChartCard title={t('daily')} empty={stats.tickets === 0} emptyText={t('noTickets')}>
      <AreaChart h={260} data={data} dataKey="day" type="stacked" series={series} withLegend valueFormatter={format.number} withDots={false} curveType="monotone" />
    </ChartCard>
  );
}
