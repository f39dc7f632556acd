/**
 * The real-estate register's pure mapper (statute 11.2.5 rights, 11.2.6 encumbrances) against its
 * golden answers and against answers of shapes it must refuse. A refused shape throws: the engine
 * turns that into HUB_ERR_UPSTREAM_BAD_ANSWER, never into data or "not found".
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildGetEncumbrances, buildGetRealEstateRights, mapGetEncumbrancesResponse, mapGetRealEstateRightsResponse, PROPERTY_NS,
} from '../../../adapters/property/property.mapper';
import { parseXml } from '../../../signing/xml/parse-xml';
import { callParams } from './support/adapter-fixture';
import { SOAP, soapGolden } from './support/soap-golden';

const { golden, payloadOf, check, dir: DIR } = soapGolden('property', ['getRealEstateRights', 'getEncumbrances']);
const P = `xmlns:prop="${PROPERTY_NS}"`;
const right = (over: Partial<Record<string, string>> = {}) => {
  const f = {
    registryNumber: '<prop:registryNumber>7895440475</prop:registryNumber>', cadastralNumber: '<prop:cadastralNumber>86-54-5377-7137</prop:cadastralNumber>',
    propertyType: '<prop:propertyType code="apartment">Mənzil</prop:propertyType>', address: '<prop:address>Bakı, Nəsimi r., Azadlıq prospekti 12, mənzil 45</prop:address>',
    areaSqm: '<prop:areaSqm>62.5</prop:areaSqm>', rightType: '<prop:rightType code="joint-ownership">Birgə mülkiyyət hüququ</prop:rightType>',
    share: '<prop:share>1/2</prop:share>', registeredOn: '<prop:registeredOn>2012-06-01</prop:registeredOn>', basisDocument: '<prop:basisDocument>Alqı-satqı müqaviləsi</prop:basisDocument>',
    ...over,
  };
  return `<prop:right>${Object.values(f).join('')}</prop:right>`;
};
const rightsAnswer = (subject: string, rights: string) =>
  payloadOf(`<e:Envelope xmlns:e="${SOAP}"><e:Body><prop:getRealEstateRightsResponse ${P}><prop:subject>${subject}</prop:subject><prop:rights>${rights}</prop:rights></prop:getRealEstateRightsResponse></e:Body></e:Envelope>`);
const encumbrancesAnswer = (list: string) =>
  payloadOf(`<e:Envelope xmlns:e="${SOAP}"><e:Body><prop:getEncumbrancesResponse ${P}><prop:subject><prop:fin>1AB2C3D</prop:fin></prop:subject><prop:encumbrances>${list}</prop:encumbrances></prop:getEncumbrancesResponse></e:Body></e:Envelope>`);

describe('property mapper: rights in real estate (11.2.5)', () => {
  test.each(['getRealEstateRights__ok', 'getRealEstateRights__ok-voen'])('The register answers %s. Result: the canonical model of the sample, valid against its schema', (id) => {
    const g = golden(id);
    const mapped = mapGetRealEstateRightsResponse(payloadOf(g.response));
    expect(mapped).toEqual({ outcome: 'ok', data: g.expected });
    expect(() => check('getRealEstateRights', (mapped as { data: unknown }).data)).not.toThrow();
  });

  test('A joint owner\'s half of a flat. Result: the share as the fraction, the right and property type with code and label, the area as a number', () => {
    const r = mapGetRealEstateRightsResponse(rightsAnswer('<prop:fin>5ZK8F3R</prop:fin>', right()));
    expect(r).toEqual({ outcome: 'ok', data: { subject: { fin: '5ZK8F3R' }, rights: [expect.objectContaining({
      share: '1/2', rightType: { code: 'joint-ownership', label: 'Birgə mülkiyyət hüququ' }, propertyType: { code: 'apartment', label: 'Mənzil' }, areaSqm: 62.5,
    })] } });
  });

  test('A right without its cadastral number. Result: the mapper throws (a shape it does not know)', () => {
    expect(() => mapGetRealEstateRightsResponse(rightsAnswer('<prop:fin>5ZK8F3R</prop:fin>', right({ cadastralNumber: '' })))).toThrow(/cadastralNumber/);
  });

  test('A right with two addresses. Result: the mapper throws', () => {
    const twice = '<prop:address>A</prop:address><prop:address>B</prop:address>';
    expect(() => mapGetRealEstateRightsResponse(rightsAnswer('<prop:fin>5ZK8F3R</prop:fin>', right({ address: twice })))).toThrow(/address/);
  });

  test('A right type without its code. Result: the mapper throws', () => {
    expect(() => mapGetRealEstateRightsResponse(rightsAnswer('<prop:fin>5ZK8F3R</prop:fin>', right({ rightType: '<prop:rightType>Mülkiyyət</prop:rightType>' })))).toThrow(/code/);
  });

  test('An area that is not a number. Result: the mapper throws', () => {
    expect(() => mapGetRealEstateRightsResponse(rightsAnswer('<prop:fin>5ZK8F3R</prop:fin>', right({ areaSqm: '<prop:areaSqm>big</prop:areaSqm>' })))).toThrow(/areaSqm/);
  });

  test('A subject naming both a FIN and a VÖEN. Result: the mapper throws', () => {
    expect(() => mapGetRealEstateRightsResponse(rightsAnswer('<prop:fin>5ZK8F3R</prop:fin><prop:voen>1401234561</prop:voen>', right()))).toThrow(/subject/);
  });

  test('A right type outside the register\'s code table. Result: mapped, then refused by the model schema', () => {
    const r = mapGetRealEstateRightsResponse(rightsAnswer('<prop:fin>5ZK8F3R</prop:fin>', right({ rightType: '<prop:rightType code="squatting">?</prop:rightType>' })));
    expect(() => check('getRealEstateRights', (r as { data: unknown }).data)).toThrow(expect.objectContaining({ code: 'HUB_ERR_UPSTREAM_BAD_ANSWER' }));
  });

  test('An empty list of rights. Result: refused by the model schema (a subject without rights is Server.NotFound, never an empty answer)', () => {
    const r = mapGetRealEstateRightsResponse(rightsAnswer('<prop:fin>5ZK8F3R</prop:fin>', ''));
    expect(() => check('getRealEstateRights', (r as { data: unknown }).data)).toThrow(expect.objectContaining({ code: 'HUB_ERR_UPSTREAM_BAD_ANSWER' }));
  });
});

describe('property mapper: encumbrances (11.2.6)', () => {
  test.each(['getEncumbrances__ok', 'getEncumbrances__ok-arrest', 'getEncumbrances__ok-voen'])('The register answers %s. Result: the canonical model of the sample, valid against its schema', (id) => {
    const g = golden(id);
    const mapped = mapGetEncumbrancesResponse(payloadOf(g.response));
    expect(mapped).toEqual({ outcome: 'ok', data: g.expected });
    expect(() => check('getEncumbrances', (mapped as { data: unknown }).data)).not.toThrow();
  });

  test('The defendant\'s flat arrested in enforcement. Result: kind, holder, basis with the proceeding number, the property burdened, until null (in force)', () => {
    const data = (mapGetEncumbrancesResponse(payloadOf(golden('getEncumbrances__ok-arrest').response)) as { data: { encumbrances: unknown[] } }).data;
    expect(data.encumbrances[0]).toEqual(expect.objectContaining({
      kind: { code: 'arrest', label: 'Həbs' },
      holder: { name: 'Nəsimi rayon İcra Şöbəsi' },
      basis: expect.objectContaining({ kind: { code: 'enforcement-order', label: 'İcra məmurunun qərarı' }, number: 'İC-2025-004817' }),
      property: expect.objectContaining({ cadastralNumber: expect.stringMatching(/^\d{2}-\d{2}-\d{4}-\d{4}$/) }),
      until: null,
    }));
  });

  test('An owner whose property carries no encumbrance. Result: ok with an empty list (not "not found")', () => {
    const r = mapGetEncumbrancesResponse(encumbrancesAnswer(''));
    expect(r).toEqual({ outcome: 'ok', data: { subject: { fin: '1AB2C3D' }, encumbrances: [] } });
    expect(() => check('getEncumbrances', (r as { data: unknown }).data)).not.toThrow();
  });

  test('A lease with an end date and a holder with a VÖEN. Result: until is the date, the holder keeps its VÖEN', () => {
    const lease = '<prop:encumbrance><prop:property><prop:registryNumber>6557141146</prop:registryNumber><prop:cadastralNumber>37-69-8782-9443</prop:cadastralNumber><prop:address>Bakı</prop:address></prop:property>' +
      '<prop:kind code="lease">İcarə</prop:kind><prop:holder><prop:name>"Mavi Ticarət" MMC</prop:name><prop:voen>1500000011</prop:voen></prop:holder>' +
      '<prop:basis><prop:kind code="lease-contract">İcarə müqaviləsi</prop:kind><prop:number>İC-123456</prop:number><prop:date>2022-03-15</prop:date><prop:issuer>Daşınmaz Əmlakın Dövlət Reyestri</prop:issuer></prop:basis>' +
      '<prop:registeredOn>2022-03-15</prop:registeredOn><prop:until>2027-03-15</prop:until></prop:encumbrance>';
    const r = mapGetEncumbrancesResponse(encumbrancesAnswer(lease)) as { data: { encumbrances: { until: string | null; holder: unknown }[] } };
    expect(r.data.encumbrances[0].until).toBe('2027-03-15');
    expect(r.data.encumbrances[0].holder).toEqual({ name: '"Mavi Ticarət" MMC', voen: '1500000011' });
    expect(() => check('getEncumbrances', r.data)).not.toThrow();
  });

  test('An encumbrance without its basis. Result: the mapper throws', () => {
    const noBasis = '<prop:encumbrance><prop:property><prop:registryNumber>6557141146</prop:registryNumber><prop:cadastralNumber>37-69-8782-9443</prop:cadastralNumber><prop:address>Bakı</prop:address></prop:property>' +
      '<prop:kind code="arrest">Həbs</prop:kind><prop:holder><prop:name>X</prop:name></prop:holder><prop:registeredOn>2022-03-15</prop:registeredOn></prop:encumbrance>';
    expect(() => mapGetEncumbrancesResponse(encumbrancesAnswer(noBasis))).toThrow(/basis/);
  });

  test('An answer without the encumbrances list. Result: the mapper throws', () => {
    const bare = payloadOf(`<e:Envelope xmlns:e="${SOAP}"><e:Body><prop:getEncumbrancesResponse ${P}><prop:subject><prop:fin>1AB2C3D</prop:fin></prop:subject></prop:getEncumbrancesResponse></e:Body></e:Envelope>`);
    expect(() => mapGetEncumbrancesResponse(bare)).toThrow(/encumbrances/);
  });
});

describe('property requests', () => {
  test('The hub asks about a person and about a company. Result: the subject travels as prop:fin or prop:voen, the only child of the operation element', () => {
    expect(buildGetRealEstateRights(callParams({ subject: { fin: '5ZK8F3R' } }))).toContain('<prop:getRealEstateRights xmlns:prop="http://property.gov.az/xroad/v1"><prop:fin>5ZK8F3R</prop:fin></prop:getRealEstateRights>');
    expect(buildGetEncumbrances(callParams({ subject: { voen: '1401234561' } }))).toContain('<prop:voen>1401234561</prop:voen></prop:getEncumbrances>');
  });

  test('The request payload equals the golden request\'s Body content (element, namespace, subject)', () => {
    const req = readFileSync(join(DIR, 'samples', 'getEncumbrances__ok-voen', 'request.xml'), 'utf8');
    const goldenPayload = payloadOf(req);
    const ours = parseXml(buildGetEncumbrances(callParams({ subject: { voen: '1401234561' } }))).root;
    expect([ours.ns, ours.local]).toEqual([goldenPayload.ns, goldenPayload.local]);
  });
});
