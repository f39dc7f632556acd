/**
 * Seeds the demo court world (core/demo/roster.ts) so that `npm start` has judges, staff,
 * cases and decisions matching the demo PKI. Idempotent: running it again changes nothing,
 * and it never touches a certificate binding (`court-hub pki init` fills those through
 * bindCertificate, before or after seeding).
 */
import { hash } from 'node:crypto';
import { DEMO_CASES, DEMO_COURTS, DEMO_JUDGES, DEMO_OPERATORS, DEMO_STAFF } from '../demo/roster';
import type { Db } from './db';
import { upsertCase } from './repositories/cases';
import { upsertCourt } from './repositories/courts';
import { upsertDecision, type Decision } from './repositories/decisions';
import { upsertPerson } from './repositories/roster';

const demoDigest = (id: string) => hash('sha256', `court-hub demo decision ${id}`, 'hex');

/**
 * Two decisions of the commercial case 2-1(103)-455/2026: one in legal force (a 'decision'
 * basis may cite it for bank, tax or commercial-secret data, 11.1), one adopted but not yet in
 * force (citing it must be refused). The civil case 2(101)-1234/2026 has a ruling in force that
 * orders the disclosure of the defendant's and plaintiff's bank, tax and securities data, so
 * one order of its judge can cover every §11.2 category.
 */
export const DEMO_DECISIONS: readonly Decision[] = [
  {
    id: 'DEMO-1234-D1', caseNumber: '2(101)-1234/2026', kind: 'ruling',
    adoptedAt: new Date('2026-01-20T10:00:00Z'), legalForceAt: new Date('2026-02-05T00:00:00Z'),
    signedBy: '2JD4K7M', signatureSha256: demoDigest('DEMO-1234-D1'),
  },
  {
    id: 'DEMO-455-D1', caseNumber: '2-1(103)-455/2026', kind: 'decision',
    adoptedAt: new Date('2026-01-15T10:00:00Z'), legalForceAt: new Date('2026-02-16T00:00:00Z'),
    signedBy: '4KT6R9W', signatureSha256: demoDigest('DEMO-455-D1'),
  },
  {
    id: 'DEMO-455-D2', caseNumber: '2-1(103)-455/2026', kind: 'ruling',
    adoptedAt: new Date('2026-03-02T10:00:00Z'), legalForceAt: null,
    signedBy: '4KT6R9W', signatureSha256: demoDigest('DEMO-455-D2'),
  },
];

export async function seedDemo(db: Db): Promise<{ courts: number; persons: number; cases: number; decisions: number }> {
  return db.transaction(async (tx) => {
    for (const c of DEMO_COURTS) await upsertCourt(tx, { id: c.id, nameAz: c.name.az, nameEn: c.name.en });
    const people = [...DEMO_JUDGES, ...DEMO_STAFF];
    for (const p of people) {
      await upsertPerson(tx, { fin: p.fin, surname: p.surname, givenName: p.givenName, patronymic: p.patronymic, role: p.role, courtId: p.court, active: p.active });
    }
    for (const p of DEMO_OPERATORS) {
      await upsertPerson(tx, { fin: p.fin, surname: p.surname, givenName: p.givenName, patronymic: p.patronymic, role: 'operator', courtId: null, active: true });
    }
    for (const c of DEMO_CASES) {
      await upsertCase(tx, { number: c.number, courtId: c.court, kind: c.kind, status: c.status, judgeFin: c.judge, parties: c.parties });
    }
    for (const d of DEMO_DECISIONS) await upsertDecision(tx, d);
    return { courts: DEMO_COURTS.length, persons: people.length + DEMO_OPERATORS.length, cases: DEMO_CASES.length, decisions: DEMO_DECISIONS.length };
  });
}
