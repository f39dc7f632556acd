/**
 * The police adapter's pure parts (statute 11.2.7 getCriminalRecords) against its golden samples and
 * against answers of a shape it does not know.
 */
import { adapter } from '../../../adapters/police/police.adapter';
import { buildGetCriminalRecords, mapGetCriminalRecordsResponse, POLICE_NS } from '../../../adapters/police/police.mapper';
import { createModelCheck } from '../../../adapters/kit/model-validator';
import { loadSamples, sample } from '../../../contracts/registries/samples';
import { childElements, onlyChild, textContent, type XmlElement } from '../../../signing/xml/light-dom';
import { parseXml } from '../../../signing/xml/parse-xml';
import { callParams } from './support/adapter-fixture';

const SOAP = 'http://schemas.xmlsoap.org/soap/envelope/';
const payloadOf = (xml: string): XmlElement => childElements(onlyChild(parseXml(xml).root, SOAP, 'Body')!)[0];
const okPayload = () => sample('police', 'getCriminalRecords__ok').response;
const check = createModelCheck(adapter);

describe('police getCriminalRecords mapper', () => {
  test.each(loadSamples('police').filter((s) => s.meta.outcome === 'ok').map((s) => [s.id, s] as const))(
    'Register answers the golden %s. Result: exactly the expected canonical model, valid against its schema', (_id, s) => {
      const mapped = mapGetCriminalRecordsResponse(payloadOf(s.response));
      expect(mapped).toEqual({ outcome: 'ok', data: s.meta.expected });
      expect(() => check('getCriminalRecords', (mapped as { data: unknown }).data)).not.toThrow();
    });

  test('Register answers the accused 4GH5J6K. Result: the case with its article title, the served sentence not yet spent, the fine as a decimal string', () => {
    const r = mapGetCriminalRecordsResponse(payloadOf(okPayload()));
    if (r.outcome !== 'ok') throw new Error('not ok');
    expect(r.data.wanted).toEqual({ wanted: false, since: null, authority: null, kind: null });
    expect(r.data.criminalCases[0]).toMatchObject({ articles: [{ code: '206.3.2', label: 'Qaçaqmalçılıq' }], status: { code: 'in-court' } });
    expect(r.data.convictions[0]).toMatchObject({ sentenceStatus: { code: 'served' }, expungedOn: null });
    expect(r.data.unpaidFinesTotal).toEqual({ amount: '60.00', currency: 'AZN' });
  });

  test('Register answers a clean record for the plaintiff 5ZK8F3R. Result: data with empty lists, never "not found"', () => {
    const r = mapGetCriminalRecordsResponse(payloadOf(sample('police', 'getCriminalRecords__ok-clean').response));
    expect(r).toMatchObject({ outcome: 'ok', data: { criminalCases: [], convictions: [], unpaidFines: [], unpaidFinesTotal: { amount: '0.00' } } });
  });

  test('Register says the person is wanted. Result: since, authority and kind with its label', () => {
    const xml = okPayload().replace('<pol:wanted>false</pol:wanted>',
      '<pol:wanted>true</pol:wanted><pol:since>2025-03-01</pol:since><pol:authority>Daxili İşlər Nazirliyi</pol:authority><pol:kind><pol:code>interstate</pol:code><pol:label>Dövlətlərarası axtarış</pol:label></pol:kind>');
    const r = mapGetCriminalRecordsResponse(payloadOf(xml));
    expect(r).toMatchObject({ data: { wanted: { wanted: true, since: '2025-03-01', authority: 'Daxili İşlər Nazirliyi', kind: { code: 'interstate', label: 'Dövlətlərarası axtarış' } } } });
  });

  test.each([
    ['the wanted element is missing', (x: string) => x.replace(/<pol:wanted>\s*<pol:wanted>false<\/pol:wanted>\s*<\/pol:wanted>/, '')],
    ['the unpaid fines total is repeated', (x: string) => x.replace(/(<pol:unpaidFinesTotal>[\s\S]*?<\/pol:unpaidFinesTotal>)/, '$1$1')],
    ['the cases list holds a foreign element', (x: string) => x.replace('<pol:criminalCases>', '<pol:criminalCases><pol:note>x</pol:note>')],
    ['wanted is not an xs:boolean', (x: string) => x.replace('<pol:wanted>false</pol:wanted>', '<pol:wanted>no</pol:wanted>')],
    ['a fine has no amount', (x: string) => x.replace(/<pol:amount>\s*<pol:amount>60.00<\/pol:amount>\s*<pol:currency>AZN<\/pol:currency>\s*<\/pol:amount>/, '')],
  ])('Register answers a record where %s. Result: the mapper throws (a bad answer, never data)', (_what, alter) => {
    const altered = alter(okPayload());
    expect(altered).not.toBe(okPayload());
    expect(() => mapGetCriminalRecordsResponse(payloadOf(altered))).toThrow(/police answer/);
  });

  test('A case with an article title missing passes the mapper but not the model schema. Result: refused by the check', () => {
    const r = mapGetCriminalRecordsResponse(payloadOf(okPayload().replace('<pol:label>Qaçaqmalçılıq</pol:label>', '<pol:label></pol:label>')));
    expect(() => check('getCriminalRecords', (r as { data: unknown }).data)).toThrow();
  });

  test('getCriminalRecords request payload: the element, namespace and FIN of the golden request, the FIN escaped', () => {
    const golden = payloadOf(sample('police', 'getCriminalRecords__ok').request.body!);
    const ours = parseXml(buildGetCriminalRecords(callParams({ subject: { fin: '4GH5J6K' } }))).root;
    expect([ours.ns, ours.local]).toEqual([golden.ns, golden.local]);
    expect(textContent(onlyChild(ours, POLICE_NS, 'fin')!)).toBe(textContent(onlyChild(golden, POLICE_NS, 'fin')!).trim());
    expect(buildGetCriminalRecords(callParams({ subject: { fin: 'A<B&C' } }))).toContain('A&lt;B&amp;C');
    expect(() => buildGetCriminalRecords(callParams({ subject: { voen: '1401234561' } }))).toThrow(TypeError);
  });
});
