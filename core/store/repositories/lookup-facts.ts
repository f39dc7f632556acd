/**
 * Everything the lookup policy reads from the store, in ONE round trip (the judge's hot path, with
 * the order's admission: admitWithFacts):
 * the signer's roster entry, the case with its parties, and the referenced decision. Each part is
 * read exactly as the single-aggregate repositories read it; only the transport is merged.
 */
import type { Db } from '../db';
import { prepared } from '../prepared';
import { ADMISSION_COLUMNS, admissionCtes, admissionParams, type OrderAdmission } from './orders';
import type { CourtCase } from './cases';
import type { Decision } from './decisions';
import type { Person } from './roster';

export interface LookupFacts {
  person: Person | null;
  courtCase: CourtCase | null;
  decision: Decision | null;
}

const FACTS = `
  (SELECT row_to_json(p) FROM (SELECT fin, surname, given_name AS "givenName", patronymic, role, court_id AS "courtId", active,
     deactivated_at AS "deactivatedAt", cert_sha256 AS "certSha256", cert_issuer AS "certIssuer", cert_serial AS "certSerial"
     FROM persons WHERE fin = $1) p) AS person,
  (SELECT row_to_json(c) FROM (SELECT number, court_id AS "courtId", kind, status, judge_fin AS "judgeFin"
     FROM cases WHERE number = $2) c) AS "case",
  (SELECT coalesce(json_agg(json_build_object('fin', fin, 'voen', voen, 'name', name, 'role', role) ORDER BY id), '[]'::json)
     FROM parties WHERE case_number = $2) AS parties,
  (SELECT row_to_json(d) FROM (SELECT id, case_number AS "caseNumber", kind, adopted_at AS "adoptedAt", legal_force_at AS "legalForceAt",
     signed_by AS "signedBy", signature_sha256 AS "signatureSha256" FROM decisions WHERE id = $3) d) AS decision`;
const SQL = `SELECT ${FACTS}`;
const ADMIT_WITH_FACTS_SQL = prepared(`WITH ${admissionCtes(4)} SELECT ${ADMISSION_COLUMNS}, ${FACTS}`);

const date = (v: unknown): Date | null => (v === null || v === undefined ? null : new Date(v as string));
const json = (v: unknown): any => (typeof v === 'string' ? JSON.parse(v) : v);

type FactsRow = { person: unknown; case: unknown; parties: unknown; decision: unknown };

export async function lookupFacts(db: Db, fin: string | null, caseNumber: string, decisionId: string | null): Promise<LookupFacts> {
  return factsOf((await db.query<FactsRow>(SQL, [fin, caseNumber, decisionId])).rows[0]);
}

/**
 * The lookup's admission (orders.ts admitOrder: the nonce claimed, the order recorded) and its
 * facts in ONE statement: one round trip and one commit before the policy decides. The facts are
 * read from the statement's snapshot, exactly as lookupFacts reads them.
 */
export async function admitWithFacts(db: Db, fin: string | null, caseNumber: string, decisionId: string | null, nonce: string, nonceExpiresAt: Date, o: OrderAdmission):
Promise<{ facts: LookupFacts; nonceFresh: boolean; orderIdFresh: boolean }> {
  const row = (await db.query<FactsRow & { nonce: number; ord: number }>(ADMIT_WITH_FACTS_SQL,
    [fin, caseNumber, decisionId, ...admissionParams(nonce, nonceExpiresAt, o)])).rows[0];
  return { facts: factsOf(row), nonceFresh: row?.nonce === 1, orderIdFresh: row?.ord === 1 };
}

/** lookupFacts with the facts generation they were read at, for a node to keep them (core/court/facts-cache.ts). */
export async function lookupFactsAt(db: Db, fin: string | null, caseNumber: string, decisionId: string | null): Promise<{ facts: LookupFacts; generation: number }> {
  const row = (await db.query<FactsRow & { generation: number }>(FACTS_AT_SQL, [fin, caseNumber, decisionId])).rows[0];
  return { facts: factsOf(row), generation: Number(row?.generation) };
}

