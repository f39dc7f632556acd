/**
 * Cases and their parties. The authorization policy asks: is this judge assigned, is the case
 * open, is the subject a party of it (docs/security-model.md §4). Parties are replaced as a whole when the
 * case-management system sends the case again.
 */
import { HubError } from '../../../contracts/hub';
import type { Subject } from '../../../contracts/hub/lookup-types';
import type { Db } from '../db';

export type CaseKind = 'civil' | 'commercial' | 'administrative' | 'criminal';
export type CaseStatus = 'open' | 'closed';
export type PartyRole = 'plaintiff' | 'defendant' | 'third-party' | 'accused' | 'victim';

export interface Party { fin?: string; voen?: string; name: string; role: PartyRole }

export interface CourtCase {
  number: string;
  courtId: string;
  kind: CaseKind;
  status: CaseStatus;
  judgeFin: string | null;
  parties: Party[];
}

/** Case numbers as courts write them: `2(101)-1234/2026`, `2-1(103)-455/2026`. */
export const CASE_NUMBER_PATTERN = /^\d+(-\d+)?\(\d+\)-\d+\/\d{4}$/;

interface CaseRow { number: string; courtId: string; kind: CaseKind; status: CaseStatus; judgeFin: string | null }
interface PartyRow { caseNumber: string; fin: string | null; voen: string | null; name: string; role: PartyRole }

function toParty(r: PartyRow): Party {
  return { ...(r.fin ? { fin: r.fin } : { voen: r.voen as string }), name: r.name, role: r.role };
}

export async function upsertCase(db: Db, c: Omit<CourtCase, 'judgeFin'> & { judgeFin?: string | null }): Promise<void> {
  if (!CASE_NUMBER_PATTERN.test(c.number)) {
    throw new HubError('HUB_ERR_VALIDATION_BAD_REQUEST', { origin: 'client', details: { field: 'number', rule: 'case number format' } });
  }
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO cases (number, court_id, kind, status, judge_fin) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (number) DO UPDATE SET court_id = EXCLUDED.court_id, kind = EXCLUDED.kind, status = EXCLUDED.status,
         judge_fin = EXCLUDED.judge_fin, updated_at = now()`,
      [c.number, c.courtId, c.kind, c.status, c.judgeFin ?? null],
    );
    await tx.query('DELETE FROM parties WHERE case_number = $1', [c.number]);
    for (const p of c.parties) {
      await tx.query('INSERT INTO parties (case_number, fin, voen, name, role) VALUES ($1, $2, $3, $4, $5)',
        [c.number, p.fin ?? null, p.voen ?? null, p.name, p.role]);
    }
  });
}

export async function getCase(db: Db, number: string): Promise<CourtCase | null> {
  const c = await db.query<CaseRow>(
    `SELECT number, court_id AS "courtId", kind, status, judge_fin AS "judgeFin" FROM cases WHERE number = $1`, [number]);
  if (c.rows.length === 0) return null;
  const p = await db.query<PartyRow>(
    `SELECT case_number AS "caseNumber", fin, voen, name, role FROM parties WHERE case_number = $1 ORDER BY id`, [number]);
  return { ...c.rows[0], parties: p.rows.map(toParty) };
}

export async function listCasesOfJudge(db: Db, judgeFin: string): Promise<CaseRow[]> {
  return (await db.query<CaseRow>(
    `SELECT number, court_id AS "courtId", kind, status, judge_fin AS "judgeFin" FROM cases WHERE judge_fin = $1 ORDER BY number`,
    [judgeFin])).rows;
}

export async function setCaseStatus(db: Db, number: string, status: CaseStatus): Promise<boolean> {
  const r = await db.query('UPDATE cases SET status = $2, updated_at = now() WHERE number = $1 RETURNING number', [number, status]);
  return r.rows.length === 1;
}

export async function assignJudge(db: Db, number: string, judgeFin: string): Promise<boolean> {
  const r = await db.query('UPDATE cases SET judge_fin = $2, updated_at = now() WHERE number = $1 RETURNING number', [number, judgeFin]);
  return r.rows.length === 1;
}

/** The party of the case that the subject (FIN or VÖEN) names, or null when it names none. */
export async function findParty(db: Db, caseNumber: string, subject: Subject): Promise<Party | null> {
  const r = 'fin' in subject
    ? await db.query<PartyRow>(`SELECT case_number AS "caseNumber", fin, voen, name, role FROM parties WHERE case_number = $1 AND fin = $2`, [caseNumber, subject.fin])
    : await db.query<PartyRow>(`SELECT case_number AS "caseNumber", fin, voen, name, role FROM parties WHERE case_number = $1 AND voen = $2`, [caseNumber, subject.voen]);
  return r.rows[0] ? toParty(r.rows[0]) : null;
}
