/**
 * The demo world's enforcement of decision DEMO-1234-D1 (case 2(101)-1234/2026, in force since
 * 2026-02-05) as the hub's status history holds it (statute 6.1.19): the enforcement service opened
 * proceeding İC-2026-000417 against the defendant and has recovered 1200.00 AZN of 4800.00 so far.
 * The mock enforcement register (mocks/world/demo-traits.ts, 11.2.23 getEnforcementStatus)
 * restates the same proceeding; a test keeps the two in agreement.
 */
import { hash } from 'node:crypto';
import { canonicalJson } from '../../signing/canonical-json';
import { recordStatusReport } from '../store/repositories/enforcement-status';
import type { Db } from '../store/db';

export const DEMO_ENFORCEMENT = {
  decisionId: 'DEMO-1234-D1',
  proceedingNumber: 'İC-2026-000417',
  debtorFin: '1AB2C3D',
  claim: '4800.00',
  history: [
    { version: 1, status: 'opened', amountRecovered: null, note: 'Proceeding İC-2026-000417 opened', reportedAt: '2026-02-12T09:00:00Z' },
    { version: 2, status: 'in-progress', amountRecovered: null, note: 'Enforcement under way', reportedAt: '2026-02-19T09:00:00Z' },
    { version: 3, status: 'amount-recovered', amountRecovered: '1200.00', note: 'Partial recovery', reportedAt: '2026-03-10T09:00:00Z' },
  ],
} as const;

/** Seeds the history (idempotent: a seeded version is a duplicate the second time). Needs the enforcement agency in the directory. */
export async function seedDemoEnforcement(db: Db): Promise<void> {
  for (const h of DEMO_ENFORCEMENT.history) {
    const content = { decisionId: DEMO_ENFORCEMENT.decisionId, version: h.version, status: h.status, amountRecovered: h.amountRecovered, note: h.note, reportedAt: new Date(h.reportedAt).toISOString() };
    await recordStatusReport(db, {
      decisionId: DEMO_ENFORCEMENT.decisionId, agencyId: 'enforcement', version: h.version, status: h.status, amountRecovered: h.amountRecovered,
      note: h.note, reportedAt: new Date(h.reportedAt), reportSha256: hash('sha256', canonicalJson(content), 'hex'),
    }, () => []);
  }
}
