/**
 * The roster: judges, court staff and operators, with the certificate each signs with.
 * 9.2.5: access ends when a person leaves — they are deactivated (active = false), never
 * deleted, so past audit records still name them. The authorization policy reads `active`.
 */
import type { Db } from '../db';

export type PersonRole = 'judge' | 'staff' | 'operator';

export interface Person {
  fin: string;
  surname: string;
  givenName: string;
  patronymic: string;
  role: PersonRole;
  courtId: string | null;
  active: boolean;
  deactivatedAt: Date | null;
  /** SHA-256 of the DER certificate, lower-case hex; null until the PKI binds one. */
  certSha256: string | null;
  certIssuer: string | null;
  certSerial: string | null;
}

export interface PersonInput {
  fin: string;
  surname: string;
  givenName: string;
  patronymic?: string;
  role: PersonRole;
  courtId?: string | null;
  active?: boolean;
}

const COLUMNS = `fin, surname, given_name AS "givenName", patronymic, role, court_id AS "courtId", active,
  deactivated_at AS "deactivatedAt", cert_sha256 AS "certSha256", cert_issuer AS "certIssuer", cert_serial AS "certSerial"`;

/** Creates or updates a person's descriptive fields; an existing certificate binding is kept. */
export async function upsertPerson(db: Db, p: PersonInput): Promise<void> {
  const active = p.active ?? true;
  await db.query(
    `INSERT INTO persons (fin, surname, given_name, patronymic, role, court_id, active, deactivated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, CASE WHEN $7 THEN NULL ELSE now() END)
     ON CONFLICT (fin) DO UPDATE SET surname = EXCLUDED.surname, given_name = EXCLUDED.given_name,
       patronymic = EXCLUDED.patronymic, role = EXCLUDED.role, court_id = EXCLUDED.court_id, active = EXCLUDED.active,
       deactivated_at = CASE WHEN EXCLUDED.active THEN NULL ELSE coalesce(persons.deactivated_at, now()) END,
       updated_at = now()`,
    [p.fin, p.surname, p.givenName, p.patronymic ?? '', p.role, p.courtId ?? null, active],
  );
}

export async function getPerson(db: Db, fin: string): Promise<Person | null> {
  return (await db.query<Person>(`SELECT ${COLUMNS} FROM persons WHERE fin = $1`, [fin])).rows[0] ?? null;
}

export async function listPersons(db: Db, filter: { role?: PersonRole; courtId?: string } = {}): Promise<Person[]> {
  const r = await db.query<Person>(
    `SELECT ${COLUMNS} FROM persons WHERE ($1::text IS NULL OR role = $1) AND ($2::text IS NULL OR court_id = $2) ORDER BY fin`,
    [filter.role ?? null, filter.courtId ?? null],
  );
  return r.rows;
}

/** 9.2.5: deactivating ends access at once; reactivating clears the leaving date. */
export async function setPersonActive(db: Db, fin: string, active: boolean): Promise<boolean> {
  const r = await db.query(
    `UPDATE persons SET active = $2, deactivated_at = CASE WHEN $2 THEN NULL ELSE coalesce(deactivated_at, now()) END,
       updated_at = now() WHERE fin = $1 RETURNING fin`,
    [fin, active],
  );
  return r.rows.length === 1;
}

/** "AB:CD:…" or "abcd…" → "abcd…". */
export function normalizeFingerprint(fp: string): string {
  return fp.replace(/[:\s]/g, '').toLowerCase();
}

/**
 * Binds a certificate to a person (filled by the PKI init, or when a certificate is renewed).
 * Returns false when no such person exists. A fingerprint bound to someone else is refused by
 * the unique constraint (HUB_ERR_STORE_FAILED, sqlState 23505).
 */
export async function bindCertificate(db: Db, fin: string, fingerprint: string, issuerSerial?: { issuer: string; serial: string }): Promise<boolean> {
  const fp = normalizeFingerprint(fingerprint);
  const r = await db.query(
    `UPDATE persons SET cert_sha256 = $2, cert_issuer = $3, cert_serial = $4, cert_bound_at = now(), updated_at = now()
     WHERE fin = $1 RETURNING fin`,
    [fin, fp, issuerSerial?.issuer ?? null, issuerSerial ? issuerSerial.serial.toLowerCase() : null],
  );
  return r.rows.length === 1;
}

export async function findPersonByCertificate(db: Db, cert: { sha256: string } | { issuer: string; serial: string }): Promise<Person | null> {
  const r = 'sha256' in cert
    ? await db.query<Person>(`SELECT ${COLUMNS} FROM persons WHERE cert_sha256 = $1`, [normalizeFingerprint(cert.sha256)])
    : await db.query<Person>(`SELECT ${COLUMNS} FROM persons WHERE cert_issuer = $1 AND cert_serial = $2`, [cert.issuer, cert.serial.toLowerCase()]);
  return r.rows[0] ?? null;
}

export function displayName(p: Pick<Person, 'surname' | 'givenName' | 'patronymic'>): string {
  return [p.surname, p.givenName, p.patronymic].filter((s) => s).join(' ');
}
