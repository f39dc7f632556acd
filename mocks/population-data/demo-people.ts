/**
 * The people of the demo roster (core/demo/roster.ts) as the population register knows them.
 * mocks/ may not import core/, so the names are restated here; test/unit/mocks checks that the
 * two lists agree. Fields not given are generated from the FIN like everyone else's.
 */
import type { PhoneNumber, PopulationPerson } from '../../contracts/registries/models';

type Fixed = Pick<PopulationPerson, 'surname' | 'givenName' | 'patronymic' | 'gender'> & Partial<PopulationPerson>;

/** The README example (contracts/registries/README.md), field for field. */
export const DEMO_PLAINTIFF: PopulationPerson = {
  fin: '5ZK8F3R', surname: 'Məmmədov', givenName: 'Əli', patronymic: 'Vəli oğlu',
  birthDate: '1984-03-12', gender: 'M', citizenship: 'AZE', civilStatus: 'married',
  address: { city: 'Bakı', district: 'Nəsimi', street: 'Azadlıq prospekti 12, mənzil 45' },
  identityDocument: {
    type: 'ID_CARD', series: 'AZE', number: '12345678',
    issuedOn: '2019-05-02', validUntil: '2029-05-02', status: 'valid',
  },
};

export const DEMO_PEOPLE: Readonly<Record<string, Fixed>> = {
  '5ZK8F3R': DEMO_PLAINTIFF,
  // Parties of the demo cases.
  '1AB2C3D': { surname: 'Həsənova', givenName: 'Leyla', patronymic: 'Həsən qızı', gender: 'F' },
  '9XY8Z7W': { surname: 'Rzayev', givenName: 'Samir', patronymic: 'Fuad oğlu', gender: 'M' },
  '3CD4E5F': { surname: 'İsmayılov', givenName: 'Fərid', patronymic: 'Mübariz oğlu', gender: 'M' },
  '4GH5J6K': { surname: 'Nağıyev', givenName: 'Vüsal', patronymic: 'Arif oğlu', gender: 'M' },
  // Judges, staff and the operator: they are residents too.
  '2JD4K7M': { surname: 'Əliyev', givenName: 'Rəşad', patronymic: 'Kamal oğlu', gender: 'M' },
  '3HN8P2Q': { surname: 'Hüseynova', givenName: 'Səbinə', patronymic: 'Rauf qızı', gender: 'F' },
  '4KT6R9W': { surname: 'Quliyev', givenName: 'Elçin', patronymic: 'Tofiq oğlu', gender: 'M' },
  '5LM3S8X': { surname: 'Məmmədova', givenName: 'Nərmin', patronymic: 'Aydın qızı', gender: 'F' },
  '6PR2T5Y': { surname: 'Kərimov', givenName: 'Orxan', patronymic: 'Namiq oğlu', gender: 'M' },
  '7QS9V4Z': { surname: 'Abbasova', givenName: 'Günay', patronymic: 'Elşən qızı', gender: 'F' },
  '8RW7X3A': { surname: 'Nəsirov', givenName: 'Tural', patronymic: 'Vaqif oğlu', gender: 'M' },
};

/** The README phone example for the demo plaintiff. */
export const DEMO_PHONES: Readonly<Record<string, readonly PhoneNumber[]>> = {
  '5ZK8F3R': [{ msisdn: '+994501234567', operator: 'Azercell', registeredOn: '2015-07-01', status: 'active' }],
};

/** Companies of the demo cases, by VÖEN. */
export const DEMO_COMPANIES: Readonly<Record<string, { name: string }>> = {
  '1401234561': { name: '"Xəzər Tikinti" MMC' },
};
