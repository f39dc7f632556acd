/**
 * The synthetic world behind the mock agencies: one subject, the same facts in every register.
 * Checked over the demo subjects (fixed stories) and a sample of generated ones.
 */
import * as w from '../../../mocks/world';
import { findPerson } from '../../../mocks/population-data';
import { hash32 } from '../../../mocks/population-data/prng';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';
function sampleFins(n: number): string[] {
  const out: string[] = [];
  for (let i = 0; out.length < n; i++) {
    let h = hash32(`sample-${i}`);
    let f = '';
    for (let k = 0; k < 6; k++) { f += ALPHABET[h % ALPHABET.length]; h = (Math.floor(h / ALPHABET.length) ^ hash32(f)) >>> 0; }
    out.push(`${f}${ALPHABET[1 + (i % (ALPHABET.length - 1))]}`);
  }
  return out;
}
const FINS = sampleFins(400);
const VOENS = Array.from({ length: 150 }, (_, i) => `${String(1000000 + hash32(`v${i}`) % 8999999).padStart(9, '1').slice(0, 9)}1`);
const SUBJECTS = [...FINS.map((fin) => ({ fin })), ...VOENS.map((voen) => ({ voen }))];

describe('The synthetic world', () => {
  test('A subject asked twice, in any order, gets the same records. Result: deterministic', () => {
    const s = { fin: FINS[7] };
    const first = JSON.stringify([w.vehicles(s), w.creditReport(s), w.notarialActs(s)]);
    w.vehicles({ fin: FINS[8] });
    expect(JSON.stringify([w.vehicles(s), w.creditReport(s), w.notarialActs(s)])).toBe(first);
  });

  test('A FIN that is not in the population register is unknown to every register. Result: all not found', () => {
    const s = { fin: 'AB12CD0' };
    expect(findPerson(s.fin)).toBeUndefined();
    expect([w.realEstateRights(s), w.vehicles(s), w.criminalRecord(s.fin), w.travelBanRecord(s.fin), w.enforcementStatus(s), w.employment(s.fin)]).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  test('The demo defendant 1AB2C3D is a debtor: her flat, an account and her travel are restricted by the same proceeding', () => {
    const s = { fin: '1AB2C3D' };
    const enf = w.enforcementStatus(s)!;
    const p = enf.proceedings.find((x) => x.role === 'debtor')!;
    expect(p.otherParty.fin).toBe('5ZK8F3R');
    const flat = w.realEstateRights(s)!.rights[0];
    const arrest = w.realEstateEncumbrances(s)!.encumbrances.find((e) => e.type === 'arrest')!;
    expect(arrest).toMatchObject({ cadastralNumber: flat.cadastralNumber, basis: { number: p.proceedingNumber }, until: null });
    expect(w.travelBanRecord(s.fin)).toMatchObject({ barred: true, bans: [{ basis: { number: p.proceedingNumber }, status: 'active' }] });
    const arrestedIban = p.measures.find((m) => m.kind === 'account-arrest')!.target!;
    const bankId = w.assets(s)!.accounts.find((a) => a.iban === arrestedIban)!.bank.id;
    expect(w.bankAccounts(s, bankId)!.accounts.find((a) => a.iban === arrestedIban)).toMatchObject({ status: 'blocked', arrests: [{ basis: { number: p.proceedingNumber } }] });
    expect(w.creditReport(s)!.active.some((o) => o.overdueDays > 0)).toBe(true);
    expect(w.idpStatus(s.fin)?.status).toBe('idp');
    expect(w.utilityAccounts(s, 'gas')!.subscriptions[0].debt.amount).toBeGreaterThan(0);
  });

  test('The demo plaintiff 5ZK8F3R is the creditor of the same proceeding and owns a flat mortgaged through the fund', () => {
    const s = { fin: '5ZK8F3R' };
    expect(w.enforcementStatus(s)!.proceedings).toEqual([
      expect.objectContaining({ role: 'creditor', proceedingNumber: 'İC-2025-004817', otherParty: expect.objectContaining({ fin: '1AB2C3D' }) }),
      // and of the enforcement of this case's decision DEMO-1234-D1 (the hub's status history tells the same)
      expect.objectContaining({ role: 'creditor', proceedingNumber: 'İC-2026-000417', decision: expect.objectContaining({ decisionId: 'DEMO-1234-D1' }) }),
    ]);
    const flat = w.realEstateRights(s)!.rights[0];
    expect(flat.address).toBe('Bakı, Nəsimi r., Azadlıq prospekti 12, mənzil 45');
    expect(w.mortgageLoans(s)!.loans[0]).toMatchObject({ kind: 'preferential-mortgage', collateralCadastralNumber: flat.cadastralNumber, status: 'active' });
    expect(w.realEstateEncumbrances(s)!.encumbrances).toEqual([expect.objectContaining({ type: 'mortgage', cadastralNumber: flat.cadastralNumber })]);
    expect(w.travelBanRecord(s.fin)).toMatchObject({ barred: false, bans: [] });
    expect(w.criminalRecord(s.fin)).toMatchObject({ wanted: { wanted: false }, convictions: [], criminalCases: [] });
  });

  test('The demo accused 4GH5J6K is in pre-trial detention for his open case; his licence is suspended', () => {
    const rec = w.criminalRecord('4GH5J6K')!;
    const det = w.detention('4GH5J6K')!;
    expect(det.current).toMatchObject({ status: 'pre-trial-detention', basis: { caseNumber: rec.criminalCases[0].caseNumber } });
    expect(w.drivingLicences('4GH5J6K')!.licences[0].status).toBe('suspended');
  });

  test('"Xəzər Tikinti" MMC owes the demo plaintiff of the commercial case; its director and founders are residents', () => {
    const c = { voen: '1401234561' };
    const t = w.taxpayerRecord(c)!.taxpayers[0];
    expect(t).toMatchObject({ name: '"Xəzər Tikinti" MMC', kind: 'legal-entity', director: { fin: '7TK3M9N' } });
    for (const f of t.founders) expect(findPerson(f.fin!)?.surname).toBe(f.name.split(' ')[0]);
    expect(w.enforcementStatus(c)!.proceedings[0]).toMatchObject({ role: 'debtor', otherParty: { fin: '3CD4E5F' } });
    expect(w.vehicles(c)!.vehicles[0].encumbrances.some((e) => e.type === 'arrest')).toBe(true);
    expect(w.taxAudits(c)!.audits.length).toBe(2);
  });

  test('An individual entrepreneur is the same registration by FIN and by VÖEN', () => {
    for (const [fin, voen] of w.entrepreneurPairs().slice(0, 50)) {
      const byFin = w.taxpayerRecord({ fin })!.taxpayers[0];
      const byVoen = w.taxpayerRecord({ voen })!.taxpayers[0];
      expect(byFin).toEqual(byVoen);
      expect(byVoen).toMatchObject({ voen, kind: 'individual-entrepreneur', director: { fin } });
    }
    expect(w.taxpayerRecord({ voen: '1234567892' })).toBeUndefined();
  });

  test('Across 550 generated subjects every restriction, loan, policy and act points at something the subject has', () => {
    for (const s of SUBJECTS) {
      const a = w.assets(s);
      if (!a) continue;
      const cadastrals = new Set(a.properties.map((p) => p.cadastralNumber));
      const plates = new Set(a.vehicles.map((v) => v.plate));
      const ibans = new Set(a.accounts.map((x) => x.iban));
      for (const i of ibans) expect(w.isValidIban(i)).toBe(true);
      const proceedings = new Map((w.enforcementStatus(s)?.proceedings ?? []).map((p) => [p.proceedingNumber, p]));
      for (const p of proceedings.values()) {
        for (const m of p.measures) {
          if (m.kind === 'property-arrest') expect(cadastrals.has(m.target!)).toBe(true);
          if (m.kind === 'vehicle-arrest') expect(plates.has(m.target!)).toBe(true);
          if (m.kind === 'account-arrest') expect(ibans.has(m.target!)).toBe(true);
        }
      }
      for (const e of w.realEstateEncumbrances(s)?.encumbrances ?? []) {
        expect(cadastrals.has(e.cadastralNumber)).toBe(true);
        if (e.type === 'arrest') expect(proceedings.get(e.basis.number)?.role).toBe('debtor');
      }
      for (const v of w.vehicles(s)?.vehicles ?? []) for (const e of v.encumbrances) if (e.type === 'arrest') expect(proceedings.has(e.basis.number)).toBe(true);
      const credit = w.creditReport(s);
      for (const l of w.mortgageLoans(s)?.loans ?? []) {
        if (l.collateralCadastralNumber) expect(cadastrals.has(l.collateralCadastralNumber)).toBe(true);
        expect([...(credit?.active ?? []), ...(credit?.closed ?? [])].some((o) => o.contractNumber === l.loanNumber.replace(/^İKZF-/, 'KR-'))).toBe(true);
      }
      for (const c of w.insuranceContracts(s)?.contracts ?? []) {
        if (c.kind === 'vehicle-liability') expect(plates.has(c.object)).toBe(true);
        if (c.kind === 'real-estate') expect(cadastrals.has(c.object)).toBe(true);
      }
      for (const act of w.notarialActs(s)?.acts ?? []) {
        if (act.type === 'sale-contract' || act.type === 'mortgage-contract') expect(cadastrals.has(act.object!) || plates.has(act.object!)).toBe(true);
      }
      if ('fin' in s) {
        const bans = w.travelBanRecord(s.fin)!;
        const since = bans.bans.filter((b) => b.status === 'active').map((b) => b.since).sort()[0];
        if (since) for (const c of w.borderCrossings(s.fin)!.crossings) if (c.direction === 'exit') expect(c.at.slice(0, 10) < since).toBe(true);
        const det = w.detention(s.fin);
        if (det?.current) {
          const rec = w.criminalRecord(s.fin)!;
          expect([...rec.criminalCases.map((x) => x.caseNumber), ...rec.convictions.map((x) => x.caseNumber)]).toContain(det.current.basis.caseNumber);
        }
      } else {
        const t = w.taxpayerRecord(s);
        if (t) expect(findPerson(t.taxpayers[0].director.fin)).toBeDefined();
      }
    }
  });

  test('Most generated residents have some records and a few have none: the registers are not all-or-nothing', () => {
    const owners = FINS.filter((fin) => w.realEstateRights({ fin })).length;
    const debtors = FINS.filter((fin) => w.enforcementStatus({ fin })?.proceedings.some((p) => p.role === 'debtor')).length;
    expect(owners).toBeGreaterThan(FINS.length * 0.3);
    expect(owners).toBeLessThan(FINS.length * 0.8);
    expect(debtors).toBeGreaterThan(0);
    expect(debtors).toBeLessThan(FINS.length * 0.2);
  });
});
