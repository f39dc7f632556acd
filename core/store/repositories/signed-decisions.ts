/**
 * Decisions registered through the hub as signed documents (004), their addressees, their entry
 * into legal force (with the outbox events, in one transaction) and the agencies' feed.
 */
import type { DecisionDocument, InForceDocument } from '../../decisions/decision.types';
import type { Db } from '../db';
import { appendOutbox, type OutboxEventInput } from './outbox';

export interface SignedDecisionInput {
  document: DecisionDocument;
  /** DER of the judge's detached CMS over the document's canonical bytes. */
  signature: Buffer;
  signatureSha256: string;
  signedBy: string;
}

export interface AddresseeRow { agencyId: string; actions: string[] }

export interface SignedDecision {
  id: string;
  caseNumber: string;
  courtId: string | null;
  kind: string;
  adoptedAt: Date;
  legalForceAt: Date | null;
  signedBy: string;
  signatureSha256: string;
  toEnforce: boolean;
  registeredAt: Date;
  document: DecisionDocument | null;
  signature: Buffer | null;
  inForceDocument: InForceDocument | null;
  inForceSignature: Buffer | null;
  inForceBy: string | null;
  /** The hub's CMS over the attestation of legal force. */
  attestation: Buffer | null;
  feedSeq: number | null;
  addressees: AddresseeRow[];
}

const COLUMNS = `d.id, d.case_number AS "caseNumber", d.court_id AS "courtId", d.kind, d.adopted_at AS "adoptedAt",
  d.legal_force_at AS "legalForceAt", d.signed_by AS "signedBy", d.signature_sha256 AS "signatureSha256", d.to_enforce AS "toEnforce",
  d.registered_at AS "registeredAt", d.document, d.signature, d.in_force_document AS "inForceDocument",
  d.in_force_signature AS "inForceSignature", d.in_force_by AS "inForceBy", d.attestation, d.feed_seq::int AS "feedSeq",
  coalesce((SELECT jsonb_agg(jsonb_build_object('agencyId', a.agency_id, 'actions', a.actions) ORDER BY a.agency_id)
            FROM decision_addressees a WHERE a.decision_id = d.id), '[]'::jsonb) AS addressees`;

/** Registers a signed decision with its addressees; false when its id is already taken. */
export async function insertSignedDecision(db: Db, d: SignedDecisionInput): Promise<boolean> {
  const doc = d.document;
  return db.transaction(async (tx) => {
    const r = await tx.query(
      `INSERT INTO decisions (id, case_number, court_id, kind, adopted_at, signed_by, signature_sha256, document, signature, to_enforce)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10) ON CONFLICT (id) DO NOTHING RETURNING id`,
      [doc.decisionId, doc.caseNumber, doc.courtId, doc.kind, new Date(doc.adoptedAt), d.signedBy, d.signatureSha256, JSON.stringify(doc), d.signature, doc.toEnforce],
    );
    if (r.rows.length === 0) return false;
    for (const a of doc.addressees) {
      await tx.query('INSERT INTO decision_addressees (decision_id, agency_id, actions) VALUES ($1, $2, $3)', [doc.decisionId, a.agencyId, a.actions]);
    }
    return true;
  });
}

export async function getSignedDecision(db: Db, id: string): Promise<SignedDecision | null> {
  return (await db.query<SignedDecision>(`SELECT ${COLUMNS} FROM decisions d WHERE d.id = $1`, [id])).rows[0] ?? null;
}

export interface LegalForceInput {
  decisionId: string;
  legalForceAt: Date;
  document: InForceDocument;
  signature: Buffer;
  by: string;
  attestation: Buffer;
}

/**
 * Enters the decision into legal force and appends `events(decision)` to the outbox, in one
 * transaction. `already`: it was in force before (nothing changes); `missing`: no such decision.
 */
export async function enterLegalForce(db: Db, f: LegalForceInput, events: (d: SignedDecision) => OutboxEventInput[]): Promise<{ outcome: 'entered' | 'already' | 'missing'; decision: SignedDecision | null; events: { eventId: string; agencyId: string; seq: number }[] }> {
  return db.transaction(async (tx) => {
    const locked = (await tx.query<{ legalForceAt: Date | null }>('SELECT legal_force_at AS "legalForceAt" FROM decisions WHERE id = $1 FOR UPDATE', [f.decisionId])).rows[0];
    if (!locked) return { outcome: 'missing', decision: null, events: [] };
    if (locked.legalForceAt !== null) return { outcome: 'already', decision: await getSignedDecision(tx, f.decisionId), events: [] };
    await tx.query(
      `UPDATE decisions SET legal_force_at = $2, in_force_document = $3::jsonb, in_force_signature = $4, in_force_by = $5, attestation = $6,
         feed_seq = nextval('decision_feed_seq') WHERE id = $1`,
      [f.decisionId, f.legalForceAt, JSON.stringify(f.document), f.signature, f.by, f.attestation],
    );
    const decision = (await getSignedDecision(tx, f.decisionId)) as SignedDecision;
    const ev = events(decision);
    const written = ev.length > 0 ? await appendOutbox(tx, ev) : [];
    return { outcome: 'entered', decision, events: written };
  });
}

/**
 * The agency's feed: decisions in legal force after the cursor (feed_seq), oldest first, that
 * address the agency — or, for the enforcement service (6.1.19), that are to be enforced.
 */
export async function decisionsForAgency(db: Db, agencyId: string, o: { after: number; limit: number; enforcement: boolean }): Promise<SignedDecision[]> {
  return (await db.query<SignedDecision>(
    `SELECT ${COLUMNS} FROM decisions d
     WHERE d.feed_seq > $2 AND d.legal_force_at IS NOT NULL
       AND (EXISTS (SELECT 1 FROM decision_addressees a WHERE a.decision_id = d.id AND a.agency_id = $1) OR ($3 AND d.to_enforce))
     ORDER BY d.feed_seq LIMIT $4`,
    [agencyId, o.after, o.enforcement, o.limit],
  )).rows;
}

/** Whether the decision addresses the agency (or, for the enforcement service, is to be enforced). */
export function addresses(d: Pick<SignedDecision, 'addressees' | 'toEnforce'>, agencyId: string, enforcement: boolean): boolean {
  return d.addressees.some((a) => a.agencyId === agencyId) || (enforcement && d.toEnforce);
}
