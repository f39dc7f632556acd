/**
 * The schema is brought up to date at start-up, the same way on every start.
 */
import { HubError } from '../../../../contracts/hub';
import { migrate } from '../../../../core/store/migrate';
import { MIGRATIONS } from '../../../../core/store/migrations';
import { freshStore, type TestStore } from '../../../support/db';

describe('migrations', () => {
  let t: TestStore;
  beforeAll(async () => { t = await freshStore(); });
  afterAll(async () => { await t?.drop(); });

  it('The hub starts again on a database it already migrated. Result: nothing is applied twice, every version recorded once', async () => {
    expect(await migrate(t.store)).toEqual({ applied: [] });
    const v = await t.store.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(v.rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('Someone edited a migration that was already applied. Result: start-up stops with HUB_ERR_STORE_MIGRATION_MISMATCH', async () => {
    const edited = MIGRATIONS.map((m) => (m.version === 1 ? { ...m, statements: [...m.statements, 'SELECT 1'] } : m));
    const err = await migrate(t.store, edited).catch((e: unknown) => e);
    expect(HubError.is(err, 'HUB_ERR_STORE_MIGRATION_MISMATCH')).toBe(true);
  });

  it('A new migration ships. Result: only it is applied, inside the same start-up transaction', async () => {
    const next = { version: 999, name: 'probe', statements: ['CREATE TABLE probe_999 (id int)'] };
    expect(await migrate(t.store, [...MIGRATIONS, next])).toEqual({ applied: [999] });
    expect(await migrate(t.store, [...MIGRATIONS, next])).toEqual({ applied: [] });
  });

  it('A migration fails half-way. Result: none of its statements stay applied', async () => {
    const bad = { version: 1000, name: 'broken', statements: ['CREATE TABLE probe_1000 (id int)', 'SELECT no_such_function()'] };
    await expect(migrate(t.store, [...MIGRATIONS, bad])).rejects.toBeInstanceOf(HubError);
    const r = await t.store.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'probe_1000'`);
    expect(r.rows).toHaveLength(0);
  });

  it('Both stores give rows the same JS types. Result: int8 number, bytea Buffer, timestamptz Date, text[] array, jsonb object', async () => {
    const r = await t.store.query<Record<string, unknown>>(
      `SELECT 42::int8 AS n, '\\x0102'::bytea AS b, now() AS t, ARRAY['a','b']::text[] AS a, '{"k":[1]}'::jsonb AS j, $1::bytea AS p`,
      [Buffer.from([7, 8])]);
    const row = r.rows[0];
    expect(row.n).toBe(42);
    expect(Buffer.isBuffer(row.b) && (row.b as Buffer).equals(Buffer.from([1, 2]))).toBe(true);
    expect(row.t).toBeInstanceOf(Date);
    expect(row.a).toEqual(['a', 'b']);
    expect(row.j).toEqual({ k: [1] });
    expect(Buffer.isBuffer(row.p) && (row.p as Buffer).equals(Buffer.from([7, 8]))).toBe(true);
  });

  it('A transaction throws half-way. Result: its writes are rolled back and the caller sees its own error', async () => {
    await t.store.query(`INSERT INTO courts (id, name_az, name_en) VALUES ('TX-PROBE', 'a', 'b') ON CONFLICT DO NOTHING`);
    const boom = new Error('boom');
    await expect(t.store.transaction(async (tx) => {
      await tx.query(`UPDATE courts SET name_en = 'changed' WHERE id = 'TX-PROBE'`);
      throw boom;
    })).rejects.toBe(boom);
    const r = await t.store.query<{ nameEn: string }>(`SELECT name_en AS "nameEn" FROM courts WHERE id = 'TX-PROBE'`);
    expect(r.rows[0].nameEn).toBe('b');
  });
});
