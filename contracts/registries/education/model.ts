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
