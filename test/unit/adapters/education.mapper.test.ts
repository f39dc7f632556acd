/**
 * The education register's mapper (statute 11.2.21): golden answers to the canonical model,
 * unknown shapes refused, nothing but the known fields passed on.
 */
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { educationPath, mapEducation } from '../../../adapters/education/education.mapper';
import type { AdapterCallParams } from '../../../contracts/hub';
import { modelSchemaPath } from '../../../contracts/registries/paths';
import { sample } from '../../../contracts/registries/samples';

type Body = Record<string, unknown> & { records: (Record<string, unknown> & { document: Record<string, unknown> | null })[] };
const body = (id: string) => JSON.parse(sample('education', id).response) as Body;
const ajv = new Ajv({ allErrors: true, strict: true });
addFormats(ajv);
const validModel = ajv.compile(JSON.parse(readFileSync(modelSchemaPath('education', 'getEducation'), 'utf8')));
const params = (subject: AdapterCallParams['subject']) => ({ subject }) as AdapterCallParams;

describe('education mapper (getEducation)', () => {
  it('The ministry answers the plaintiff\'s attestat and two diplomas. Result: ok, the golden canonical model, no current enrolment', () => {
    const r = mapEducation(body('getEducation__ok'));
    expect(r).toEqual({ outcome: 'ok', data: sample('education', 'getEducation__ok').meta.expected });
    if (r.outcome !== 'ok') throw new Error('expected ok');
    expect(validModel(r.data)).toBe(true);
    expect(r.data.records.map((x) => [x.level.code, x.document?.type.code])).toEqual([['general-secondary', 'attestat'], ['bachelor', 'diploma'], ['master', 'diploma']]);
    expect(r.data.currentEnrolment).toBeNull();
  });

  it('The ministry answers a student. Result: the studies in progress without end year or diploma, and the current enrolment with its year of study', () => {
    const r = mapEducation(body('getEducation__ok-enrolled'));
    if (r.outcome !== 'ok') throw new Error('expected ok');
    expect(validModel(r.data)).toBe(true);
    const open = r.data.records.find((x) => x.endYear === null)!;
    expect(open.document).toBeNull();
    expect(r.data.currentEnrolment).toEqual({ level: open.level, institution: open.institution, speciality: open.speciality, startYear: open.startYear, course: 4 });
  });

  it('The ministry adds fields the contract does not know. Result: they are not passed on', () => {
    const b = body('getEducation__ok');
    b.records[1].gpa = 91.5;
    b.records[1].document!.photo = 'base64...';
    const out = JSON.stringify(mapEducation(b));
    expect(out).not.toContain('gpa');
    expect(out).not.toContain('photo');
  });

  it.each([
    ['records is not an array', (b: Body) => { b.records = 'none' as never; }],
    ['currentEnrolment is missing (the contract says null when none)', (b: Body) => { delete (b as Record<string, unknown>).currentEnrolment; }],
    ['a start year is a string', (b: Body) => { b.records[0].startYear = '1990'; }],
    ['a level has no code', (b: Body) => { b.records[0].level = { label: 'Tam orta təhsil' }; }],
    ['a diploma has no number', (b: Body) => { delete b.records[1].document!.number; }],
  ])('The ministry answers a shape the contract does not have (%s). Result: the mapper throws (the engine reports a bad answer)', (_what, spoil) => {
    const b = body('getEducation__ok');
    spoil(b);
    expect(() => mapEducation(b)).toThrow();
  });

  it('A mapped answer with no record at all. Result: the model schema rejects it (nothing on file is a 404, not an empty result)', () => {
    const r = mapEducation(body('getEducation__ok'));
    if (r.outcome !== 'ok') throw new Error('expected ok');
    expect(validModel({ ...r.data, records: [] })).toBe(false);
  });

  it('The hub asks by FIN. Result: the persons path, the FIN URL-encoded; a VÖEN is refused before any request', () => {
    expect(educationPath(params({ fin: '5ZK8F3R' }))).toBe('/v1/persons/5ZK8F3R/education');
    expect(educationPath(params({ fin: '5ZK#F3R' }))).toBe('/v1/persons/5ZK%23F3R/education');
    expect(() => educationPath(params({ voen: '1401234561' }))).toThrow(TypeError);
  });
});
