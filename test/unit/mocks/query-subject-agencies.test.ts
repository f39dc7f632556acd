/**
 * The mock registers that take their subject as a query parameter (labour 11.2.4, mortgage fund
 * 11.2.12, credit registry 11.2.14, pledge register 11.2.15), over real HTTP: one subject per
 * request, never an answer about a subject the request did not name exactly.
 */
import { sample } from '../../../contracts/registries/samples';
import { type MockAgency, loadAgency } from '../../../mocks';
import { send } from '../../contract/support/http-client';

const MODULES = [
  ['labour', 'getEmployment', '/v1/employment'],
  ['mortgage-fund', 'getMortgageLoans', '/v1/mortgage-loans'],
  ['credit-registry', 'getCreditReport', '/v1/credit-reports'],
  ['collateral', 'getCollateral', '/v1/pledges'],
] as const;

describe.each(MODULES)('mock %s register (REST, subject in the query)', (id, operation, path) => {
  const ok = sample(id, `${operation}__ok`);
  const headers = ok.request.headers;
  const problemBase = `https://${id}.gov.az/problems/`;
  let agency: MockAgency;
  beforeAll(async () => { agency = await loadAgency(id).start(); });
  afterAll(() => agency.stop());

  it('Hub asks with both a FIN and a VÖEN. Result: 400 bad-request (or, where the register takes no VÖEN, a path outside the contract), never data or "not found"', async () => {
    for (const query of ['?fin=5ZK8F3R&voen=1401234561', '?voen=1401234561&fin=5ZK8F3R']) {
      const res = await send(agency.url + path + query, { headers });
      if (res.status === 404) {
        expect(id).toBe('labour');
        expect(res.headers['content-type']).toMatch(/^text\/plain/);
        continue;
      }
      expect([query, res.status]).toEqual([query, 400]);
      expect(JSON.parse(res.body.toString()).type).toBe(`${problemBase}bad-request`);
    }
  });

  it('Hub asks with no subject at all. Result: 404 text/plain (outside the contract), never a problem "not-found"', async () => {
    const res = await send(agency.url + path, { headers });
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
  });

  it('Hub asks about a FIN in lower case (another FIN: FINs are case-sensitive). Result: 400 bad-request, not the upper-case person\'s record', async () => {
    const fin = (ok.meta.subject as { fin: string }).fin;
    const res = await send(`${agency.url}${path}?fin=${fin.toLowerCase()}`, { headers });
    expect(res.status).toBe(400);
  });
});
