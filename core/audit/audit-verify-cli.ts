/**
 * `court-hub audit verify`, ready for the CLI in bus/ to wire: it supplies the store and the
 * checkpoint verifier (the hub certificate's public key) and the output streams.
 * Exit codes: 0 the chain verifies and its invariants hold, 1 it was tampered with or an
 * invariant is broken (the first order that breaks one is named), 2 bad usage or it could not be read.
 */
import { HubError } from '../../contracts/hub';
import type { Db } from '../store/db';
import type { CheckpointVerifier } from './audit-types';
import { verifyAuditChain } from './verify-chain';

export interface AuditVerifyIo {
  openDb(): Promise<Db>;
  verifyCheckpoint: CheckpointVerifier;
  stdout(line: string): void;
  stderr(line: string): void;
}

const USAGE = 'usage: court-hub audit verify [--json]';

export async function runAuditVerify(argv: readonly string[], io: AuditVerifyIo): Promise<number> {
  const json = argv.includes('--json');
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(USAGE);
    return 0;
  }
  const unknown = argv.filter((a) => a !== '--json');
  if (unknown.length > 0) {
    io.stderr(`unknown argument: ${unknown[0]}`);
    io.stderr(USAGE);
    return 2;
  }
  let db: Db | undefined;
  try {
    db = await io.openDb();
    const r = await verifyAuditChain(db, { verifyCheckpoint: io.verifyCheckpoint });
    if (json) {
      io.stdout(JSON.stringify(r));
    } else if (r.ok) {
      io.stdout(`audit chain OK: ${r.checked} records verified, head #${r.headSeq}`);
      io.stdout(r.checkpointSeq === null
        ? 'warning: no signed checkpoint yet; the chain alone cannot reveal a re-hashed or truncated tail'
        : `latest signed checkpoint #${r.checkpointSeq}${r.checkpointSeq < r.headSeq ? `; records after it are covered by the chain only` : ''}`);
      if (r.invariants) {
        io.stdout(`invariants OK: ${r.invariants.callsStarted} provider calls started, all ended but ${r.invariants.callsOpen} in flight; ${r.invariants.packets} evidence packets, each issued in the chain`);
      }
    } else if (r.invariantBreak) {
      const b = r.invariantBreak;
      io.stdout(`audit invariant BROKEN${b.orderId ? ` by order ${b.orderId}` : b.requestId ? ` by request ${b.requestId}` : ''}: ${b.problem}`);
      io.stdout(b.detail);
      io.stdout(`the chain itself verified: ${r.checked} records`);
    } else if (r.firstBad) {
      io.stdout(`audit chain BROKEN at record #${r.firstBad.seq}: ${r.firstBad.problem}`);
      io.stdout(r.firstBad.detail);
      io.stdout(`${r.checked} records before it verified`);
    }
    return r.ok ? 0 : 1;
  } catch (err) {
    const code = HubError.is(err) ? err.code : 'HUB_ERR_SYSTEM_INTERNAL';
    io.stderr(`audit verify could not run: ${code}`);
    return 2;
  } finally {
    await db?.close().catch(() => undefined);
  }
}
