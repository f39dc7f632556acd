/**
 * Shared by the audit tests: a throw-away hub signing key for checkpoints (generated per run,
 * never committed), an HMAC key, sample events, and the moves of someone tampering with the
 * trail with owner rights on the database.
 */
import { generateKeyPairSync, sign, verify } from 'node:crypto';
import type { AuditEventInput, AuditRecord, CheckpointSigner, CheckpointVerifier } from '../../../../core/audit/audit-types';
import { AUDIT_RECORD_COLUMNS, hashEvent, recordToChained } from '../../../../core/audit/event-hash';
import type { Store } from '../../../../core/store/db';
import { asDatabaseOwner } from '../../../support/db';

export const TEST_HMAC_KEY = Buffer.from('throw-away-test-hmac-key-0123456789', 'utf8');

const hubKey = generateKeyPairSync('ed25519');
export const signCheckpoint: CheckpointSigner = async (bytes) => sign(null, bytes, hubKey.privateKey);
export const verifyCheckpoint: CheckpointVerifier = async (bytes, sig) => verify(null, bytes, hubKey.publicKey, sig);

const otherKey = generateKeyPairSync('ed25519');
/** A signature by someone who is not the hub. */
export const forgeSignature = (bytes: Buffer): Buffer => sign(null, bytes, otherKey.privateKey);

export function sampleEvent(i: number, over: Partial<AuditEventInput> = {}): AuditEventInput {
  return {
    type: i % 3 === 0 ? 'order-received' : i % 3 === 1 ? 'order-authorized' : 'provider-call-ended',
    requestId: `req-${i}`,
    actor: '2JD4K7M',
    subject: { fin: '1AB2C3D' },
    caseNumber: '2(101)-1234/2026',
    categories: ['11.2.22'],
    outcome: i % 3 === 2 ? 'ok' : 'authorized',
    details: { provider: 'population', messageId: `msg-${i}` },
    ...over,
  };
}

export async function readRecord(store: Store, seq: number): Promise<AuditRecord> {
  const r = await store.query<AuditRecord>(`SELECT ${AUDIT_RECORD_COLUMNS} FROM audit_events WHERE seq = $1`, [seq]);
  if (!r.rows[0]) throw new Error(`no record #${seq}`);
  return r.rows[0];
}

/** Empties the trail (as the database owner) so a scenario starts from a fresh chain. */
export async function resetAudit(store: Store): Promise<void> {
  await asDatabaseOwner(store, async (tx) => {
    await tx.query('DELETE FROM audit_events');
    await tx.query('DELETE FROM audit_checkpoints');
    await tx.query(`UPDATE audit_chain_head SET seq = 0, hash = repeat('0', 64) WHERE id = 1`);
  });
}

/** Moves records #from.. up by `by` (primary key safe: via a far offset). */
export async function shiftUp(tx: Store, from: number, by: number): Promise<void> {
  await tx.query('UPDATE audit_events SET seq = seq + 1000000 WHERE seq >= $1', [from]);
  await tx.query('UPDATE audit_events SET seq = seq - 1000000 + $1 WHERE seq >= 1000000', [by]);
}

/** Recomputes the hash of every record from #from on, as a careful attacker would. */
export async function rehashFrom(tx: Store, from: number, opts: { relink: boolean; moveHead: boolean }): Promise<void> {
  const rows = (await tx.query<AuditRecord>(`SELECT ${AUDIT_RECORD_COLUMNS} FROM audit_events WHERE seq >= $1 ORDER BY seq`, [from])).rows;
  let prev = from > 1 ? (await tx.query<{ hash: string }>('SELECT hash FROM audit_events WHERE seq = $1', [from - 1])).rows[0].hash : '0'.repeat(64);
  for (const r of rows) {
    const prevHash = opts.relink ? prev : r.prevHash;
    const hash = hashEvent({ ...recordToChained(r), prevHash });
    await tx.query('UPDATE audit_events SET prev_hash = $2, hash = $3 WHERE seq = $1', [r.seq, prevHash, hash]);
    prev = hash;
    if (!opts.relink) break; // only the first record
  }
  if (opts.moveHead) {
    const last = (await tx.query<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1')).rows[0];
    await tx.query('UPDATE audit_chain_head SET seq = $1, hash = $2 WHERE id = 1', [last.seq, last.hash]);
  }
}
