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

/** 11.2.21, getEducation. */
export interface Education {
  subject: { fin: string };
  records: EducationRecord[];
}
