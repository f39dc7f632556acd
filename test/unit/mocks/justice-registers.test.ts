/**
 * The synthetic world as the justice registers show it — internal affairs (statute 11.2.7), the
 * penitentiary service (11.2.24), the road police (11.2.9) and the border service (11.2.10, 11.2.11):
 * one person, one story, over the demo subjects and a sample of generated residents.
 */
import * as w from '../../../mocks/world';
import { fin as makeFin } from '../../../mocks/world/ids';
import { rngFor } from '../../../mocks/population-data/prng';

const r = rngFor('justice-registers-test', 'sample');
const FINS = Array.from({ length: 4000 }, () => makeFin(r)).filter((f) => w.personFacts(f));
const HELD = FINS.filter((f) => w.detention(f)?.current);
const day = (at: string) => at.slice(0, 10);

describe('Justice registers of the synthetic world', () => {
  test('The sample holds people in custody and people barred from leaving. Result: the checks below are not vacuous', () => {
    expect(HELD.length).toBeGreaterThan(10);
    expect(FINS.filter((f) => w.travelBanRecord(f)?.barred).length).toBeGreaterThan(5);
  });

  test('A person held now has a valid licence only as suspended until the planned release, and a licence is suspended only while held. Result: road police and penitentiary agree', () => {
    for (const f of FINS) {
      const licence = w.drivingLicences(f)?.licences[0];
      if (!licence || licence.status === 'expired') continue;
      const current = w.detention(f)?.current ?? null;
      expect([f, licence.status]).toEqual([f, current ? 'suspended' : 'valid']);
      if (current) expect(licence.suspension?.until).toBe(current.until);
    }
  });

  test('Nobody crosses the border or gets a driving licence while held. Result: no crossing and no issue date inside a detention', () => {
    for (const f of FINS) {
      const d = w.detention(f);
      if (!d) continue;
      const periods = [...d.history.map((h) => [h.since, h.until as string]), ...(d.current ? [[d.current.since, '9999-12-31']] : [])];
      const inside = (date: string) => periods.some(([from, to]) => date >= from && date <= to);
      for (const c of w.borderCrossings(f)?.crossings ?? []) expect([f, c.at, inside(day(c.at))]).toEqual([f, c.at, false]);
      const licence = w.drivingLicences(f)?.licences[0];
      if (licence) expect([f, licence.issuedOn, inside(licence.issuedOn)]).toEqual([f, licence.issuedOn, false]);
    }
  });

  test('A person barred from leaving has no exit on or after the ban. Result: border crossings respect travel bans', () => {
    for (const f of FINS) {
      const bans = w.travelBanRecord(f);
      if (!bans?.barred) continue;
      const since = bans.bans.filter((b) => b.status === 'active').map((b) => b.since).sort()[0];
      const exits = (w.borderCrossings(f)?.crossings ?? []).filter((c) => c.direction === 'exit' && day(c.at) >= since);
      expect([f, exits]).toEqual([f, []]);
    }
  });

  test('A person sought by the police is accused in a case suspended while they hide, is not held, and does not leave the country once sought. Result: the wanted status has a story', () => {
    const wanted = FINS.filter((f) => w.criminalRecord(f)?.wanted.wanted);
    expect(wanted.length).toBeGreaterThan(3);
    for (const f of wanted) {
      const record = w.criminalRecord(f)!;
      expect([f, record.criminalCases.some((c) => c.role === 'accused' && ['suspended', 'investigation', 'in-court'].includes(c.status))]).toEqual([f, true]);
      expect([f, w.detention(f)?.current ?? null]).toEqual([f, null]);
      const exits = (w.borderCrossings(f)?.crossings ?? []).filter((c) => c.direction === 'exit' && day(c.at) >= record.wanted.since!);
      expect([f, exits]).toEqual([f, []]);
    }
  });

  test('A detention rests on the police record: pre-trial detention on an open criminal case, a prison term on a conviction with the same case number and court. Result: penitentiary and internal affairs agree', () => {
    for (const f of FINS) {
      const d = w.detention(f);
      if (!d) continue;
      const record = w.criminalRecord(f)!;
      for (const x of [...d.history, ...(d.current ? [d.current] : [])]) {
        if (x.kind === 'pre-trial-detention') {
          expect(record.criminalCases.find((c) => c.caseNumber === x.basis.caseNumber)?.status).toMatch(/^(investigation|in-court)$/);
        } else {
          const conviction = record.convictions.find((c) => c.caseNumber === x.basis.caseNumber);
          expect([conviction?.court, conviction?.served]).toEqual([x.basis.court, x.until! < '2026-01-01']);
        }
        expect(x.basis.court).not.toMatch(/İnzibati-İqtisadi/);
        expect(x.facility).toMatch(x.kind === 'sentence' ? /Cəzaçəkmə/ : /İstintaq/);
      }
    }
  });

  test('The demo accused 4GH5J6K of 1(101)-77/2026. Result: in pre-trial detention on the open case the police record shows, licence suspended until the planned release, no crossing', () => {
    const d = w.detention('4GH5J6K')!;
    expect(d.current).toMatchObject({ kind: 'pre-trial-detention', basis: { caseNumber: w.criminalRecord('4GH5J6K')!.criminalCases[0].caseNumber } });
    expect(w.drivingLicences('4GH5J6K')!.licences[0]).toMatchObject({ status: 'suspended', suspension: { until: d.current!.until } });
    expect(w.borderCrossings('4GH5J6K')!.crossings).toEqual([]);
  });

  test('The demo plaintiff 5ZK8F3R of 2(101)-1234/2026. Result: a clean record, never held (not found), not barred, and a car, a licence and crossings on file', () => {
    expect(w.criminalRecord('5ZK8F3R')).toMatchObject({ wanted: { wanted: false }, criminalCases: [], convictions: [], unpaidFines: [] });
    expect(w.detention('5ZK8F3R')).toBeUndefined();
    expect(w.travelBanRecord('5ZK8F3R')).toMatchObject({ barred: false, bans: [] });
    expect(w.vehicles({ fin: '5ZK8F3R' })?.vehicles.length).toBeGreaterThan(0);
    expect(w.drivingLicences('5ZK8F3R')?.licences.length).toBeGreaterThan(0);
    expect(w.borderCrossings('5ZK8F3R')?.crossings.length).toBeGreaterThan(0);
  });
});
