/**
 * The tax register's pure mapper (statute 11.2.1 getTaxpayer, 11.2.2 getTaxAudits): scenarios beyond
 * the golden samples — optional elements absent, a shape it does not know, both subject kinds.
 */
import { buildGetTaxAudits, buildGetTaxpayer, mapGetTaxAuditsResponse, mapGetTaxpayerResponse, TAX_NS } from '../../../adapters/tax/tax.mapper';
import { sample } from '../../../contracts/registries/samples';
import { childElements, onlyChild } from '../../../signing/xml/light-dom';
import { parseXml } from '../../../signing/xml/parse-xml';
import type { MapResult } from '../../../adapters/kit/descriptor';
import { callParams } from './support/adapter-fixture';

const SOAP = 'http://schemas.xmlsoap.org/soap/envelope/';
const payloadOf = (xml: string) => childElements(onlyChild(parseXml(xml).root, SOAP, 'Body')!)[0];
function dataOf<T>(r: MapResult<T>): T {
  if (r.outcome !== 'ok') throw new Error('expected data');
  return r.data;
}

describe('tax mapper', () => {
  test('getTaxpayer by VÖEN of a legal entity. Result: one taxpayer with director, founders and authorized capital; no liquidation date', () => {
    const t = dataOf(mapGetTaxpayerResponse(payloadOf(sample('tax', 'getTaxpayer__ok').response)));
    expect(t.subject).toEqual({ voen: '1401234561' });
    expect(t.taxpayers[0]).toMatchObject({ kind: 'legal-entity', legalForm: 'MMC', liquidatedOn: null, authorizedCapital: { amount: 5000, currency: 'AZN' } });
    expect(t.taxpayers[0].founders).toHaveLength(2);
  });

  test('getTaxpayer by FIN of an entrepreneur. Result: the FS registration, no authorized capital (null, not absent)', () => {
    const r = { data: dataOf(mapGetTaxpayerResponse(payloadOf(sample('tax', 'getTaxpayer__ok-fin').response))) };
    expect(r.data.subject).toEqual({ fin: '3CD4E5F' });
    expect(r.data.taxpayers[0]).toMatchObject({ legalForm: 'FS', authorizedCapital: null });
  });

  test('An answer whose subject names both a FIN and a VÖEN. Result: throws (a shape the mapper does not know), never data', () => {
    const xml = sample('tax', 'getTaxpayer__ok').response.replace('<tax:voen>1401234561</tax:voen>\n        </tax:subject>', '<tax:voen>1401234561</tax:voen><tax:fin>5ZK8F3R</tax:fin></tax:subject>');
    expect(xml).not.toBe(sample('tax', 'getTaxpayer__ok').response);
    expect(() => mapGetTaxpayerResponse(payloadOf(xml))).toThrow(/subject/);
  });

  test('A taxpayer with vatPayer "yes". Result: throws, never a guessed boolean', () => {
    const xml = sample('tax', 'getTaxpayer__ok').response.replace(/<tax:vatPayer>[^<]*</, '<tax:vatPayer>yes<');
    expect(() => mapGetTaxpayerResponse(payloadOf(xml))).toThrow(/vatPayer/);
  });

  test('getTaxAudits with violations. Result: assessed tax, penalty, interest and the amount paid as decimal AZN', () => {
    const r = { data: dataOf(mapGetTaxAuditsResponse(payloadOf(sample('tax', 'getTaxAudits__ok').response))) };
    expect(r.data.voen).toBe('1401234561');
    expect(r.data.audits[0]).toMatchObject({ result: 'violations-found', assessed: { interest: { amount: 1608.36, currency: 'AZN' } }, paid: { amount: 60891.85, currency: 'AZN' } });
  });

  test('getTaxAudits of an audit without violations. Result: assessed and paid are null', () => {
    const r = { data: dataOf(mapGetTaxAuditsResponse(payloadOf(sample('tax', 'getTaxAudits__ok-fin').response))) };
    expect(r.data.audits[0]).toMatchObject({ result: 'no-violations', assessed: null, paid: null });
  });

  test('getTaxAudits with two voen elements in the record. Result: throws', () => {
    const xml = sample('tax', 'getTaxAudits__ok').response.replace(/(<tax:voen>1401234561<\/tax:voen>)(\s*<tax:audits>)/, '$1<tax:voen>1401234561</tax:voen>$2');
    expect(() => mapGetTaxAuditsResponse(payloadOf(xml))).toThrow(/voen/);
  });

  test('Requests by VÖEN and by FIN. Result: the operation element with the one identifier element, escaped', () => {
    const byVoen = parseXml(buildGetTaxpayer(callParams({ section: '11.2.1', subject: { voen: '1401234561' } }))).root;
    expect([byVoen.ns, byVoen.local, childElements(byVoen).map((e) => e.local)]).toEqual([TAX_NS, 'getTaxpayer', ['voen']]);
    const byFin = parseXml(buildGetTaxAudits(callParams({ section: '11.2.2', subject: { fin: '<x&>' } }))).root;
    expect([byFin.local, childElements(byFin).map((e) => e.local)]).toEqual(['getTaxAudits', ['fin']]);
  });
});
