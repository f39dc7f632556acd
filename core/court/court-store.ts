/** CourtStore over the store of record (core/store: PostgreSQL, embedded or external). */
import type { Db } from '../store/db';
import { getCase, upsertCase } from '../store/repositories/cases';
import { getDecision } from '../store/repositories/decisions';
import { admitWithFacts, identityFacts, identityFactsAt, lookupFacts, lookupFactsAt, type LookupFacts } from '../store/repositories/lookup-facts';
import { insertDelegation } from '../store/repositories/delegations';
import { claimNonce } from '../store/repositories/nonces';
import { advanceRecoveryMark, chainTop, openCallsAfter, openCallsOf, recoveryMark } from '../store/repositories/open-calls';
import { admitOrder, failAbandonedAttempt, getIssuedEvidence, getOrder, getOrderAttempt, retryOrder, staleOrders, transitionOrder } from '../store/repositories/orders';
import { getPerson, upsertPerson, type Person } from '../store/repositories/roster';
import type { CaseView, RosterEntry } from '../authz/authz.types';
import type { DelegationView } from '../delegations/delegation.types';
import { factsCache } from './facts-cache';
import type { CourtStore, LookupFactsView } from './ports';

function factsView(f: LookupFacts): LookupFactsView {
  const c = f.courtCase;
  const d = f.decision;
  return {
    roster: rosterEntry(f.person),
    courtCase: c ? { number: c.number, courtId: c.courtId, status: c.status, judgeFin: c.judgeFin, parties: c.parties } : null,
    decision: d ? { id: d.id, caseNumber: d.caseNumber, legalForceAt: d.legalForceAt, signedBy: d.signedBy } : null,
  };
}

function rosterEntry(p: Person | null): RosterEntry | null {
  return p ? { fin: p.fin, role: p.role, active: p.active, courtId: p.courtId, certSha256: p.certSha256 } : null;
}

export function courtStore(db: Db): CourtStore {
  const lookupFactsKept = factsCache<LookupFactsView & { generation: number }>();
  const identityFactsKept = factsCache<{ roster: RosterEntry | null; courtCase: CaseView | null; delegations: DelegationView[]; generation: number }>();
  return {
    cachedLookupFacts: (fin, caseNumber, decisionId) => lookupFactsKept.get(JSON.stringify([fin, caseNumber, decisionId]), async () => {
      const r = await lookupFactsAt(db, fin, caseNumber, decisionId);
      return { ...factsView(r.facts), generation: r.generation };
    }),
    cachedIdentityFacts: (fin, caseNumber) => identityFactsKept.get(JSON.stringify([fin, caseNumber]), async () => {
      const r = await identityFactsAt(db, fin, caseNumber);
      const f = factsView(r.facts);
      return { roster: f.roster, courtCase: f.courtCase, delegations: r.delegations, generation: r.generation };
    }),
    forgetFacts() {
      lookupFactsKept.forget();
      identityFactsKept.forget();
    },
    roster: async (fin) => rosterEntry(await getPerson(db, fin)),
    rosterMany: async (fins) => (await Promise.all(fins.map((f) => getPerson(db, f)))).map(rosterEntry).filter((x): x is RosterEntry => x !== null),
    async courtCase(number) {
      const c = await getCase(db, number);
      return c ? { number: c.number, courtId: c.courtId, status: c.status, judgeFin: c.judgeFin, parties: c.parties } : null;
    },
    async decision(id) {
      const d = await getDecision(db, id);
      return d ? { id: d.id, caseNumber: d.caseNumber, legalForceAt: d.legalForceAt, signedBy: d.signedBy } : null;
    },
    lookupFacts: async (fin, caseNumber, decisionId) => factsView(await lookupFacts(db, fin, caseNumber, decisionId)),
    async admitWithFacts(fin, caseNumber, decisionId, nonce, keepUntil, o) {
      const r = await admitWithFacts(db, fin, caseNumber, decisionId, nonce, keepUntil, o);
      return { facts: factsView(r.facts), nonceFresh: r.nonceFresh, orderIdFresh: r.orderIdFresh };
    },
    async identityFacts(fin, caseNumber, nonce, keepUntil) {
      const r = await identityFacts(db, fin, caseNumber, nonce, keepUntil);
      const f = factsView(r.facts);
      return { roster: f.roster, courtCase: f.courtCase, delegations: r.delegations, nonceFresh: r.nonceFresh };
    },
    claimNonce: (nonce, keepUntil) => claimNonce(db, nonce, keepUntil),
    transitionOrder: (orderId, from, to, refusalCode, attempt) => transitionOrder(db, orderId, from as never, to, { refusalCode, attempt }),
    async order(orderId) {
      const o = await getOrder(db, orderId);
      return o ? { orderId: o.orderId, requesterFin: o.requesterFin, status: o.status, caseNumber: o.caseNumber } : null;
    },
    admitOrder: (nonce, keepUntil, o) => admitOrder(db, nonce, keepUntil, o),
    orderAttempt: (orderId) => getOrderAttempt(db, orderId),
    retryOrder: (orderId, fromAttempt, requestId, leaseUntil) => retryOrder(db, orderId, fromAttempt, requestId, leaseUntil),
    issuedEvidence: (orderId) => getIssuedEvidence(db, orderId),
    staleOrders: (limit) => staleOrders(db, limit),
    openCallsOf: (requestId) => openCallsOf(db, requestId),
    openCallsAfter: (seq, limit) => openCallsAfter(db, seq, limit),
    failAbandoned: (orderId, attempt, status) => failAbandonedAttempt(db, orderId, attempt, status),
    recoveryMark: () => recoveryMark(db),
    advanceRecoveryMark: (seq) => advanceRecoveryMark(db, seq),
    chainTop: () => chainTop(db),
    async delegationsFor(caseNumber, staffFin) {
      const r = await db.query<DelegationView>(
        `SELECT id, case_number AS "caseNumber", judge_fin AS "judgeFin", staff_fins AS "staffFins", valid_from AS "validFrom",
           valid_until AS "validUntil", revoked_at AS "revokedAt"
         FROM delegations WHERE case_number = $1 AND $2 = ANY(staff_fins) ORDER BY valid_from, id`, [caseNumber, staffFin]);
      return r.rows;
    },
    insertDelegation: (d) => insertDelegation(db, d),
    upsertCase: (c) => upsertCase(db, c),
    async upsertPersons(persons) {
      await db.transaction(async (tx) => {
        for (const p of persons) await upsertPerson(tx, p);
      });
    },
  };
}
