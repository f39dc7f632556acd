/**
 * Judge-signed delegations (9.1.2): for one case, named staff may run identity verification
 * between valid_from and valid_until. The policy asks for the delegations that cover a clerk
 * on a case at a moment; revoked ones never do.
 */
import type { Db } from '../db';

export interface Delegation {
  id: string;
  caseNumber: string;
  judgeFin: string;
  staffFins: string[];
  validFrom: Date;
  validUntil: Date;
  /** The judge's detached CMS signature over the delegation document. */
  signature: Buffer;
  revokedAt: Date | null;
}

const COLUMNS = `id, case_number AS "caseNumber", judge_fin AS "judgeFin", staff_fins AS "staffFins", valid_from AS "validFrom",
  valid_until AS "validUntil", signature, revoked_at AS "revokedAt"`;

/** Registers a delegation; false when its id is already taken. */
export async function insertDelegation(db: Db, d: Omit<Delegation, 'revokedAt'>): Promise<boolean> {
  const r = await db.query(
    `INSERT INTO delegations (id, case_number, judge_fin, staff_fins, valid_from, valid_until, signature)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING RETURNING id`,
    [d.id, d.caseNumber, d.judgeFin, d.staffFins, d.validFrom, d.validUntil, d.signature],
  );
  return r.rows.length === 1;
}

export async function getDelegation(db: Db, id: string): Promise<Delegation | null> {
  return (await db.query<Delegation>(`SELECT ${COLUMNS} FROM delegations WHERE id = $1`, [id])).rows[0] ?? null;
}

/** Delegations of this case naming this clerk that are in force at `at`. */
export async function findDelegationsFor(db: Db, caseNumber: string, staffFin: string, at: Date): Promise<Delegation[]> {
  const r = await db.query<Delegation>(
    `SELECT ${COLUMNS} FROM delegations
     WHERE case_number = $1 AND $2 = ANY(staff_fins) AND valid_from <= $3 AND valid_until > $3 AND revoked_at IS NULL
     ORDER BY valid_from, id`,
    [caseNumber, staffFin, at],
  );
  return r.rows;
}

export async function revokeDelegation(db: Db, id: string): Promise<boolean> {
  const r = await db.query('UPDATE delegations SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id', [id]);
  return r.rows.length === 1;
}
