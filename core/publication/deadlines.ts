/**
 * Statute 12.6: a decision is published, anonymized, no later than one month after its adoption.
 * The due date is the same day of the next month (the month's last day when it has no such day),
 * at the same time of day, in UTC.
 */
import type { Db } from '../store/db';

export function publicationDueAt(adoptedAt: Date): Date {
  const d = new Date(adoptedAt.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + 1);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

export type DeadlineState = 'pending' | 'due-soon' | 'overdue' | 'published' | 'published-late';

export function deadlineState(dueAt: Date, publishedAt: Date | null, now: Date, warnDays: number): DeadlineState {
  if (publishedAt) return publishedAt.getTime() <= dueAt.getTime() ? 'published' : 'published-late';
  if (now.getTime() > dueAt.getTime()) return 'overdue';
  if (dueAt.getTime() - now.getTime() <= warnDays * 86_400_000) return 'due-soon';
  return 'pending';
}

export interface DeadlineEntry {
  decisionId: string;
  caseNumber: string;
  courtId: string;
  adoptedAt: string;
  dueAt: string;
  state: DeadlineState;
  /** Whole days to the due date (negative: days overdue). */
  daysLeft: number;
  publicationId: string | null;
  draft: 'none' | 'review' | 'published';
}

export interface DeadlineReport {
  generatedAt: string;
  warnDays: number;
  counts: Record<DeadlineState, number>;
  /** Everything not yet published, most urgent first, and what was published late. */
  decisions: DeadlineEntry[];
}

/** A published decision (p) and its due date (due), as SQL over decisions d: statute 12.6 states. */
const STATE_SQL = `CASE WHEN p.published_at IS NOT NULL THEN (CASE WHEN p.published_at <= due THEN 'published' ELSE 'published-late' END)
  WHEN $1::timestamptz > due THEN 'overdue' WHEN due - $1::timestamptz <= make_interval(days => $2::int) THEN 'due-soon' ELSE 'pending' END`;
// PostgreSQL adds a month the way publicationDueAt does (the same day, or the month's last day),
// on the UTC calendar whatever the session's time zone.
const FROM_SQL = (signed: string) => `FROM (${signed}) s JOIN decisions d ON d.id = s.id
  CROSS JOIN LATERAL (SELECT ((d.adopted_at AT TIME ZONE 'UTC') + interval '1 month') AT TIME ZONE 'UTC' AS due) x
  LEFT JOIN published_decisions p ON p.decision_id = d.id`;

/** How many signed decisions are in each state (the /metrics gauge), counted in the database. */
export async function deadlineCounts(db: Db, signedDecisionsSql: string, now: Date, warnDays: number): Promise<Record<DeadlineState, number>> {
  const counts: Record<DeadlineState, number> = { pending: 0, 'due-soon': 0, overdue: 0, published: 0, 'published-late': 0 };
  const r = await db.query<{ state: DeadlineState; n: string }>(`SELECT ${STATE_SQL} AS state, count(*) AS n ${FROM_SQL(signedDecisionsSql)} GROUP BY 1`, [now, warnDays]);
  for (const row of r.rows) counts[row.state] = Number(row.n);
  return counts;
}

/** At most this many decisions are listed in a report (the counts cover all). */
export const REPORT_LIMIT = 1000;

/**
 * Every signed decision (the SQL of `signedDecisionsSql`) not published on time: its due date and
 * where its publication stands, most urgent first (at most REPORT_LIMIT), with the counts of all.
 */
export async function deadlineReport(db: Db, signedDecisionsSql: string, now: Date, warnDays: number): Promise<DeadlineReport> {
  const rows = (await db.query<{ id: string; case_number: string; court_id: string; adopted_at: Date; due: Date; state: DeadlineState; publication_id: string | null; draft: string | null }>(
    `SELECT * FROM (SELECT d.id, d.case_number, c.court_id, d.adopted_at, x.due, ${STATE_SQL} AS state, p.id AS publication_id, dr.status AS draft
       ${FROM_SQL(signedDecisionsSql)} JOIN cases c ON c.number = d.case_number LEFT JOIN publication_drafts dr ON dr.decision_id = d.id) t
     WHERE state <> 'published'
     ORDER BY CASE state WHEN 'overdue' THEN 0 WHEN 'due-soon' THEN 1 WHEN 'pending' THEN 2 ELSE 3 END, due, id LIMIT ${REPORT_LIMIT}`, [now, warnDays])).rows;
  const decisions: DeadlineEntry[] = rows.map((r) => {
    const due = publicationDueAt(r.adopted_at);
    return {
      decisionId: r.id, caseNumber: r.case_number, courtId: r.court_id, adoptedAt: r.adopted_at.toISOString(), dueAt: due.toISOString(), state: r.state,
      daysLeft: Math.floor((due.getTime() - now.getTime()) / 86_400_000), publicationId: r.publication_id,
      draft: (r.draft as DeadlineEntry['draft'] | null) ?? 'none',
    };
  });
  return { generatedAt: now.toISOString(), warnDays, counts: await deadlineCounts(db, signedDecisionsSql, now, warnDays), decisions };
}
