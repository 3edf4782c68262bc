import { markdownTable, textTable } from '../bench/bench-report';
import { FaultResult, targetMet, TRIAGE_DEADLINE_MS } from './fault-accounting';

export interface ChaosReport {
  date: string;
  conditions: Record<string, unknown>;
  results: FaultResult[];
  targetMet: boolean;
}

export function buildChaosReport(results: FaultResult[], date: Date, conditions: Record<string, unknown>): ChaosReport {
  return { date: date.toISOString(), conditions, results, targetMet: targetMet(results) };
}

const HEADER = ['fault', 'posted', 'accepted', 'client errors', 'triaged', 'lost', 'twice', 'outage s', 'first after s', 'drained s'];
const seconds = (ms: number | null) => (ms === null ? 'never' : (ms / 1000).toFixed(1));

export function chaosRows(report: ChaosReport): string[][] {
  return report.results.map((result) => [
    result.injections > 1 ? `${result.fault} x${result.injections}` : result.fault,
    String(result.posted),
    String(result.accepted),
    Object.entries(result.clientErrors)
      .map(([kind, count]) => `${count} ${kind}`)
      .join(', ') || 'none',
    String(result.triaged),
    String(result.lost),
    String(result.duplicated),
    seconds(result.outageMs),
    seconds(result.firstTriagedAfterFaultMs),
    seconds(result.drainedAfterFaultMs),
  ]);
}

const conditionsLine = (report: ChaosReport) =>
  Object.entries(report.conditions)
    .map(([key, value]) => `${key} ${String(value)}`)
    .join('; ');
const TARGET = `Target (issue 16): 0 lost, 0 processed twice, no hung request, every accepted ticket fully triaged within ${TRIAGE_DEADLINE_MS / 1000} s of recovery`;
const LEGEND =
  'client errors: "503 json" a clear 503 with a JSON body, "refused" connection refused (gateway down), "reset" a connection cut mid-request, "hang" no answer within 5 s. ' +
  'outage: from the fault to the part being back (for kills: the new process ready); first after: from the fault to the first ticket posted after it being triaged; drained: to the last accepted ticket triaged.';

export function formatChaosTable(report: ChaosReport): string {
  return [`Smartdesk chaos run, ${report.date}`, conditionsLine(report), '', textTable(HEADER, chaosRows(report)), '', `${TARGET}: ${report.targetMet ? 'met' : 'MISSED'}`].join('\n');
}

export function formatChaosMarkdown(report: ChaosReport): string {
  return [
    `# Smartdesk chaos run, ${report.date}`,
    '',
    `Conditions: ${conditionsLine(report)}.`,
    '',
    markdownTable(HEADER, chaosRows(report)),
    '',
    LEGEND,
    '',
    `${TARGET}: **${report.targetMet ? 'met' : 'MISSED'}**.`,
    '',
  ].join('\n');
}
