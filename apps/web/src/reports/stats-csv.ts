import type { Stats } from './stats-api';
import { VOLUME_DIMENSIONS } from './stats-api';

/** One row of the export: the section, the figure's key and its value (numbers as the API gives them). */
type Row = [section: string, key: string, value: string | number | null];

/** The figures on the reports screen as CSV rows (RFC 4180 quoting), so a spreadsheet gets what the screen shows. */
export function statsToCsv(stats: Stats): string {
  const rows: Row[] = [
    ['range', 'from', stats.range.from],
    ['range', 'to', stats.range.to],
    ['range', 'department', stats.department ?? 'all'],
    ['tickets', 'total', stats.tickets],
  ];
  for (const dimension of VOLUME_DIMENSIONS) for (const { key, count } of stats.volume[dimension]) rows.push([`volume.${dimension}`, key, count]);
  for (const day of stats.daily) rows.push(['daily', day.date, day.total]);
  for (const [name, percentiles] of [
    ['firstResponseSeconds', stats.firstResponseSeconds],
    ['resolutionSeconds', stats.resolutionSeconds],
  ] as const) {
    for (const key of ['count', 'p50', 'p90', 'p95'] as const) rows.push([name, key, percentiles[key]]);
  }
  for (const [metric, sla] of Object.entries(stats.sla)) {
    for (const key of ['measured', 'met', 'compliance', 'breachedOpen'] as const) rows.push([`sla.${metric}`, key, sla[key]]);
  }
  rows.push(['escalation', 'triaged', stats.escalation.triaged], ['escalation', 'escalated', stats.escalation.escalated], ['escalation', 'rate', stats.escalation.rate]);
  rows.push(['suggestions', 'offered', stats.suggestions.offered], ['suggestions', 'used', stats.suggestions.used], ['suggestions', 'acceptanceRate', stats.suggestions.acceptanceRate]);
  for (const entry of stats.suggestions.byCategory) rows.push([`suggestions.acceptanceRate.byCategory`, entry.category ?? 'unknown', entry.acceptanceRate]);
  for (const key of ['ratings', 'average', 'satisfied', 'score'] as const) rows.push(['csat', key, stats.csat[key]]);
  return [['section', 'key', 'value'], ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function csvField(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Saves text as a file through a temporary object URL (no server round trip; the CSP allows blob: downloads). */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}
