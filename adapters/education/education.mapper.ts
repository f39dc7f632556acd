/**
 * Pure mapper of the Ministry of Science and Education's answer (statute 11.2.21;
 * contracts/registries/education/upstream/education.openapi.json, Education) to the canonical
 * model (model.getEducation.schema.json). Copies the known fields only: anything else the ministry
 * sends is not passed on. Throws on a shape it does not know; formats and codes are checked by the
 * model schema.
 */
import type { AdapterCallParams } from '../../contracts/hub';
import type { EducationAnswer, EducationRecordAnswer } from '../../contracts/registries/education/model';
import type { MapResult } from '../kit/descriptor';
import { coded, each, integer, nullable, object, string } from '../kit/json-read';

export function educationPath(params: AdapterCallParams): string {
  if (!('fin' in params.subject)) throw new TypeError('getEducation takes a FIN');
  return `/v1/persons/${encodeURIComponent(params.subject.fin)}/education`;
}

function record(v: unknown, at: string): EducationRecordAnswer {
  const r = object(v, at);
  return {
    level: coded(r.level, `${at}/level`),
    institution: string(r.institution, `${at}/institution`),
    speciality: nullable(r.speciality, `${at}/speciality`, string),
    startYear: integer(r.startYear, `${at}/startYear`),
    endYear: nullable(r.endYear, `${at}/endYear`, integer),
    document: nullable(r.document, `${at}/document`, (d, p) => {
      const doc = object(d, p);
      return { type: coded(doc.type, `${p}/type`), number: string(doc.number, `${p}/number`), issuedOn: string(doc.issuedOn, `${p}/issuedOn`) };
    }),
  };
}

export function mapEducation(body: unknown): MapResult<EducationAnswer> {
  const b = object(body, '');
  const subject = object(b.subject, '/subject');
  return {
    outcome: 'ok',
    data: {
      subject: { fin: string(subject.fin, '/subject/fin') },
      records: each(b.records, '/records', record),
      currentEnrolment: nullable(b.currentEnrolment, '/currentEnrolment', (v, at) => {
        const e = object(v, at);
        return {
          level: coded(e.level, `${at}/level`),
          institution: string(e.institution, `${at}/institution`),
          speciality: nullable(e.speciality, `${at}/speciality`, string),
          startYear: integer(e.startYear, `${at}/startYear`),
          course: integer(e.course, `${at}/course`),
        };
      }),
    },
  };
}
