import { readFileSync } from 'node:fs';
import { parseYamlSafely } from '@smartdesk/config';
import { PRIORITIES, Priority, SlaMetric } from '@smartdesk/contracts';
import { BusinessCalendar, BusinessWindow, WeeklyHours } from './business-calendar';

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const TIME_RANGE = /^([01]\d|2[0-3]):([0-5]\d)-(([01]\d|2[0-3]):([0-5]\d)|24:00)$/;
const MINUTE = 60_000;

/** The targets of one priority, in business milliseconds. */
export type SlaTargets = Record<SlaMetric, number>;

export interface SlaConfig {
  calendar: BusinessCalendar;
  /** Share of a target after which a clock is at risk (escalated before it breaches). */
  atRiskRatio: number;
  policies: Record<Priority, SlaTargets>;
}

/** The policy of a ticket whose priority is not known yet (before triage). */
export const DEFAULT_POLICY: Priority = 'normal';

export class SlaConfigError extends Error {}

/** Reads and checks the operator-editable SLA file; a mistake names the file and the field. */
export function loadSlaConfig(path: string): SlaConfig {
  return parseSlaConfig(parseYamlSafely(readFileSync(path, 'utf8'), path), path);
}

export function parseSlaConfig(raw: unknown, source = 'sla config'): SlaConfig {
  const fail = (field: string, problem: string): never => {
    throw new SlaConfigError(`${source}: ${field} ${problem}`);
  };
  const root = (raw ?? {}) as Record<string, any>;
  const calendar = root.calendar ?? fail('calendar', 'is missing');
  if (typeof calendar.timezone !== 'string') fail('calendar.timezone', 'must be an IANA time zone such as Europe/Madrid');
  const hours = (calendar.hours ?? fail('calendar.hours', 'is missing')) as Record<string, unknown>;
  for (const day of Object.keys(hours)) if (!WEEKDAYS.includes(day)) fail(`calendar.hours.${day}`, `is not a weekday (${WEEKDAYS.join(', ')})`);
  const week: WeeklyHours = {};
  WEEKDAYS.forEach((day, i) => {
    const ranges = [hours[day] ?? []].flat() as unknown[];
    week[i + 1] = ranges.map((range) => parseRange(range, () => fail(`calendar.hours.${day}`, `must be "HH:MM-HH:MM" ranges (got ${JSON.stringify(range)})`)));
  });
  const holidays = (calendar.holidays ?? []) as unknown[];
  if (!Array.isArray(holidays)) fail('calendar.holidays', 'must be a list of dates (yyyy-mm-dd)');
  const holidayDates = holidays.map((date) => {
    // YAML reads an unquoted 2026-12-25 as a date.
    const text = date instanceof Date ? date.toISOString().slice(0, 10) : String(date);
    return /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : fail('calendar.holidays', `must be dates (yyyy-mm-dd), got ${JSON.stringify(date)}`);
  });

  const atRiskRatio = root.atRiskRatio ?? 0.8;
  if (typeof atRiskRatio !== 'number' || atRiskRatio <= 0 || atRiskRatio >= 1) fail('atRiskRatio', 'must be a number between 0 and 1 (exclusive)');

  const policies = {} as Record<Priority, SlaTargets>;
  for (const priority of PRIORITIES) {
    const policy = root.policies?.[priority] ?? fail(`policies.${priority}`, 'is missing');
    const minutes = (field: string) => {
      const value = policy[field];
      return typeof value === 'number' && value > 0 ? value * MINUTE : fail(`policies.${priority}.${field}`, 'must be a positive number of business minutes');
    };
    policies[priority] = { first_response: minutes('firstResponseMinutes'), resolution: minutes('resolutionMinutes') };
    if (policies[priority].first_response > policies[priority].resolution) fail(`policies.${priority}`, 'firstResponseMinutes must not exceed resolutionMinutes');
  }

  try {
    return { calendar: new BusinessCalendar(calendar.timezone, week, new Set(holidayDates)), atRiskRatio, policies };
  } catch (error) {
    return fail('calendar', (error as Error).message);
  }
}

function parseRange(range: unknown, invalid: () => never): BusinessWindow {
  const match = typeof range === 'string' ? TIME_RANGE.exec(range.replace(/\s+/g, '')) : null;
  if (!match) return invalid();
  const start = Number(match[1]) * 60 + Number(match[2]);
  const end = match[3] === '24:00' ? 1440 : Number(match[4]) * 60 + Number(match[5]);
  return end > start ? { start, end } : invalid();
}
