/**
 * The refugees and IDP committee's pure mapper (statute 11.2.16) against its golden answers and
 * against answers of shapes it must refuse. A refused shape throws: the engine turns that into
 * HUB_ERR_UPSTREAM_BAD_ANSWER, never into data or "not found".
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildGetIdpStatus, IDP_NS, mapGetIdpStatusResponse } from '../../../adapters/idp/idp.mapper';
import { parseXml } from '../../../signing/xml/parse-xml';
import { callParams } from './support/adapter-fixture';
import { SOAP, soapGolden } from './support/soap-golden';

const { golden, payloadOf, check, dir: DIR } = soapGolden('idp', ['getIdpStatus']);
const answer = (over: Partial<Record<string, string>> = {}) => {
  const f = {
    subject: '<idp:subject><idp:fin>1AB2C3D</idp:fin></idp:subject>', status: '<idp:status code="refugee">Qaçqın</idp:status>',
    certificateNumber: '<idp:certificateNumber>MK-6220776</idp:certificateNumber>', since: '<idp:since>1993-01-02</idp:since>',
    originDistrict: '<idp:originDistrict>Xocavənd</idp:originDistrict>', currentSettlement: '<idp:currentSettlement>Gəncə</idp:currentSettlement>',
    familyMembers: '<idp:familyMembers>0</idp:familyMembers>', returnedOn: '',
    allowances: '<idp:allowances><idp:allowance><idp:kind code="monthly-food">Yemək xərcləri üçün aylıq müavinət</idp:kind><idp:monthlyAmount currency="AZN">30.00</idp:monthlyAmount><idp:since>1993-01-02</idp:since></idp:allowance></idp:allowances>',
    ...over,
  };
  return payloadOf(`<e:Envelope xmlns:e="${SOAP}"><e:Body><idp:getIdpStatusResponse xmlns:idp="${IDP_NS}">${Object.values(f).join('')}</idp:getIdpStatusResponse></e:Body></e:Envelope>`);
};
const dataOf = (r: unknown) => (r as { data: Record<string, unknown> }).data;

describe('idp mapper (11.2.16)', () => {
  test.each(['getIdpStatus__ok', 'getIdpStatus__ok-returned'])('The committee answers %s. Result: the canonical model of the sample, valid against its schema', (id) => {
    const g = golden(id);
    const mapped = mapGetIdpStatusResponse(payloadOf(g.response));
    expect(mapped).toEqual({ outcome: 'ok', data: g.expected });
    expect(() => check('getIdpStatus', dataOf(mapped))).not.toThrow();
  });

  test('The defendant, displaced and not returned. Result: status with code and label, since, origin, settlement, family count, returnedOn null, the allowance still paid', () => {
    const d = dataOf(mapGetIdpStatusResponse(payloadOf(golden('getIdpStatus__ok').response)));
    expect(d).toMatchObject({ subject: { fin: '1AB2C3D' }, status: { code: 'idp', label: 'Məcburi köçkün' }, returnedOn: null, familyMembers: 5 });
    expect(d.allowances).toEqual([{ kind: { code: 'monthly-food', label: 'Yemək xərcləri üçün aylıq müavinət' }, monthlyAmount: { amount: '30.00', currency: 'AZN' }, since: d.since, until: null }]);
  });

  test('A person who returned home. Result: returnedOn is the date, and the allowance ends on it', () => {
    const d = dataOf(mapGetIdpStatusResponse(payloadOf(golden('getIdpStatus__ok-returned').response)));
    expect(d.returnedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((d.allowances as { until: string }[])[0].until).toBe(d.returnedOn);
  });

  test('A refugee without family members. Result: mapped, the count 0, valid against the schema', () => {
    const r = mapGetIdpStatusResponse(answer());
    expect(dataOf(r)).toMatchObject({ status: { code: 'refugee', label: 'Qaçqın' }, familyMembers: 0 });
    expect(() => check('getIdpStatus', dataOf(r))).not.toThrow();
  });

  test('An answer without the certificate number. Result: the mapper throws', () => {
    expect(() => mapGetIdpStatusResponse(answer({ certificateNumber: '' }))).toThrow(/certificateNumber/);
  });

  test('A family count that is not an integer. Result: the mapper throws', () => {
    expect(() => mapGetIdpStatusResponse(answer({ familyMembers: '<idp:familyMembers>many</idp:familyMembers>' }))).toThrow(/familyMembers/);
  });

  test('Two return dates. Result: the mapper throws', () => {
    expect(() => mapGetIdpStatusResponse(answer({ returnedOn: '<idp:returnedOn>2023-01-01</idp:returnedOn><idp:returnedOn>2024-01-01</idp:returnedOn>' }))).toThrow(/returnedOn/);
  });

  test('A status outside the code table. Result: mapped, then refused by the model schema', () => {
    const r = mapGetIdpStatusResponse(answer({ status: '<idp:status code="tourist">Turist</idp:status>' }));
    expect(() => check('getIdpStatus', dataOf(r))).toThrow(expect.objectContaining({ code: 'HUB_ERR_UPSTREAM_BAD_ANSWER' }));
  });

  test('The hub asks about a person. Result: the FIN travels as idp:fin, in the golden request\'s element; a VÖEN is refused before anything is sent', () => {
    const ours = parseXml(buildGetIdpStatus(callParams({ subject: { fin: '1AB2C3D' } }))).root;
    const g = payloadOf(readFileSync(join(DIR, 'samples', 'getIdpStatus__ok', 'request.xml'), 'utf8'));
    expect([ours.ns, ours.local]).toEqual([g.ns, g.local]);
    expect(buildGetIdpStatus(callParams({ subject: { fin: '1AB2C3D' } }))).toContain('"><idp:fin>1AB2C3D</idp:fin></idp:getIdpStatus>');
    expect(() => buildGetIdpStatus(callParams({ subject: { voen: '1401234561' } }))).toThrow(TypeError);
  });
});
