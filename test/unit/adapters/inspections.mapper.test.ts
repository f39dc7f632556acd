/**
 * The unified register of inspections' mapper (statute 11.2.25): golden answers to the canonical
 * model, unknown shapes refused, nothing but the known fields passed on.
 */
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { inspectionsPath, mapInspections } from '../../../adapters/inspections/inspections.mapper';
import type { AdapterCallParams } from '../../../contracts/hub';
import { modelSchemaPath } from '../../../contracts/registries/paths';
import { sample } from '../../../contracts/registries/samples';

type Body = Record<string, unknown> & { inspections: (Record<string, unknown> & { sanctions: Record<string, unknown>[] })[] };
const body = (id: string) => JSON.parse(sample('inspections', id).response) as Body;
const ajv = new Ajv({ allErrors: true, strict: true });
addFormats(ajv);
const validModel = ajv.compile(JSON.parse(readFileSync(modelSchemaPath('inspections', 'getInspections'), 'utf8')));
const params = (subject: AdapterCallParams['subject']) => ({ subject }) as AdapterCallParams;

describe('inspections mapper (getInspections)', () => {
  it('The register answers the company\'s two inspections. Result: ok, the golden canonical model, the fine with its amount and the order to remedy', () => {
    const r = mapInspections(body('getInspections__ok'));
    expect(r).toEqual({ outcome: 'ok', data: sample('inspections', 'getInspections__ok').meta.expected });
    if (r.outcome !== 'ok') throw new Error('expected ok');
    expect(validModel(r.data)).toBe(true);
    const found = r.data.inspections.find((i) => i.status.code === 'violations-found')!;
    expect(found.findings.length).toBeGreaterThan(0);
    expect(found.sanctions.map((s) => [s.kind.code, s.amount])).toEqual([['fine', { amount: '500.00', currency: 'AZN' }], ['order-to-remedy', null]]);
  });

  it('The register answers an individual entrepreneur asked by FIN. Result: ok, the subject is the FIN, the business his VÖEN', () => {
    const r = mapInspections(body('getInspections__ok-fin'));
    if (r.outcome !== 'ok') throw new Error('expected ok');
    expect(r.data.subject).toEqual({ fin: '3CD4E5F' });
    expect(r.data.business.voen).toBe('1509876542');
    expect(validModel(r.data)).toBe(true);
  });

  it('The register adds fields the contract does not know. Result: they are not passed on', () => {
    const b = body('getInspections__ok');
    b.inspections[0].inspectorFin = '9QQ9QQ9';
    b.riskScore = 0.7;
    const out = JSON.stringify(mapInspections(b));
    expect(out).not.toContain('9QQ9QQ9');
    expect(out).not.toContain('riskScore');
  });

  it.each([
    ['inspections is not an array', (b: Body) => { b.inspections = null as never; }],
    ['the business is missing', (b: Body) => { delete b.business; }],
    ['a fine is a number, not a decimal string with its currency', (b: Body) => { b.inspections[1].sanctions[0].amount = 500; }],
    ['"executed" is a string', (b: Body) => { b.inspections[1].sanctions[0].executed = 'yes'; }],
    ['a finding is not a string', (b: Body) => { b.inspections[1].findings = [{ text: 'x' }]; }],
  ])('The register answers a shape the contract does not have (%s). Result: the mapper throws (the engine reports a bad answer)', (_what, spoil) => {
    const b = body('getInspections__ok');
    spoil(b);
    expect(() => mapInspections(b)).toThrow();
  });

  it('A mapped answer whose status code the register does not have. Result: the model schema rejects it', () => {
    const r = mapInspections(body('getInspections__ok'));
    if (r.outcome !== 'ok') throw new Error('expected ok');
    r.data.inspections[0].status = { code: 'closed' as never, label: 'Bağlanıb' };
    expect(validModel(r.data)).toBe(false);
  });

  it('The hub asks by FIN or by VÖEN. Result: the persons or the entrepreneurs path, the identifier URL-encoded', () => {
    expect(inspectionsPath(params({ fin: '3CD4E5F' }))).toBe('/v1/persons/3CD4E5F/inspections');
    expect(inspectionsPath(params({ voen: '1401234561' }))).toBe('/v1/entrepreneurs/1401234561/inspections');
    expect(inspectionsPath(params({ voen: '1/2' }))).toBe('/v1/entrepreneurs/1%2F2/inspections');
  });
});
