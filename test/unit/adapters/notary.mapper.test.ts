/**
 * "Elektron notariat"'s pure mapper (statute 11.2.26) against its golden answers and against
 * answers of shapes it must refuse. A refused shape throws: the engine turns that into
 * HUB_ERR_UPSTREAM_BAD_ANSWER, never into data or "not found".
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildGetNotarialActs, mapGetNotarialActsResponse, NOTARY_NS } from '../../../adapters/notary/notary.mapper';
import { parseXml } from '../../../signing/xml/parse-xml';
import { callParams } from './support/adapter-fixture';
import { SOAP, soapGolden } from './support/soap-golden';

const { golden, payloadOf, check, dir: DIR } = soapGolden('notary', ['getNotarialActs']);
const act = (over: Partial<Record<string, string>> = {}) => {
  const f = {
    registryNumber: '<nota:registryNumber>2024/873184</nota:registryNumber>', type: '<nota:type code="power-of-attorney">Etibarnamə</nota:type>',
    date: '<nota:date>2024-11-28</nota:date>', notary: '<nota:notary><nota:name>Novruzova Arzu</nota:name><nota:office>Bakı şəhəri 12 saylı Dövlət Notariat Kontoru</nota:office></nota:notary>',
    role: '<nota:role code="principal">Etibar edən</nota:role>', otherParties: '<nota:otherParties><nota:party><nota:role code="attorney">Müvəkkil</nota:role><nota:name>Süleymanova Lalə</nota:name></nota:party></nota:otherParties>',
    object: '', status: '<nota:status code="revoked">Ləğv edilib</nota:status>', ...over,
  };
  return `<nota:act>${Object.values(f).join('')}</nota:act>`;
};
const answer = (acts: string) =>
  payloadOf(`<e:Envelope xmlns:e="${SOAP}"><e:Body><nota:getNotarialActsResponse xmlns:nota="${NOTARY_NS}"><nota:subject><nota:fin>5ZK8F3R</nota:fin></nota:subject><nota:acts>${acts}</nota:acts></nota:getNotarialActsResponse></e:Body></e:Envelope>`);
const dataOf = (r: unknown) => (r as { data: { acts: Record<string, unknown>[] } }).data;

describe('notary mapper (11.2.26)', () => {
  test.each(['getNotarialActs__ok', 'getNotarialActs__ok-voen', 'getNotarialActs__ok-revoked'])('"Elektron notariat" answers %s. Result: the canonical model of the sample, valid against its schema', (id) => {
    const g = golden(id);
    const mapped = mapGetNotarialActsResponse(payloadOf(g.response));
    expect(mapped).toEqual({ outcome: 'ok', data: g.expected });
    expect(() => check('getNotarialActs', dataOf(mapped))).not.toThrow();
  });

  test('The plaintiff\'s acts. Result: each with type, date, notary and office, his role and the other party\'s role and name', () => {
    const acts = dataOf(mapGetNotarialActsResponse(payloadOf(golden('getNotarialActs__ok').response))).acts;
    expect(acts[0]).toEqual(expect.objectContaining({
      type: { code: 'power-of-attorney', label: 'Etibarnamə' }, role: { code: 'principal', label: 'Etibar edən' },
      otherParties: [{ role: { code: 'attorney', label: 'Müvəkkil' }, name: expect.any(String) }], object: null, status: { code: 'valid', label: 'Qüvvədədir' },
    }));
    expect(acts.find((a) => (a.type as { code: string }).code === 'mortgage-contract')).toEqual(expect.objectContaining({ role: { code: 'mortgagor', label: 'İpoteka qoyan' }, object: expect.stringMatching(/^\d{2}-\d{2}-\d{4}-\d{4}$/) }));
  });

  test('A revoked power of attorney without an object. Result: status revoked, object null', () => {
    const r = mapGetNotarialActsResponse(answer(act()));
    expect(dataOf(r).acts[0]).toMatchObject({ status: { code: 'revoked', label: 'Ləğv edilib' }, object: null });
    expect(() => check('getNotarialActs', dataOf(r))).not.toThrow();
  });

  test('An act without its notary. Result: the mapper throws', () => {
    expect(() => mapGetNotarialActsResponse(answer(act({ notary: '' })))).toThrow(/notary/);
  });

  test('An act with two objects. Result: the mapper throws', () => {
    expect(() => mapGetNotarialActsResponse(answer(act({ object: '<nota:object>A</nota:object><nota:object>B</nota:object>' })))).toThrow(/object/);
  });

  test('A party without a role code. Result: the mapper throws', () => {
    const party = '<nota:otherParties><nota:party><nota:role>Müvəkkil</nota:role><nota:name>X</nota:name></nota:party></nota:otherParties>';
    expect(() => mapGetNotarialActsResponse(answer(act({ otherParties: party })))).toThrow(/code/);
  });

  test('An act type outside the code table, or no act at all. Result: mapped, then refused by the model schema', () => {
    const odd = mapGetNotarialActsResponse(answer(act({ type: '<nota:type code="apostille">Apostil</nota:type>' })));
    expect(() => check('getNotarialActs', dataOf(odd))).toThrow(expect.objectContaining({ code: 'HUB_ERR_UPSTREAM_BAD_ANSWER' }));
    expect(() => check('getNotarialActs', dataOf(mapGetNotarialActsResponse(answer(''))))).toThrow(expect.objectContaining({ code: 'HUB_ERR_UPSTREAM_BAD_ANSWER' }));
  });

  test('The hub asks about a person and about a company. Result: the subject travels as nota:fin or nota:voen, in the golden request\'s element', () => {
    expect(buildGetNotarialActs(callParams({ subject: { fin: '5ZK8F3R' } }))).toContain('"><nota:fin>5ZK8F3R</nota:fin></nota:getNotarialActs>');
    const ours = parseXml(buildGetNotarialActs(callParams({ subject: { voen: '1401234561' } }))).root;
    const g = payloadOf(readFileSync(join(DIR, 'samples', 'getNotarialActs__ok-voen', 'request.xml'), 'utf8'));
    expect([ours.ns, ours.local]).toEqual([g.ns, g.local]);
  });
});
