/** Courts: the id is the stable key the roster and cases refer to. */
import type { Db } from '../db';

export interface Court { id: string; nameAz: string; nameEn: string }

const COLUMNS = `id, name_az AS "nameAz", name_en AS "nameEn"`;

export async function upsertCourt(db: Db, c: Court): Promise<void> {
  await db.query(
    `INSERT INTO courts (id, name_az, name_en) VALUES ($1, $2, $3)
     ON CONFLICT (id) DO UPDATE SET name_az = EXCLUDED.name_az, name_en = EXCLUDED.name_en, updated_at = now()`,
    [c.id, c.nameAz, c.nameEn],
  );
}

export async function getCourt(db: Db, id: string): Promise<Court | null> {
  const r = await db.query<Court>(`SELECT ${COLUMNS} FROM courts WHERE id = $1`, [id]);
  return r.rows[0] ?? null;
}

export async function listCourts(db: Db): Promise<Court[]> {
  return (await db.query<Court>(`SELECT ${COLUMNS} FROM courts ORDER BY id`)).rows;
}
