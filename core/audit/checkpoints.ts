/**
 * Signed checkpoints (docs/security-model.md): every N events or T seconds the hub signs "the chain
 * with head seq S has hash H". Whoever can write the database can recompute an unkeyed hash
 * chain, but cannot forge the hub's signature: a checkpoint pins everything up to S, and is
 * what reveals a truncated tail.
 */
import { canonicalJson } from '../../signing/canonical-json';
import { HubError } from '../../contracts/hub';
import type { Db } from '../store/db';
import type { CheckpointRecord, CheckpointSigner } from './audit-types';

export const CHECKPOINT_KIND = 'court-hub/audit-checkpoint/v1';

/** The exact bytes the hub signs for a checkpoint. */
export function checkpointBytes(c: { seq: number; hash: string; at: Date }): Buffer {
  return Buffer.from(canonicalJson({ kind: CHECKPOINT_KIND, seq: c.seq, hash: c.hash, at: c.at.toISOString() }), 'utf8');
}

export async function readChainHead(db: Db): Promise<{ seq: number; hash: string }> {
  const r = await db.query<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_chain_head WHERE id = 1');
  return r.rows[0] ?? { seq: 0, hash: '' };
}

export async function loadCheckpoints(db: Db): Promise<CheckpointRecord[]> {
  return (await db.query<CheckpointRecord>('SELECT seq, hash, at, signature FROM audit_checkpoints ORDER BY seq')).rows;
}

/**
 * Signs and stores a checkpoint of the current head unless one already covers it. Several
 * nodes may do this at once: the primary key keeps one per seq, and either is as good.
 */
export async function writeCheckpoint(db: Db, sign: CheckpointSigner, now: Date = new Date()): Promise<CheckpointRecord | null> {
  const head = await readChainHead(db);
  if (head.seq === 0) return null;
  const latest = await db.query<{ seq: number }>('SELECT seq FROM audit_checkpoints ORDER BY seq DESC LIMIT 1');
  if ((latest.rows[0]?.seq ?? 0) >= head.seq) return null;
  const at = new Date(now.toISOString());
  let signature: Buffer;
  try {
    signature = Buffer.from(await sign(checkpointBytes({ seq: head.seq, hash: head.hash, at })));
  } catch {
    throw new HubError('HUB_ERR_AUDIT_CHECKPOINT_FAILED', { details: { step: 'sign', seq: head.seq } });
  }
  await db.query('INSERT INTO audit_checkpoints (seq, hash, at, signature) VALUES ($1, $2, $3, $4) ON CONFLICT (seq) DO NOTHING',
    [head.seq, head.hash, at, signature]);
  return { seq: head.seq, hash: head.hash, at, signature };
}
