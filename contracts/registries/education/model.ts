/** Canonical model of the education ministry's register (statute 11.2.21). */

export interface EducationRecord {
  level: 'general-secondary' | 'vocational' | 'bachelor' | 'master' | 'doctorate';
  institution: string;
  speciality: string | null;
  startYear: number;
  /** null: still studying. */
  endYear: number | null;
  document: { type: 'attestat' | 'diploma' | 'certificate'; number: string; issuedOn: string } | null;
}

/** Studies in progress: the record without an end year, as the institution reports it. */
export interface Enrolment {
  level: EducationRecord['level'];
  institution: string;
  speciality: string | null;
  startYear: number;
  /** Year of study (kurs) in the reference academic year. */
  course: number;
}

/** 11.2.21, getEducation. */
export interface Education {
  subject: { fin: string };
  records: EducationRecord[];
  currentEnrolment: Enrolment | null;
}

/**
 * The canonical model the education adapter returns (model.getEducation.schema.json): the
 * ministry's answer with its codes and their Azerbaijani labels. The interfaces above are the
 * synthetic world's records (mocks/world), from which the mock answers.
 */
export interface Coded<C extends string = string> { code: C; label: string }

export interface EducationRecordAnswer {
  level: Coded<EducationRecord['level']>;
  institution: string;
  speciality: string | null;
  startYear: number;
  /** null: still studying. */
  endYear: number | null;
  document: { type: Coded<NonNullable<EducationRecord['document']>['type']>; number: string; issuedOn: string } | null;
}

export interface EducationAnswer {
  subject: { fin: string };
  records: EducationRecordAnswer[];
  currentEnrolment: { level: Coded<EducationRecord['level']>; institution: string; speciality: string | null; startYear: number; course: number } | null;
}
