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

/**
 * Every signed decision (the SQL of `signedDecisionsSql`), its due date and where its publication
 * stands. Published on time is counted, not listed.
 */
export async function deadlineReport(db: Db, signedDecisionsSql: string, now: Date, warnDays: number): Promise<DeadlineReport> {
  const rows = (await db.query<{ id: string; case_number: string; court_id: string; adopted_at: Date; published_at: Date | null; publication_id: string | null; draft: string | null }>(
    `SELECT d.id, d.case_number, c.court_id, d.adopted_at, p.published_at, p.id AS publication_id, dr.status AS draft
       FROM (${signedDecisionsSql}) s JOIN decisions d ON d.id = s.id JOIN cases c ON c.number = d.case_number
       LEFT JOIN published_decisions p ON p.decision_id = d.id LEFT JOIN publication_drafts dr ON dr.decision_id = d.id`)).rows;
  const counts: Record<DeadlineState, number> = { pending: 0, 'due-soon': 0, overdue: 0, published: 0, 'published-late': 0 };
  const decisions: DeadlineEntry[] = [];
  for (const r of rows) {
    const due = publicationDueAt(r.adopted_at);
    const state = deadlineState(due, r.published_at, now, warnDays);
    counts[state] += 1;
    if (state === 'published') continue;
    decisions.push({
      decisionId: r.id, caseNumber: r.case_number, courtId: r.court_id, adoptedAt: r.adopted_at.toISOString(), dueAt: due.toISOString(), state,
      daysLeft: Math.floor((due.getTime() - now.getTime()) / 86_400_000), publicationId: r.publication_id,
      draft: (r.draft as DeadlineEntry['draft'] | null) ?? 'none',
    });
  }
  const order: Record<DeadlineState, number> = { overdue: 0, 'due-soon': 1, pending: 2, 'published-late': 3, published: 4 };
  decisions.sort((a, b) => order[a.state] - order[b.state] || a.dueAt.localeCompare(b.dueAt) || a.decisionId.localeCompare(b.decisionId));
  return { generatedAt: now.toISOString(), warnDays, counts, decisions };
}
