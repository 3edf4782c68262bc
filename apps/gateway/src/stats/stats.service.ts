import { ForbiddenException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '../auth/principal';
import { invalidFields } from '../http-setup';
import { StatsQuery } from './dto/stats.query';
import { DayCategoryCount, foldDaily, foldGroups, Group } from './stats-groups';

const DAY = 86_400_000;
const MAX_RANGE_DAYS = 3660;

/** The tickets created in [$1, $2), of department $3 (all when null): an index-only scan of idx_tickets_stats. */
const SCOPED = `FROM tickets t
  WHERE t.created_at >= $1 AND t.created_at < $2 AND ($3::varchar IS NULL OR t.team_id IN (SELECT id FROM teams WHERE department = $3))`;

/**
 * Volume and counts in one pass: the scoped tickets grouped by category, priority, channel and language
 * (a few hundred groups at most), each with its counts; the service folds them into the four volumes and
 * the totals. One hash aggregate over a combined key costs far less than four grouping sets.
 */
const GROUPED_SQL = `
  SELECT category, priority, channel, language,
         count(*)::int AS total,
         count(sla_first_response_met)::int AS first_response_measured,
         count(*) FILTER (WHERE sla_first_response_met)::int AS first_response_met,
         count(sla_resolution_met)::int AS resolution_measured,
         count(*) FILTER (WHERE sla_resolution_met)::int AS resolution_met,
         count(escalated)::int AS triaged,
         count(*) FILTER (WHERE escalated)::int AS escalated,
         count(suggestion_use)::int AS suggestions_offered,
         count(*) FILTER (WHERE suggestion_use IN ('accepted', 'edited'))::int AS suggestions_used,
         count(*) FILTER (WHERE suggestion_use = 'accepted')::int AS suggestions_unchanged,
         count(rating)::int AS ratings,
         coalesce(sum(rating), 0)::int AS rating_sum,
         count(*) FILTER (WHERE rating >= 4)::int AS satisfied
  ${SCOPED}
  GROUP BY category, priority, channel, language`;

/** Tickets per UTC day and category, for the volume over time. */
const DAILY_SQL = `
  SELECT to_char(t.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS date, t.category, count(*)::int AS count
  ${SCOPED}
  GROUP BY 1, 2`;

/** Percentiles (p50, p90, p95) of the seconds from creation to `column`, over the tickets that have it. */
const percentilesSql = (column: 'first_response_at' | 'resolved_at') => `
  SELECT count(${column})::int AS count,
         percentile_cont(ARRAY[0.5, 0.9, 0.95]) WITHIN GROUP (ORDER BY extract(epoch FROM ${column} - created_at)) AS pct
  ${SCOPED} AND ${column} IS NOT NULL`;

/** Clocks that breached on tickets still unfinished (few: a partial index holds them). */
const BREACHED_OPEN_SQL = `
  SELECT c.metric, count(*)::int AS count
    FROM sla_clocks c JOIN tickets t ON t.id = c.ticket_id
   WHERE c.stopped_at IS NULL AND c.breached_at IS NOT NULL
     AND t.created_at >= $1 AND t.created_at < $2 AND ($3::varchar IS NULL OR t.team_id IN (SELECT id FROM teams WHERE department = $3))
   GROUP BY c.metric`;

/**
 * Agents' feedback on suggested responses (explicit, or recorded from replies) on the scoped tickets, per
 * category at the time: the outcomes and the share accepted as is or edited.
 */
const FEEDBACK_BY_CATEGORY_SQL = `
  SELECT category,
         count(*) FILTER (WHERE outcome = 'accepted')::int AS accepted,
         count(*) FILTER (WHERE outcome = 'edited')::int AS edited,
         count(*) FILTER (WHERE outcome = 'rejected')::int AS rejected,
         round(count(*) FILTER (WHERE outcome <> 'rejected')::numeric / count(*), 4)::float AS "acceptanceRate"
    FROM suggestion_feedback
   WHERE ticket_id IN (SELECT t.id ${SCOPED})
   GROUP BY category ORDER BY category NULLS LAST`;

/**
 * The self-service assistant's conversations started in the range: solved by the customer's word without a
 * ticket (deflected), handed over to a person, or turned into a ticket. A department sees only those that
 * became its tickets (a conversation belongs to no team until then).
 */
const DEFLECTION_SQL = `
  SELECT count(*)::int AS conversations,
         count(*) FILTER (WHERE c.status = 'solved' AND c.ticket_id IS NULL)::int AS solved,
         count(*) FILTER (WHERE c.status = 'handed_over')::int AS "handedOver",
         count(c.ticket_id)::int AS "ticketsOpened"
    FROM assistant_conversations c
   WHERE c.created_at >= $1 AND c.created_at < $2
     AND ($3::varchar IS NULL OR c.ticket_id IN (SELECT t.id FROM tickets t WHERE t.team_id IN (SELECT id FROM teams WHERE department = $3)))`;

interface Deflection {
  conversations: number;
  solved: number;
  handedOver: number;
  ticketsOpened: number;
}

interface CategoryFeedback {
  category: string | null;
  accepted: number;
  edited: number;
  rejected: number;
  acceptanceRate: number;
}

interface Percentiles {
  count: number;
  pct: number[] | null;
}

const rate = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000);
const seconds = (pct: number[] | null) => (pct ? { p50: round(pct[0]), p90: round(pct[1]), p95: round(pct[2]) } : { p50: null, p90: null, p95: null });
const round = (value: number) => Math.round(value * 10) / 10;