/** identityFacts without the nonce, with the facts generation they were read at. */
export async function identityFactsAt(db: Db, fin: string | null, caseNumber: string): Promise<{ facts: LookupFacts; delegations: DelegationRow[]; generation: number }> {
  const row = (await db.query<FactsRow & { delegations: unknown; generation: number }>(IDENTITY_FACTS_AT_SQL, [fin, caseNumber, null])).rows[0];
  return { facts: factsOf(row), delegations: delegationsOf(row?.delegations), generation: Number(row?.generation) };
}

function factsOf(row: FactsRow | undefined): LookupFacts {
  const p = json(row?.person);
  const c = json(row?.case);
  const d = json(row?.decision);
  const parties = (json(row?.parties) ?? []) as { fin: string | null; voen: string | null; name: string; role: string }[];
  return {
    person: p ? { ...p, deactivatedAt: date(p.deactivatedAt) } : null,
    courtCase: c ? { ...c, parties: parties.map((x) => ({ ...(x.fin ? { fin: x.fin } : { voen: x.voen as string }), name: x.name, role: x.role })) } as CourtCase : null,
    decision: d ? { ...d, adoptedAt: date(d.adoptedAt) as Date, legalForceAt: date(d.legalForceAt) } : null,
  };
}

const DELEGATIONS = `
    (SELECT coalesce(json_agg(json_build_object('id', id, 'caseNumber', case_number, 'judgeFin', judge_fin, 'staffFins', staff_fins,
       'validFrom', valid_from, 'validUntil', valid_until, 'revokedAt', revoked_at) ORDER BY valid_from, id), '[]'::json)
     FROM delegations WHERE case_number = $2 AND $1 = ANY(staff_fins)) AS delegations`;
const IDENTITY_FACTS_SQL = prepared(`WITH n AS (INSERT INTO seen_nonces (nonce, expires_at) VALUES ($4, $5) ON CONFLICT (nonce) DO NOTHING RETURNING nonce)
  SELECT (SELECT count(*) FROM n)::int AS nonce, ${FACTS}, ${DELEGATIONS}`);

/** The count of changes to the facts (migrations/010), read in the same snapshot as the facts. */
const GENERATION = '(SELECT n FROM facts_generation WHERE id = 1) AS generation';
const FACTS_AT_SQL = prepared(`SELECT ${FACTS}, ${GENERATION}`);
const IDENTITY_FACTS_AT_SQL = prepared(`SELECT ${FACTS}, ${DELEGATIONS}, ${GENERATION}`);

export interface DelegationRow {
  id: string;
  caseNumber: string;
  judgeFin: string;
  staffFins: string[];
  validFrom: Date;
  validUntil: Date;
  revokedAt: Date | null;
}

/**
 * A clerk's identity check (statute 9.1.2) in ONE statement: the request's nonce claimed
 * (nonces.ts claimNonce: of any number of concurrent claims on any nodes exactly one wins), the
 * clerk's roster entry, the case with its parties and the clerk's delegations in the case, read
 * as lookupFacts and the delegations' repository read them.
 */
export async function identityFacts(db: Db, fin: string | null, caseNumber: string, nonce: string, nonceExpiresAt: Date):
Promise<{ facts: LookupFacts; delegations: DelegationRow[]; nonceFresh: boolean }> {
  const row = (await db.query<FactsRow & { nonce: number; delegations: unknown }>(IDENTITY_FACTS_SQL,
    [fin, caseNumber, null, nonce, nonceExpiresAt])).rows[0];
  return { facts: factsOf(row), delegations: delegationsOf(row?.delegations), nonceFresh: row?.nonce === 1 };
}

function delegationsOf(v: unknown): DelegationRow[] {
  return ((json(v) ?? []) as (Omit<DelegationRow, 'validFrom' | 'validUntil' | 'revokedAt'> & Record<'validFrom' | 'validUntil' | 'revokedAt', string | null>)[])
    .map((d) => ({ ...d, validFrom: date(d.validFrom) as Date, validUntil: date(d.validUntil) as Date, revokedAt: date(d.revokedAt) }));
}
