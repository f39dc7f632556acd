/**
 * Enforcement status reports (6.1.19) as stored: each accepted report once per version in the
 * history; the current status is the report with the highest version, whatever order they came in.
 */
import type { Db } from '../db';
import { appendOutbox, type OutboxEventInput } from './outbox';

export const ENFORCEMENT_STATUSES = ['opened', 'in-progress', 'amount-recovered', 'completed', 'returned'] as const;
export type EnforcementStatusName = (typeof ENFORCEMENT_STATUSES)[number];

export interface StatusReport {
  decisionId: string;
  agencyId: string;
  /** Assigned by the reporter, increasing with each change it makes. */
  version: number;
  status: EnforcementStatusName;
  /** Decimal string, e.g. "1250.00". */
  amountRecovered: string | null;
  note: string | null;
  reportedAt: Date;
  /** SHA-256 (hex) of the report's canonical bytes: a duplicate has the same, a conflicting one not. */
  reportSha256: string;
}

export interface StatusEntry {
  version: number;
  agencyId: string;
  status: EnforcementStatusName;
  amountRecovered: string | null;
  note: string | null;
  reportedAt: Date;
  receivedAt: Date;
}

export type ReportOutcome = 'applied' | 'stale' | 'duplicate' | 'conflict';

const HISTORY = `version::int AS version, agency_id AS "agencyId", status, amount_recovered::text AS "amountRecovered", note,
  reported_at AS "reportedAt", received_at AS "receivedAt"`;

/**
 * Records a report in one transaction with the events it causes. `applied`: it is the newest
 * version (the current status moved; `events(current)` are appended to the outbox); `stale`: an
 * older version arriving late (kept in the history, the current status stays); `duplicate`: the
 * same version with the same content again (nothing changes); `conflict`: the same version with
 * other content (refused, nothing changes).
 */
export async function recordStatusReport(db: Db, r: StatusReport, events: (current: StatusReport) => OutboxEventInput[]): Promise<{ outcome: ReportOutcome; current: StatusEntry | null }> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`enforcement_status:${r.decisionId}`]);
    const seen = (await tx.query<{ reportSha256: string }>('SELECT report_sha256 AS "reportSha256" FROM enforcement_status_history WHERE decision_id = $1 AND version = $2', [r.decisionId, r.version])).rows[0];
    let outcome: ReportOutcome;
    if (seen) {
      outcome = seen.reportSha256 === r.reportSha256 ? 'duplicate' : 'conflict';
    } else {
      await tx.query(
        `INSERT INTO enforcement_status_history (decision_id, version, agency_id, status, amount_recovered, note, reported_at, report_sha256)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [r.decisionId, r.version, r.agencyId, r.status, r.amountRecovered, r.note, r.reportedAt, r.reportSha256],
      );
      const moved = await tx.query(
        `INSERT INTO enforcement_status (decision_id, agency_id, version, status, amount_recovered, reported_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (decision_id) DO UPDATE SET agency_id = EXCLUDED.agency_id, version = EXCLUDED.version, status = EXCLUDED.status,
           amount_recovered = EXCLUDED.amount_recovered, reported_at = EXCLUDED.reported_at, updated_at = now()
         WHERE enforcement_status.version < EXCLUDED.version
         RETURNING decision_id`,
        [r.decisionId, r.agencyId, r.version, r.status, r.amountRecovered, r.reportedAt],
      );
      outcome = moved.rows.length === 1 ? 'applied' : 'stale';
      if (outcome === 'applied') {
        const ev = events(r);
        if (ev.length > 0) await appendOutbox(tx, ev);
      }
    }
    return { outcome, current: await currentStatus(tx, r.decisionId) };
  });
}

export async function currentStatus(db: Db, decisionId: string): Promise<StatusEntry | null> {
  return (await db.query<StatusEntry>(
    `SELECT s.version::int AS version, s.agency_id AS "agencyId", s.status, s.amount_recovered::text AS "amountRecovered", h.note,
       s.reported_at AS "reportedAt", h.received_at AS "receivedAt"
     FROM enforcement_status s JOIN enforcement_status_history h ON h.decision_id = s.decision_id AND h.version = s.version
     WHERE s.decision_id = $1`, [decisionId])).rows[0] ?? null;
}

/** The history, oldest version first. */
export async function statusHistory(db: Db, decisionId: string): Promise<StatusEntry[]> {
  return (await db.query<StatusEntry>(`SELECT ${HISTORY} FROM enforcement_status_history WHERE decision_id = $1 ORDER BY version`, [decisionId])).rows;
}