@Injectable()
export class StatsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async stats(principal: Principal, query: StatsQuery) {
    const to = query.to ? new Date(query.to) : new Date();
    const from = query.from ? new Date(query.from) : new Date(to.getTime() - 30 * DAY);
    if (from >= to) throw invalidFields([{ field: 'from', problems: ['from must be before to'] }]);
    if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY) throw invalidFields([{ field: 'from', problems: [`the range may span at most ${MAX_RANGE_DAYS} days`] }]);
    const department = this.departmentOf(principal, query.department);
    const params = [from, to, department];
    // Seven statements on seven pool connections at once: Postgres runs them side by side.
    const [groups, [response], [resolution], breachedOpen, feedbackByCategory, daily, [assistant]] = await Promise.all([
      this.read<Group>(GROUPED_SQL, params),
      this.read<Percentiles>(percentilesSql('first_response_at'), params),
      this.read<Percentiles>(percentilesSql('resolved_at'), params),
      this.read<{ metric: string; count: number }>(BREACHED_OPEN_SQL, params),
      this.read<CategoryFeedback>(FEEDBACK_BY_CATEGORY_SQL, params),
      this.read<DayCategoryCount>(DAILY_SQL, params),
      this.read<Deflection>(DEFLECTION_SQL, params),
    ]);
    const { volume, counts } = foldGroups(groups);
    const sla = (measured: number, met: number, metric: string) => ({
      measured,
      met,
      compliance: rate(met, measured),
      breachedOpen: breachedOpen.find((entry) => entry.metric === metric)?.count ?? 0,
    });
    return {
      range: { from: from.toISOString(), to: to.toISOString() },
      department,
      tickets: counts.total,
      volume,
      daily: foldDaily(daily, from, to),
      firstResponseSeconds: { count: response.count, ...seconds(response.pct) },
      resolutionSeconds: { count: resolution.count, ...seconds(resolution.pct) },
      sla: {
        firstResponse: sla(counts.first_response_measured, counts.first_response_met, 'first_response'),
        resolution: sla(counts.resolution_measured, counts.resolution_met, 'resolution'),
      },
      escalation: { triaged: counts.triaged, escalated: counts.escalated, rate: rate(counts.escalated, counts.triaged) },
      suggestions: {
        offered: counts.suggestions_offered,
        used: counts.suggestions_used,
        acceptedUnchanged: counts.suggestions_unchanged,
        acceptanceRate: rate(counts.suggestions_used, counts.suggestions_offered),
        byCategory: feedbackByCategory,
      },
      csat: {
        ratings: counts.ratings,
        average: counts.ratings === 0 ? null : Math.round((counts.rating_sum / counts.ratings) * 100) / 100,
        satisfied: counts.satisfied,
        score: rate(counts.satisfied, counts.ratings),
      },
      deflection: { ...assistant, rate: rate(assistant.solved, assistant.conversations) },
    };
  }

  /**
   * One read-only statement. The scanned rows are cached and the covering index is a third of the table's
   * size, so the planner is told an index page costs about what a sequential one does: wide ranges then
   * read the index too (half the work of scanning the table).
   */
  private read<T>(sql: string, params: unknown[]): Promise<T[]> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL random_page_cost = 1.1`);
      return manager.query(sql, params);
    });
  }

  /** Managers see their own department; admins everything, or the department they ask for. */
  private departmentOf(principal: Principal, requested: string | undefined): string | null {
    if (principal.role === 'admin') return requested ?? null;
    if (!principal.department) throw new ForbiddenException('a manager sees the statistics of their department, and this account has none');
    if (requested !== undefined && requested !== principal.department) throw new ForbiddenException(`a manager sees the statistics of their own department (${principal.department})`);
    return principal.department;
  }
}
