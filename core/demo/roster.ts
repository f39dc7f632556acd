/**
 * The demo court world of `npm start` and the tests: courts, judges, staff, an operator, cases
 * and their parties. `court-hub pki init` issues a certificate to every person listed here, so the
 * demo PKI and the seeded roster match. All names and codes are synthetic.
 */
export interface DemoPerson { fin: string; surname: string; givenName: string; patronymic: string }
export interface DemoJudge extends DemoPerson { role: 'judge'; court: string; active: boolean }
export interface DemoStaff extends DemoPerson { role: 'staff'; court: string; active: boolean }
export interface DemoOperator extends DemoPerson { role: 'operator' }
export interface DemoParty { fin?: string; voen?: string; name: string; role: 'plaintiff' | 'defendant' | 'third-party' | 'accused' | 'victim' }
export interface DemoCase {
  number: string; court: string; kind: 'civil' | 'commercial' | 'administrative' | 'criminal';
  status: 'open' | 'closed'; judge: string; parties: DemoParty[];
}

export const DEMO_COURTS = [
  { id: 'BAKU-NASIMI', name: { az: 'Bakı şəhəri Nəsimi rayon məhkəməsi', en: 'Nasimi District Court of Baku' } },
  { id: 'BAKU-APPEAL', name: { az: 'Bakı Apellyasiya Məhkəməsi', en: 'Baku Court of Appeal' } },
  { id: 'BAKU-ECONOMIC', name: { az: 'Bakı şəhəri 1 saylı İnzibati-İqtisadi Məhkəmə', en: 'Baku Administrative-Economic Court No. 1' } },
] as const;

export const DEMO_JUDGES: DemoJudge[] = [
  { role: 'judge', fin: '2JD4K7M', surname: 'Əliyev', givenName: 'Rəşad', patronymic: 'Kamal oğlu', court: 'BAKU-NASIMI', active: true },
  { role: 'judge', fin: '3HN8P2Q', surname: 'Hüseynova', givenName: 'Səbinə', patronymic: 'Rauf qızı', court: 'BAKU-NASIMI', active: true },
  { role: 'judge', fin: '4KT6R9W', surname: 'Quliyev', givenName: 'Elçin', patronymic: 'Tofiq oğlu', court: 'BAKU-ECONOMIC', active: true },
  // 9.2.5: access ends when a person leaves; this judge has retired.
  { role: 'judge', fin: '5LM3S8X', surname: 'Məmmədova', givenName: 'Nərmin', patronymic: 'Aydın qızı', court: 'BAKU-NASIMI', active: false },
];

export const DEMO_STAFF: DemoStaff[] = [
  { role: 'staff', fin: '6PR2T5Y', surname: 'Kərimov', givenName: 'Orxan', patronymic: 'Namiq oğlu', court: 'BAKU-NASIMI', active: true },
  { role: 'staff', fin: '7QS9V4Z', surname: 'Abbasova', givenName: 'Günay', patronymic: 'Elşən qızı', court: 'BAKU-NASIMI', active: true },
];

export const DEMO_OPERATORS: DemoOperator[] = [
  { role: 'operator', fin: '8RW7X3A', surname: 'Nəsirov', givenName: 'Tural', patronymic: 'Vaqif oğlu' },
];

export const DEMO_CASES: DemoCase[] = [
  {
    number: '2(101)-1234/2026', court: 'BAKU-NASIMI', kind: 'civil', status: 'open', judge: '2JD4K7M',
    parties: [
      { fin: '5ZK8F3R', name: 'Məmmədov Əli Vəli oğlu', role: 'plaintiff' },
      { fin: '1AB2C3D', name: 'Həsənova Leyla Həsən qızı', role: 'defendant' },
    ],
  },
  {
    number: '2(101)-2001/2026', court: 'BAKU-NASIMI', kind: 'civil', status: 'closed', judge: '2JD4K7M',
    parties: [{ fin: '9XY8Z7W', name: 'Rzayev Samir Fuad oğlu', role: 'defendant' }],
  },
  {
    number: '2-1(103)-455/2026', court: 'BAKU-ECONOMIC', kind: 'commercial', status: 'open', judge: '4KT6R9W',
    parties: [
      { voen: '1401234561', name: '"Xəzər Tikinti" MMC', role: 'defendant' },
      { fin: '3CD4E5F', name: 'İsmayılov Fərid Mübariz oğlu', role: 'plaintiff' },
    ],
  },
  {
    number: '1(101)-77/2026', court: 'BAKU-NASIMI', kind: 'criminal', status: 'open', judge: '3HN8P2Q',
    parties: [{ fin: '4GH5J6K', name: 'Nağıyev Vüsal Arif oğlu', role: 'accused' }],
  },
];
