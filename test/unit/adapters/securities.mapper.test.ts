/**
 * The National Depository Centre's pure mapper (statute 11.2.19) against its golden answers and
 * against answers of shapes it must refuse. A refused shape throws: the engine turns that into
 * HUB_ERR_UPSTREAM_BAD_ANSWER, never into data or "not found".
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildGetSecurities, mapGetSecuritiesResponse, SECURITIES_NS } from '../../../adapters/securities/securities.mapper';
import { parseXml } from '../../../signing/xml/parse-xml';
import { callParams } from './support/adapter-fixture';
import { SOAP, soapGolden } from './support/soap-golden';

const { golden, payloadOf, check, dir: DIR } = soapGolden('securities', ['getSecurities']);
const holding = (over: Partial<Record<string, string>> = {}) => {
  const f = {
    isin: '<sec:isin>AZ8291651328</sec:isin>', issuer: '<sec:issuer><sec:name>"Abşeron Ticarət" QSC</sec:name><sec:voen>8012168841</sec:voen></sec:issuer>',
    class: '<sec:class code="bond">İstiqraz</sec:class>', quantity: '<sec:quantity>12</sec:quantity>',
    nominalValue: '<sec:nominalValue currency="AZN">1000.00</sec:nominalValue>', totalNominalValue: '<sec:totalNominalValue currency="AZN">12000.00</sec:totalNominalValue>',
    encumbrances: '<sec:encumbrances/>', ...over,
  };
  return `<sec:holding>${Object.values(f).join('')}</sec:holding>`;
};
const answer = (holdings: string, account = '<sec:custodyAccount>MDM-25342357</sec:custodyAccount>') =>
  payloadOf(`<e:Envelope xmlns:e="${SOAP}"><e:Body><sec:getSecuritiesResponse xmlns:sec="${SECURITIES_NS}"><sec:subject><sec:voen>2579081811</sec:voen></sec:subject>${account}<sec:holdings>${holdings}</sec:holdings></sec:getSecuritiesResponse></e:Body></e:Envelope>`);
const dataOf = (r: unknown) => (r as { data: { holdings: Record<string, unknown>[] } }).data;

describe('securities mapper (11.2.19)', () => {
  test.each(['getSecurities__ok', 'getSecurities__ok-voen'])('The depository answers %s. Result: the canonical model of the sample, valid against its schema', (id) => {
    const g = golden(id);
    const mapped = mapGetSecuritiesResponse(payloadOf(g.response));
    expect(mapped).toEqual({ outcome: 'ok', data: g.expected });
    expect(() => check('getSecurities', dataOf(mapped))).not.toThrow();
  });

  test('A company whose shares are arrested in enforcement. Result: the arrests on the holding with holder, basis (proceeding number) and until null', () => {
    const h = dataOf(mapGetSecuritiesResponse(payloadOf(golden('getSecurities__ok-voen').response))).holdings[0];
    expect(h.encumbrances).toEqual([
      expect.objectContaining({ kind: { code: 'arrest', label: 'Həbs' }, holder: { name: 'Nəsimi rayon İcra Şöbəsi' }, until: null,
        basis: expect.objectContaining({ kind: { code: 'enforcement-order', label: 'İcra məmurunun qərarı' }, number: 'İC-2025-852763' }) }),
      expect.objectContaining({ basis: expect.objectContaining({ number: 'İC-2020-008226' }) }),
    ]);
  });

  test('A bond holding. Result: amounts stay decimal strings with their currency, the quantity an integer, the class with code and label', () => {
    const h = dataOf(mapGetSecuritiesResponse(answer(holding()))).holdings[0];
    expect(h).toMatchObject({ class: { code: 'bond', label: 'İstiqraz' }, quantity: 12, nominalValue: { amount: '1000.00', currency: 'AZN' }, totalNominalValue: { amount: '12000.00', currency: 'AZN' }, encumbrances: [] });
  });

  test('A pledge ending on a date, its holder a bank with a VÖEN. Result: until is the date, the holder keeps its VÖEN', () => {
    const pledge = '<sec:encumbrances><sec:encumbrance><sec:kind code="pledge">Girov</sec:kind><sec:holder><sec:name>"Qarabağ Bank" ASC</sec:name><sec:voen>1300000011</sec:voen></sec:holder>' +
      '<sec:basis><sec:kind code="pledge-contract">Girov müqaviləsi</sec:kind><sec:number>GM-2024-1181</sec:number><sec:date>2024-02-01</sec:date><sec:issuer>"Qarabağ Bank" ASC</sec:issuer></sec:basis>' +
      '<sec:registeredOn>2024-02-03</sec:registeredOn><sec:until>2027-02-01</sec:until></sec:encumbrance></sec:encumbrances>';
    const r = mapGetSecuritiesResponse(answer(holding({ encumbrances: pledge })));
    expect(dataOf(r).holdings[0].encumbrances).toEqual([expect.objectContaining({ holder: { name: '"Qarabağ Bank" ASC', voen: '1300000011' }, until: '2027-02-01' })]);
    expect(() => check('getSecurities', dataOf(r))).not.toThrow();
  });

  test('An amount without its currency. Result: the mapper throws', () => {
    expect(() => mapGetSecuritiesResponse(answer(holding({ nominalValue: '<sec:nominalValue>1000.00</sec:nominalValue>' })))).toThrow(/currency/);
  });

  test('A quantity that is not an integer. Result: the mapper throws', () => {
    expect(() => mapGetSecuritiesResponse(answer(holding({ quantity: '<sec:quantity>12.5</sec:quantity>' })))).toThrow(/quantity/);
  });

  test('A holding without its ISIN. Result: the mapper throws', () => {
    expect(() => mapGetSecuritiesResponse(answer(holding({ isin: '' })))).toThrow(/isin/);
  });

  test('An answer without the custody account. Result: the mapper throws', () => {
    expect(() => mapGetSecuritiesResponse(answer(holding(), ''))).toThrow(/custodyAccount/);
  });

  test('An amount with three fraction digits, or an unknown class. Result: mapped, then refused by the model schema', () => {
    const odd = mapGetSecuritiesResponse(answer(holding({ nominalValue: '<sec:nominalValue currency="AZN">1000.005</sec:nominalValue>' })));
    expect(() => check('getSecurities', dataOf(odd))).toThrow(expect.objectContaining({ code: 'HUB_ERR_UPSTREAM_BAD_ANSWER' }));
    const cls = mapGetSecuritiesResponse(answer(holding({ class: '<sec:class code="derivative">Törəmə</sec:class>' })));
    expect(() => check('getSecurities', dataOf(cls))).toThrow(expect.objectContaining({ code: 'HUB_ERR_UPSTREAM_BAD_ANSWER' }));
  });

  test('The hub asks about a person and about a company. Result: the subject travels as sec:fin or sec:voen, in the golden request\'s element', () => {
    expect(buildGetSecurities(callParams({ subject: { fin: '3CD4E5F' } }))).toContain('"><sec:fin>3CD4E5F</sec:fin></sec:getSecurities>');
    const ours = parseXml(buildGetSecurities(callParams({ subject: { voen: '2579081811' } }))).root;
    const g = payloadOf(readFileSync(join(DIR, 'samples', 'getSecurities__ok-voen', 'request.xml'), 'utf8'));
    expect([ours.ns, ours.local]).toEqual([g.ns, g.local]);
  });
});
