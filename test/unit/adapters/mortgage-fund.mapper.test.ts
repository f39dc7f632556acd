/**
 * The mortgage fund's pure parts (statute 11.2.12): the request path per subject kind, the mapper
 * over the golden answers and over shapes the contract does not have, the fault table.
 */
import { adapter } from '../../../adapters/mortgage-fund/mortgage-fund.adapter';
import { mapMortgageLoans, mortgageLoansPath } from '../../../adapters/mortgage-fund/mortgage-fund.mapper';
import { matchFault } from '../../../adapters/kit/fault-matcher';
import { createModelCheck } from '../../../adapters/kit/model-validator';
import { sample } from '../../../contracts/registries/samples';
import { callParams } from './support/adapter-fixture';

const body = (id: string) => JSON.parse(sample('mortgage-fund', id).response);
const check = createModelCheck(adapter);

describe('mortgage-fund getMortgageLoans', () => {
  test.each(['getMortgageLoans__ok', 'getMortgageLoans__ok-voen'])('%s: the golden answer maps to the expected model, which passes its schema', (id) => {
    const mapped = mapMortgageLoans(body(id));
    expect(mapped).toEqual({ outcome: 'ok', data: sample('mortgage-fund', id).meta.expected });
    expect(() => check('getMortgageLoans', (mapped as { data: unknown }).data)).not.toThrow();
  });

  test('Judge asks about the plaintiff 5ZK8F3R. Result: his preferential mortgage names the mortgaged property by cadastral number; no guarantee share', () => {
    const [loan] = (mapMortgageLoans(body('getMortgageLoans__ok')) as { data: { loans: Record<string, any>[] } }).data.loans;
    expect(loan.programme.code).toBe('preferential-mortgage');
    expect(loan.collateralCadastralNumber).toMatch(/^[0-9-]+$/);
    expect(loan.guaranteePercent).toBeNull();
  });

  test.each([
    ['the subject names both a FIN and a VÖEN', (b: Record<string, any>) => { b.subject = { fin: '5ZK8F3R', voen: '1401234561' }; }],
    ['loans is missing', (b: Record<string, any>) => { delete b.loans; }],
    ['overdue days as a string', (b: Record<string, any>) => { b.loans[0].overdueDays = '0'; }],
    ['the bank is a bare name', (b: Record<string, any>) => { b.loans[0].bank = 'Qarabağ Bank'; }],
  ])('The fund answers a shape it does not document (%s). Result: the mapper throws, never data', (_what, spoil) => {
    const b = body('getMortgageLoans__ok');
    spoil(b);
    expect(() => mapMortgageLoans(b)).toThrow(/^answer: \//);
  });

  test('An empty list of loans. Result: the model schema refuses it (no loan is a 404 not-found, never an empty result)', () => {
    const b = body('getMortgageLoans__ok');
    b.loans = [];
    expect(() => check('getMortgageLoans', (mapMortgageLoans(b) as { data: unknown }).data)).toThrow(expect.objectContaining({ code: 'HUB_ERR_UPSTREAM_BAD_ANSWER' }));
  });

  test('Path: a FIN or a VÖEN as query parameter, URL-encoded', () => {
    expect(mortgageLoansPath(callParams({ subject: { fin: '5ZK8F3R' } }))).toBe('/v1/mortgage-loans?fin=5ZK8F3R');
    expect(mortgageLoansPath(callParams({ subject: { voen: '1401000031' } }))).toBe('/v1/mortgage-loans?voen=1401000031');
    expect(mortgageLoansPath(callParams({ subject: { fin: 'A&voen=1' } }))).toBe('/v1/mortgage-loans?fin=A%26voen%3D1');
  });

  test('The not-found problem is "nothing on file"; a 404 without it is an error', () => {
    expect(matchFault(adapter.faults, { httpStatus: 404, problemType: 'https://mortgage-fund.gov.az/problems/not-found' })).toBe('not-found');
    expect(matchFault(adapter.faults, { httpStatus: 404, problemType: 'https://phone.gov.az/problems/not-found' })).not.toBe('not-found');
  });
});
