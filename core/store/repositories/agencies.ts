/** The agencies directory as the store holds it (004): loaded from agencies/directory.json at start-up. */
import type { Agency, AgencyRules } from '../../../agencies/directory.types';
import type { Db } from '../db';

const COLUMNS = `id, member_id AS "memberId", cert_sha256 AS "certSha256", callback_url AS "callbackUrl", rules, active`;

/** Makes the table say what the directory says: listed agencies upserted, others deactivated. */
export async function syncAgencies(db: Db, agencies: readonly Omit<Agency, 'active'>[]): Promise<void> {
  await db.transaction(async (tx) => {
    for (const a of agencies) {
      await tx.query(
        `INSERT INTO agencies (id, member_id, cert_sha256, callback_url, rules, active) VALUES ($1, $2, $3, $4, $5::jsonb, true)
         ON CONFLICT (id) DO UPDATE SET member_id = EXCLUDED.member_id, cert_sha256 = EXCLUDED.cert_sha256,
           callback_url = EXCLUDED.callback_url, rules = EXCLUDED.rules, active = true, updated_at = now()`,
        [a.id, a.memberId, a.certSha256.toLowerCase(), a.callbackUrl, JSON.stringify(a.rules)],
      );
    }
    await tx.query('UPDATE agencies SET active = false, updated_at = now() WHERE NOT (id = ANY($1::text[])) AND active', [agencies.map((a) => a.id)]);
  });
}

export async function getAgency(db: Db, id: string): Promise<Agency | null> {
  return (await db.query<Agency>(`SELECT ${COLUMNS} FROM agencies WHERE id = $1`, [id])).rows[0] ?? null;
}

export async function getAgencyByMember(db: Db, memberId: string): Promise<Agency | null> {
  return (await db.query<Agency>(`SELECT ${COLUMNS} FROM agencies WHERE member_id = $1`, [memberId])).rows[0] ?? null;
}

export async function listAgencies(db: Db): Promise<Agency[]> {
  return (await db.query<Agency>(`SELECT ${COLUMNS} FROM agencies ORDER BY id`)).rows;
}

export type { Agency, AgencyRules };
