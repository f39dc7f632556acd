/**
 * Azerbaijani given names and surnames for the synthetic population. All combinations are
 * synthetic; any resemblance to a real person is a coincidence of common names.
 */
export const MALE_NAMES = [
  'Əli', 'Vəli', 'Rəşad', 'Elçin', 'Orxan', 'Tural', 'Samir', 'Fərid', 'Vüsal', 'Kamal', 'Həsən',
  'Hüseyn', 'Elvin', 'Rauf', 'Anar', 'Nicat', 'Emin', 'Ramil', 'Cavid', 'Murad', 'Ülvi', 'Kənan',
  'Fuad', 'Arif', 'Namiq', 'Tofiq', 'Vaqif', 'Mübariz', 'Elşən', 'Aydın', 'Zaur', 'Rüstəm',
  'Nurlan', 'Toğrul', 'Səbuhi', 'Şahin', 'İlqar', 'Rövşən', 'Mahir', 'Yusif',
] as const;

export const FEMALE_NAMES = [
  'Leyla', 'Səbinə', 'Nərmin', 'Günay', 'Aysel', 'Aynur', 'Gülnar', 'Lalə', 'Nigar', 'Könül',
  'Sevinc', 'Türkan', 'Fidan', 'Aytən', 'Ülviyyə', 'Nərgiz', 'Xədicə', 'Zəhra', 'Mehriban',
  'Samirə', 'Arzu', 'Şəbnəm', 'Aidə', 'Gülşən', 'Röya', 'Zərifə', 'Səadət', 'Vüsalə',
] as const;

/**
 * Masculine surname forms. The feminine form of -ov / -ev adds "a" (Məmmədov → Məmmədova);
 * surnames in -li / -lı / -lu and -zadə do not change with gender.
 */
export const SURNAMES_OV_EV = [
  'Məmmədov', 'Əliyev', 'Həsənov', 'Hüseynov', 'Quliyev', 'Abbasov', 'Kərimov', 'Rzayev',
  'İsmayılov', 'Nağıyev', 'Cəfərov', 'Qasımov', 'Babayev', 'Süleymanov', 'Əhmədov', 'Mustafayev',
  'Hacıyev', 'Novruzov', 'Orucov', 'Sadıqov', 'Bayramov', 'Vəliyev', 'Məlikov', 'Zeynalov',
] as const;

export const SURNAMES_INVARIANT = [
  'Bağırlı', 'Şahbazlı', 'Vəzirli', 'Hümbətli', 'Sultanlı', 'Şirinli', 'Əlizadə', 'Rəsulzadə',
] as const;

export function surnameFor(base: string, gender: 'M' | 'F'): string {
  if (gender === 'F' && /(ov|ev)$/.test(base)) return `${base}a`;
  return base;
}

/** "Vəli oğlu" (son of Vəli) or "Həsən qızı" (daughter of Həsən). */
export function patronymicFor(fatherName: string, gender: 'M' | 'F'): string {
  return `${fatherName} ${gender === 'M' ? 'oğlu' : 'qızı'}`;
}

/** Words for synthetic company names: '"Xəzər Tikinti" MMC'. */
export const COMPANY_WORDS = [
  'Xəzər', 'Qafqaz', 'Şirvan', 'Gəncə', 'Abşeron', 'Qarabağ', 'Göygöl', 'Naxçıvan', 'Kür', 'Araz',
  'Azəri', 'Bakı', 'Ulduz', 'Günəş', 'Yaşıl', 'Mavi',
] as const;
export const COMPANY_TRADES = [
  'Tikinti', 'Ticarət', 'Logistika', 'İnşaat', 'Enerji', 'Aqro', 'Texnologiya', 'Servis', 'Nəqliyyat',
  'Tekstil', 'Qida', 'Mebel',
] as const;
/** Legal forms: limited liability (MMC), open and closed joint-stock companies (ASC, QSC). */
export const LEGAL_FORMS = ['MMC', 'MMC', 'MMC', 'ASC', 'QSC'] as const;
