/**
 * The demo world tells one story of the demo decision's enforcement (statute 6.1.19, 11.2.23): the
 * hub's status history of DEMO-1234-D1 (core/demo/enforcement.ts, seeded at start) and the mock
 * enforcement register's answer about the debtor agree — the proceeding, the amount recovered and
 * the stage.
 */
import { DEMO_ENFORCEMENT } from '../../../core/demo/enforcement';
import { enforcementStatus } from '../../../mocks/world';

describe('demo enforcement: status history and the 11.2.23 register agree', () => {
  it('The register is asked about the debtor of DEMO-1234-D1. Result: the proceeding of the history, in progress, with what the last report says was recovered', () => {
    const r = enforcementStatus({ fin: DEMO_ENFORCEMENT.debtorFin });
    const p = r?.proceedings.find((x) => x.decision.decisionId === DEMO_ENFORCEMENT.decisionId);
    const last = DEMO_ENFORCEMENT.history[DEMO_ENFORCEMENT.history.length - 1];
    expect(p).toMatchObject({ proceedingNumber: DEMO_ENFORCEMENT.proceedingNumber, role: 'debtor', claim: { amount: Number(DEMO_ENFORCEMENT.claim), currency: 'AZN' } });
    expect(p!.recovered.amount).toBe(Number(last.amountRecovered));
    // "amount-recovered" is a report made while the proceeding is in progress; completed/returned would close it.
    expect([last.status, p!.status]).toEqual(['amount-recovered', 'in-progress']);
    expect(p!.openedOn).toBe(DEMO_ENFORCEMENT.history[0].reportedAt.slice(0, 10));
  });
});
