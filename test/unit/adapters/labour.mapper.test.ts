/**
 * The labour register's pure parts (statute 11.2.4): the request path, the mapper over the golden
 * answers and over shapes the contract does not have, the fault table on its problems.
 */
import { adapter } from '../../../adapters/labour/labour.adapter';
import { employmentPath, mapEmployment } from '../../../adapters/labour/labour.mapper';
import { matchFault } from '../../../adapters/kit/fault-matcher';
import { createModelCheck } from '../../../adapters/kit/model-validator';
import { sample } from '../../../contracts/registries/samples';
import { callParams } from './support/adapter-fixture';

const ok = () => JSON.parse(sample('labour', 'getEmployment__ok').response);
const check = createModelCheck(adapter);

describe('labour getEmployment', () => {
  test('Judge asks about the plaintiff 5ZK8F3R. Result: the golden answer maps to the expected model, which passes its schema', () => {
    const mapped = mapEmployment(ok());
    expect(mapped).toEqual({ outcome: 'ok', data: sample('labour', 'getEmployment__ok').meta.expected });
    expect(() => check('getEmployment', (mapped as { data: unknown }).data)).not.toThrow();
  });

  test('The contract in force carries employer VÖEN and the monthly salary as a decimal string (what wage enforcement needs). Result: kept as sent', () => {
    const mapped = mapEmployment(ok()) as { data: { contracts: { endDate: string | null; employer: { voen: string }; monthlySalary: { amount: string } }[] } };
    const current = mapped.data.contracts.filter((c) => c.endDate === null);
    expect(current).toHaveLength(1);
    expect(current[0].employer.voen).toMatch(/^[0-9]{10}$/);
    expect(current[0].monthlySalary.amount).toMatch(/^[0-9]+\.[0-9]{2}$/);
  });

  test('The register adds a field the contract does not know. Result: not passed on', () => {
    const body = ok();
    body.internalNote = 'x';
    body.contracts[0].grade = 7;
    const mapped = mapEmployment(body) as unknown as { data: Record<string, unknown> & { contracts: Record<string, unknown>[] } };
    expect(mapped.data.internalNote).toBeUndefined();
    expect(mapped.data.contracts[0].grade).toBeUndefined();
  });

  test.each([
    ['contracts is not an array', (b: Record<string, any>) => { b.contracts = {}; }],
    ['a salary amount is a number, not a decimal string', (b: Record<string, any>) => { b.contracts[0].monthlySalary.amount = 2280; }],
    ['the social insurance account is missing', (b: Record<string, any>) => { delete b.socialInsurance; }],
    ['a contract type without its code', (b: Record<string, any>) => { b.contracts[0].contractType = 'permanent'; }],
  ])('The register answers a shape it does not document (%s). Result: the mapper throws, never data', (_what, spoil) => {
    const body = ok();
    spoil(body);
    expect(() => mapEmployment(body)).toThrow(/^answer: \//);
  });

  test('A mapped salary that is not a decimal amount. Result: the model schema refuses it (HUB_ERR_UPSTREAM_BAD_ANSWER)', () => {
    const body = ok();
    body.contracts[0].monthlySalary.amount = '2280';
    const mapped = mapEmployment(body) as { data: unknown };
    expect(() => check('getEmployment', mapped.data)).toThrow(expect.objectContaining({ code: 'HUB_ERR_UPSTREAM_BAD_ANSWER' }));
  });

  test('Path: the FIN is a query parameter, URL-encoded; a VÖEN is refused before any call', () => {
    expect(employmentPath(callParams({ subject: { fin: '5ZK8F3R' } }))).toBe('/v1/employment?fin=5ZK8F3R');
    expect(employmentPath(callParams({ subject: { fin: 'A&B=C' } }))).toBe('/v1/employment?fin=A%26B%3DC');
    expect(() => employmentPath(callParams({ subject: { voen: '1401234561' } }))).toThrow();
  });

  test('The not-found problem is "nothing on file"; a 404 without it (a wrong path, a proxy) is an error, never "not found"', () => {
    expect(matchFault(adapter.faults, { httpStatus: 404, problemType: 'https://labour.gov.az/problems/not-found' })).toBe('not-found');
    expect(matchFault(adapter.faults, { httpStatus: 404 })).not.toBe('not-found');
    expect(matchFault(adapter.faults, { httpStatus: 500, problemType: 'https://labour.gov.az/problems/internal-error' })).toBe('HUB_ERR_UPSTREAM_SERVER_ERROR');
  });
});
