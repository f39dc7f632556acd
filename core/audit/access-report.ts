/**
 * 13.3: a person (or company) may see who looked up their data, when, and under which case.
 * Built from the audit chain alone: the subject is found by its keyed hash, the acting judge or
 * clerk by hashing every roster FIN with the same key (the roster is small; the trail never
 * held the FIN in the clear).
 */
import type { Subject } from '../../contracts/hub/lookup-types';
import type { Db } from '../store/db';
import { displayName, type Person } from '../store/repositories/roster';
import { identifierHmac, type HmacKey } from './identifiers';

export interface AccessReportLine {
  at: Date;
  /** The court's name (az); the case's court, else the actor's. */
  court: string;
  courtId: string | null;
  judgeFin?: string;
  /** The judge (or, for an identity check, the clerk) who acted; "unknown" if not on the roster. */
  judgeName: string;
  actorRole: 'judge' | 'staff' | 'operator' | 'unknown';
  caseNumber: string | null;
  categories: string[];
  /** 'authorized', 'refused', or the identity check's outcome. */
  outcome: string;
  kind: 'lookup' | 'identity-verification';
}

/** Events that mean "someone asked for this person's data" (refused attempts included). */
const REPORTED_TYPES = ['order-authorized', 'order-refused', 'identity-verified'];

interface Row { at: Date; type: string; actorHmac: string | null; caseNumber: string | null; categories: string[]; outcome: string; caseCourt: string | null }

export async function accessReport(db: Db, hmacKey: HmacKey, subject: Subject): Promise<AccessReportLine[]> {
  const rows = (await db.query<Row>(
    `SELECT e.at, e.type, e.actor_hmac AS "actorHmac", e.case_number AS "caseNumber", e.categories, e.outcome, c.court_id AS "caseCourt"
     FROM audit_events e LEFT JOIN cases c ON c.number = e.case_number
     WHERE e.subject_hmac = $1 AND e.type = ANY($2::text[]) ORDER BY e.seq`,
    [identifierHmac(hmacKey, subject), REPORTED_TYPES])).rows;
  if (rows.length === 0) return [];

  const people = (await db.query<Person>(
    `SELECT fin, surname, given_name AS "givenName", patronymic, role, court_id AS "courtId" FROM persons`)).rows;
  const byHmac = new Map(people.map((p) => [identifierHmac(hmacKey, { fin: p.fin }), p]));
  const courts = new Map((await db.query<{ id: string; nameAz: string }>('SELECT id, name_az AS "nameAz" FROM courts')).rows.map((c) => [c.id, c.nameAz]));

  return rows.map((r) => {
    const who = r.actorHmac ? byHmac.get(r.actorHmac) : undefined;
    const courtId = r.caseCourt ?? who?.courtId ?? null;
    return {
      at: r.at,
      court: courtId ? courts.get(courtId) ?? courtId : 'unknown',
      courtId,
      ...(who ? { judgeFin: who.fin } : {}),
      judgeName: who ? displayName(who) : 'unknown',
      actorRole: who?.role ?? 'unknown',
      caseNumber: r.caseNumber,
      categories: r.categories,
      outcome: r.outcome,
      kind: r.type === 'identity-verified' ? 'identity-verification' : 'lookup',
    };
  });
}
