/**
 * Court decisions. A lookup of bank, tax or commercial-secret data (11.1; basis 'decision' in
 * the catalog) must reference a decision of the same case, signed by a judge, that has entered
 * legal force: legal_force_at is set and not in the future.
 */
import type { Db } from '../db';

export type DecisionKind = 'judgment' | 'decision' | 'ruling' | 'sentence' | 'order';

export interface Decision {
  id: string;
  caseNumber: string;
  kind: DecisionKind;
  adoptedAt: Date;
  legalForceAt: Date | null;
  /** FIN of the judge who signed it. */
  signedBy: string;
  /** SHA-256 (hex) of the decision's signature, tying this row to the signed document. */
  signatureSha256: string;
}

const COLUMNS = `id, case_number AS "caseNumber", kind, adopted_at AS "adoptedAt", legal_force_at AS "legalForceAt",
  signed_by AS "signedBy", signature_sha256 AS "signatureSha256"`;

export async function upsertDecision(db: Db, d: Decision): Promise<void> {
  await db.query(
    `INSERT INTO decisions (id, case_number, kind, adopted_at, legal_force_at, signed_by, signature_sha256)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (id) DO UPDATE SET case_number = EXCLUDED.case_number, kind = EXCLUDED.kind, adopted_at = EXCLUDED.adopted_at,
       legal_force_at = EXCLUDED.legal_force_at, signed_by = EXCLUDED.signed_by, signature_sha256 = EXCLUDED.signature_sha256`,
    [d.id, d.caseNumber, d.kind, d.adoptedAt, d.legalForceAt, d.signedBy, d.signatureSha256],
  );
}

export async function getDecision(db: Db, id: string): Promise<Decision | null> {
  return (await db.query<Decision>(`SELECT ${COLUMNS} FROM decisions WHERE id = $1`, [id])).rows[0] ?? null;
}

export async function listDecisions(db: Db, caseNumber: string): Promise<Decision[]> {
  return (await db.query<Decision>(`SELECT ${COLUMNS} FROM decisions WHERE case_number = $1 ORDER BY adopted_at, id`, [caseNumber])).rows;
}

export async function setLegalForce(db: Db, id: string, at: Date): Promise<boolean> {
  const r = await db.query('UPDATE decisions SET legal_force_at = $2 WHERE id = $1 RETURNING id', [id, at]);
  return r.rows.length === 1;
}

/** Whether the decision had entered legal force at `at`. */
export function isInLegalForce(d: Pick<Decision, 'legalForceAt'>, at: Date): boolean {
  return d.legalForceAt !== null && d.legalForceAt.getTime() <= at.getTime();
}
