/**
 * The credit registry's pure parts (statute 11.2.14): the request path per subject kind, the mapper
 * over the golden answers and over shapes the contract does not have, the fault table.
 */
import { adapter } from '../../../adapters/credit-registry/credit-registry.adapter';
import { creditReportPath, mapCreditReport } from '../../../adapters/credit-registry/credit-registry.mapper';
import { matchFault } from '../../../adapters/kit/fault-matcher';
import { createModelCheck } from '../../../adapters/kit/model-validator';
import { sample } from '../../../contracts/registries/samples';
import { callParams } from './support/adapter-fixture';

const body = (id: string) => JSON.parse(sample('credit-registry', id).response);
const check = createModelCheck(adapter);

describe('credit-registry getCreditReport', () => {
  test.each(['getCreditReport__ok', 'getCreditReport__ok-voen'])('%s: the golden answer maps to the expected model, which passes its schema', (id) => {
    const mapped = mapCreditReport(body(id));
    expect(mapped).toEqual({ outcome: 'ok', data: sample('credit-registry', id).meta.expected });
    expect(() => check('getCreditReport', (mapped as { data: unknown }).data)).not.toThrow();
  });

  test('Judge asks about the plaintiff 5ZK8F3R. Result: his mortgage names its collateral (the flat), the consumer loan none; the summary counts both', () => {
    const d = (mapCreditReport(body('getCreditReport__ok')) as { data: Record<string, any> }).data;
    expect(d.summary.activeCount).toBe(d.active.length);
    const mortgage = d.active.find((o: Record<string, any>) => o.type.code === 'mortgage');
    expect(mortgage.collateral.type.code).toBe('real-estate');
    expect(d.active.find((o: Record<string, any>) => o.type.code === 'consumer').collateral).toBeNull();
  });

  test('A guaranteed obligation names the borrower the subject stands surety for', () => {
    const b = body('getCreditReport__ok');
    b.guaranteed = [{ ...b.active[1], borrower: { name: 'Süleymanova Səbinə' } }];
    b.summary.guaranteedCount = 1;
    const d = (mapCreditReport(b) as { data: Record<string, any> }).data;
    expect(d.guaranteed[0].borrower).toEqual({ name: 'Süleymanova Səbinə' });
    expect(() => check('getCreditReport', d)).not.toThrow();
  });

  test.each([
    ['the summary is missing', (b: Record<string, any>) => { delete b.summary; }],
    ['a guaranteed obligation without its borrower', (b: Record<string, any>) => { b.guaranteed = [b.active[0]]; }],
    ['an outstanding amount as a number', (b: Record<string, any>) => { b.active[0].outstanding.amount = 43112.02; }],
    ['a collateral without its reference', (b: Record<string, any>) => { delete b.active[0].collateral.reference; }],
  ])('The registry answers a shape it does not document (%s). Result: the mapper throws, never data', (_what, spoil) => {
    const b = body('getCreditReport__ok');
    spoil(b);
    expect(() => mapCreditReport(b)).toThrow(/^answer: \//);
  });

  test('A credit type the contract does not list. Result: the model schema refuses it', () => {
    const b = body('getCreditReport__ok');
    b.active[0].type.code = 'payday';
    expect(() => check('getCreditReport', (mapCreditReport(b) as { data: unknown }).data)).toThrow(expect.objectContaining({ code: 'HUB_ERR_UPSTREAM_BAD_ANSWER' }));
  });

  test('Path: a FIN or a VÖEN as query parameter', () => {
    expect(creditReportPath(callParams({ subject: { fin: '5ZK8F3R' } }))).toBe('/v1/credit-reports?fin=5ZK8F3R');
    expect(creditReportPath(callParams({ subject: { voen: '1401234561' } }))).toBe('/v1/credit-reports?voen=1401234561');
  });

  test('The not-found problem is "nothing on file"; an unavailable register is an error', () => {
    expect(matchFault(adapter.faults, { httpStatus: 404, problemType: 'https://credit-registry.gov.az/problems/not-found' })).toBe('not-found');
    expect(matchFault(adapter.faults, { httpStatus: 503, problemType: 'https://credit-registry.gov.az/problems/unavailable' })).toBe('HUB_ERR_UPSTREAM_UNAVAILABLE');
  });
});
