/**
 * The State Housing Agency's mapper (statute 11.2.18): golden answers to the canonical model,
 * unknown shapes refused, nothing but the known fields passed on.
 */
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { mapRentToOwn, rentToOwnPath } from '../../../adapters/housing/housing.mapper';
import type { AdapterCallParams } from '../../../contracts/hub';
import { modelSchemaPath } from '../../../contracts/registries/paths';
import { sample } from '../../../contracts/registries/samples';

type Body = Record<string, unknown> & { contracts: (Record<string, unknown> & { apartment: Record<string, unknown> })[] };
const body = () => JSON.parse(sample('housing', 'getRentToOwn__ok').response) as Body;
const ajv = new Ajv({ allErrors: true, strict: true });
addFormats(ajv);
const validModel = ajv.compile(JSON.parse(readFileSync(modelSchemaPath('housing', 'getRentToOwn'), 'utf8')));
const params = (subject: AdapterCallParams['subject']) => ({ subject }) as AdapterCallParams;

describe('housing mapper (getRentToOwn)', () => {
  it('The agency answers the defendant\'s rent-to-own contract. Result: ok, the golden canonical model; price = paid + outstanding', () => {
    const r = mapRentToOwn(body());
    expect(r).toEqual({ outcome: 'ok', data: sample('housing', 'getRentToOwn__ok').meta.expected });
    if (r.outcome !== 'ok') throw new Error('expected ok');
    expect(validModel(r.data)).toBe(true);
    const c = r.data.contracts[0];
    expect(Number(c.paid.amount) + Number(c.outstanding.amount)).toBeCloseTo(Number(c.price.amount), 2);
    expect(Number(c.arrears.amount)).toBeLessThanOrEqual(Number(c.outstanding.amount));
  });

  it('The agency adds fields the contract does not know. Result: they are not passed on', () => {
    const b = body();
    b.contracts[0].tenantPhone = '+994501234567';
    b.contracts[0].apartment.floor = 9;
    const out = JSON.stringify(mapRentToOwn(b));
    expect(out).not.toContain('994501234567');
    expect(out).not.toContain('floor');
  });

  it.each([
    ['contracts is missing', (b: Body) => { delete (b as Record<string, unknown>).contracts; }],
    ['the subject is a bare string', (b: Body) => { b.subject = '1AB2C3D'; }],
    ['the price is a number, not a decimal string with its currency', (b: Body) => { b.contracts[0].price = 64800; }],
    ['the apartment\'s area is a string', (b: Body) => { b.contracts[0].apartment.areaSqm = '64'; }],
    ['the term is fractional', (b: Body) => { b.contracts[0].termMonths = 180.5; }],
  ])('The agency answers a shape the contract does not have (%s). Result: the mapper throws (the engine reports a bad answer)', (_what, spoil) => {
    const b = body();
    spoil(b);
    expect(() => mapRentToOwn(b)).toThrow();
  });

  it('A mapped answer with an amount of three fraction digits. Result: the model schema rejects it', () => {
    const r = mapRentToOwn(body());
    if (r.outcome !== 'ok') throw new Error('expected ok');
    r.data.contracts[0].paid = { amount: '11520.005', currency: 'AZN' };
    expect(validModel(r.data)).toBe(false);
  });

  it('The hub asks by FIN. Result: the persons path, the FIN URL-encoded; a VÖEN is refused before any request', () => {
    expect(rentToOwnPath(params({ fin: '1AB2C3D' }))).toBe('/v1/persons/1AB2C3D/rent-to-own-contracts');
    expect(rentToOwnPath(params({ fin: 'A B' }))).toBe('/v1/persons/A%20B/rent-to-own-contracts');
    expect(() => rentToOwnPath(params({ voen: '1401234561' }))).toThrow(TypeError);
  });
});
