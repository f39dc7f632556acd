/**
 * The compulsory insurance bureau's mapper (statute 11.2.20): golden answers to the canonical model,
 * unknown shapes refused, nothing but the known fields passed on.
 */
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { insuranceContractsPath, mapInsuranceContracts } from '../../../adapters/insurance/insurance.mapper';
import type { AdapterCallParams } from '../../../contracts/hub';
import { modelSchemaPath } from '../../../contracts/registries/paths';
import { sample } from '../../../contracts/registries/samples';

const body = (id: string) => JSON.parse(sample('insurance', id).response) as Record<string, unknown> & { contracts: Record<string, unknown>[] };
const ajv = new Ajv({ allErrors: true, strict: true });
addFormats(ajv);
const validModel = ajv.compile(JSON.parse(readFileSync(modelSchemaPath('insurance', 'getInsuranceContracts'), 'utf8')));
const params = (subject: AdapterCallParams['subject']) => ({ subject }) as AdapterCallParams;

describe('insurance mapper (getInsuranceContracts)', () => {
  it('The bureau answers the plaintiff\'s motor policy. Result: ok, the golden canonical model, valid against the model schema', () => {
    const r = mapInsuranceContracts(body('getInsuranceContracts__ok'));
    expect(r).toEqual({ outcome: 'ok', data: sample('insurance', 'getInsuranceContracts__ok').meta.expected });
    expect(validModel(r.outcome === 'ok' ? r.data : null)).toBe(true);
  });

  it('The bureau answers a company\'s six policies, one with a paid claim. Result: every policy, the claim with its amount as a decimal string', () => {
    const r = mapInsuranceContracts(body('getInsuranceContracts__ok-voen'));
    if (r.outcome !== 'ok') throw new Error('expected ok');
    expect(r.data.subject).toEqual({ voen: '1401234561' });
    expect(r.data.contracts).toHaveLength(6);
    const claim = r.data.contracts.flatMap((c) => c.claims)[0];
    expect(claim.status.code).toBe('paid');
    expect(claim.paid).toEqual({ amount: '1658.00', currency: 'AZN' });
    expect(validModel(r.data)).toBe(true);
  });

  it('The bureau adds fields the contract does not know. Result: they are not passed on', () => {
    const b = body('getInsuranceContracts__ok');
    b.contracts[0].insuredPersonPhone = '+994501234567';
    b.internalScore = 7;
    const r = mapInsuranceContracts(b);
    expect(JSON.stringify(r)).not.toContain('994501234567');
    expect(JSON.stringify(r)).not.toContain('internalScore');
  });

  it.each([
    ['contracts is not an array', (b: ReturnType<typeof body>) => { b.contracts = {} as never; }],
    ['the subject names both a FIN and a VÖEN', (b: ReturnType<typeof body>) => { b.subject = { fin: '5ZK8F3R', voen: '1401234561' }; }],
    ['a premium is a number, not a decimal string with its currency', (b: ReturnType<typeof body>) => { b.contracts[0].premium = 90; }],
    ['a policy has no insured object', (b: ReturnType<typeof body>) => { delete b.contracts[0].insuredObject; }],
    ['a policy type has no label', (b: ReturnType<typeof body>) => { b.contracts[0].type = { code: 'vehicle-liability' }; }],
  ])('The bureau answers a shape the contract does not have (%s). Result: the mapper throws (the engine reports a bad answer)', (_what, spoil) => {
    const b = body('getInsuranceContracts__ok');
    spoil(b);
    expect(() => mapInsuranceContracts(b)).toThrow();
  });

  it('A mapped answer whose policy type is not a compulsory kind. Result: the model schema rejects it', () => {
    const r = mapInsuranceContracts(body('getInsuranceContracts__ok'));
    if (r.outcome !== 'ok') throw new Error('expected ok');
    r.data.contracts[0].type = { code: 'life' as never, label: 'Həyat sığortası' };
    expect(validModel(r.data)).toBe(false);
  });

  it('The hub asks by FIN or by VÖEN. Result: the persons or the organisations path, the identifier URL-encoded', () => {
    expect(insuranceContractsPath(params({ fin: '5ZK8F3R' }))).toBe('/v1/persons/5ZK8F3R/insurance-contracts');
    expect(insuranceContractsPath(params({ voen: '1401234561' }))).toBe('/v1/organisations/1401234561/insurance-contracts');
    expect(insuranceContractsPath(params({ fin: '../x?y' }))).toBe('/v1/persons/..%2Fx%3Fy/insurance-contracts');
  });
});
