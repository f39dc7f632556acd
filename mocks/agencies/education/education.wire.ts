/**
 * What the Ministry of Science and Education (statute 11.2.21) answers, as education.openapi.json
 * `Education` writes it: the synthetic world's education records (mocks/world education) with the
 * ministry's codes and their Azerbaijani labels. Pure; undefined: not on file.
 */
import type { EducationAnswer, EducationRecord } from '../../../contracts/registries/education/model';
import { education } from '../../world';

// Levels of education as the Law "On education" names them.
const LEVELS: Readonly<Record<EducationRecord['level'], string>> = {
  'general-secondary': 'Tam orta təhsil',
  vocational: 'Peşə təhsili',
  bachelor: 'Ali təhsil (bakalavriat)',
  master: 'Ali təhsil (magistratura)',
  doctorate: 'Doktorantura',
};
const DOCUMENTS: Readonly<Record<NonNullable<EducationRecord['document']>['type'], string>> = {
  attestat: 'Tam orta təhsil haqqında attestat',
  diploma: 'Diplom',
  certificate: 'Sertifikat',
};

const coded = <C extends string>(table: Readonly<Record<C, string>>, code: C) => ({ code, label: table[code] });

export function educationAnswer(fin: string): EducationAnswer | undefined {
  const record = education(fin);
  if (!record) return undefined;
  const e = record.currentEnrolment;
  return {
    subject: { fin },
    records: record.records.map((r) => ({
      level: coded(LEVELS, r.level),
      institution: r.institution,
      speciality: r.speciality,
      startYear: r.startYear,
      endYear: r.endYear,
      document: r.document ? { type: coded(DOCUMENTS, r.document.type), number: r.document.number, issuedOn: r.document.issuedOn } : null,
    })),
    currentEnrolment: e ? { level: coded(LEVELS, e.level), institution: e.institution, speciality: e.speciality, startYear: e.startYear, course: e.course } : null,
  };
}
