/**
 * The pledge register's pure parts (statute 11.2.15): the request path per subject kind, the mapper
 * over the golden answers and over shapes the contract does not have, the fault table.
 */
import { adapter } from '../../../adapters/collateral/collateral.adapter';
import { mapPledges, pledgesPath } from '../../../adapters/collateral/collateral.mapper';
import { matchFault } from '../../../adapters/kit/fault-matcher';
import { createModelCheck } from '../../../adapters/kit/model-validator';
import { sample } from '../../../contracts/registries/samples';
import { callParams } from './support/adapter-fixture';

const body = (id: string) => JSON.parse(sample('collateral', id).response);
const check = createModelCheck(adapter);

describe('collateral getCollateral', () => {
  test.each(['getCollateral__ok', 'getCollateral__ok-voen'])('%s: the golden answer maps to the expected model, which passes its schema', (id) => {
    const mapped = mapPledges(body(id));
    expect(mapped).toEqual({ outcome: 'ok', data: sample('collateral', id).meta.expected });
    expect(() => check('getCollateral', (mapped as { data: unknown }).data)).not.toThrow();
  });

  test('A pledgor known by FIN or VÖEN keeps it; a pledgor known by name only gets no identifier', () => {
    const b = body('getCollateral__ok');
    b.pledges[0].pledgor = { name: '"Xəzər Tikinti" MMC', voen: '1401234561' };
    const d = (mapPledges(b) as unknown as { data: { pledges: { pledgor: Record<string, string> }[] } }).data;
    expect(d.pledges[0].pledgor).toEqual({ name: '"Xəzər Tikinti" MMC', voen: '1401234561' });
    expect(Object.keys(d.pledges[1].pledgor)).toEqual(['name']);
    expect(() => check('getCollateral', d)).not.toThrow();
  });

  test.each([
    ['pledges is not an array', (b: Record<string, any>) => { b.pledges = null; }],
    ['the subject is missing', (b: Record<string, any>) => { delete b.subject; }],
    ['a secured amount without currency', (b: Record<string, any>) => { delete b.pledges[0].securedAmount.currency; }],
    ['a pledgor identifier that is a number', (b: Record<string, any>) => { b.pledges[0].pledgor.voen = 1401234561; }],
  ])('The register answers a shape it does not document (%s). Result: the mapper throws, never data', (_what, spoil) => {
    const b = body('getCollateral__ok');
    spoil(b);
    expect(() => mapPledges(b)).toThrow(/^answer: \//);
  });

  test('A status the contract does not list. Result: the model schema refuses it', () => {
    const b = body('getCollateral__ok');
    b.pledges[0].status.code = 'frozen';
    expect(() => check('getCollateral', (mapPledges(b) as { data: unknown }).data)).toThrow(expect.objectContaining({ code: 'HUB_ERR_UPSTREAM_BAD_ANSWER' }));
  });

  test('Path: a FIN or a VÖEN as query parameter', () => {
    expect(pledgesPath(callParams({ subject: { fin: '3CD4E5F' } }))).toBe('/v1/pledges?fin=3CD4E5F');
    expect(pledgesPath(callParams({ subject: { voen: '1401000071' } }))).toBe('/v1/pledges?voen=1401000071');
  });

  test('The not-found problem is "nothing on file"; a 401 problem is a rejection', () => {
    expect(matchFault(adapter.faults, { httpStatus: 404, problemType: 'https://collateral.gov.az/problems/not-found' })).toBe('not-found');
    expect(matchFault(adapter.faults, { httpStatus: 401, problemType: 'https://collateral.gov.az/problems/invalid-signature' })).toBe('HUB_ERR_UPSTREAM_REJECTED');
  });
});
