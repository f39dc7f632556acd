/**
 * The road-police adapter's pure parts (statute 11.2.8 getVehicles, 11.2.9 getDrivingLicences)
 * against its golden samples and against answers of a shape it does not know.
 */
import { adapter } from '../../../adapters/road-police/road-police.adapter';
import {
  buildGetDrivingLicences, buildGetVehicles, mapGetDrivingLicencesResponse, mapGetVehiclesResponse, ROAD_POLICE_NS,
} from '../../../adapters/road-police/road-police.mapper';
import { createModelCheck } from '../../../adapters/kit/model-validator';
import { loadSamples, sample } from '../../../contracts/registries/samples';
import { childElements, onlyChild, textContent, type XmlElement } from '../../../signing/xml/light-dom';
import { parseXml } from '../../../signing/xml/parse-xml';
import { callParams } from './support/adapter-fixture';

const SOAP = 'http://schemas.xmlsoap.org/soap/envelope/';
const payloadOf = (xml: string): XmlElement => childElements(onlyChild(parseXml(xml).root, SOAP, 'Body')!)[0];
const check = createModelCheck(adapter);
const MAPPERS = { getVehicles: mapGetVehiclesResponse, getDrivingLicences: mapGetDrivingLicencesResponse } as const;
const vehiclesOfCompany = () => sample('road-police', 'getVehicles__ok-voen').response;
const suspendedLicence = () => sample('road-police', 'getDrivingLicences__ok-suspended').response;

describe('road-police mappers', () => {
  test.each(loadSamples('road-police').filter((s) => s.meta.outcome === 'ok').map((s) => [s.id, s] as const))(
    'Register answers the golden %s. Result: exactly the expected canonical model, valid against its schema', (_id, s) => {
      const mapped = MAPPERS[s.meta.operation as keyof typeof MAPPERS](payloadOf(s.response));
      expect(mapped).toEqual({ outcome: 'ok', data: s.meta.expected });
      expect(() => check(s.meta.operation, (mapped as { data: unknown }).data)).not.toThrow();
    });

  test('Register answers the vehicles of "Xəzər Tikinti" MMC by VÖEN. Result: the arrested car names the enforcement office and its proceeding, until lifted', () => {
    const r = mapGetVehiclesResponse(payloadOf(vehiclesOfCompany()));
    if (r.outcome !== 'ok') throw new Error('not ok');
    expect(r.data.subject).toEqual({ voen: '1401234561' });
    expect(r.data.vehicles[0].encumbrances).toEqual([expect.objectContaining({
      type: { code: 'arrest', label: 'Həbs' },
      holder: { name: 'Xətai rayon İcra Şöbəsi', fin: null, voen: null },
      basis: expect.objectContaining({ kind: expect.objectContaining({ code: 'enforcement-order' }), number: 'İC-2025-011230' }),
      until: null,
    })]);
    expect(typeof r.data.vehicles[0].year).toBe('number');
  });

  test('Register answers a suspended licence of the accused 4GH5J6K. Result: the status with its label and the suspension basis', () => {
    expect(mapGetDrivingLicencesResponse(payloadOf(suspendedLicence()))).toMatchObject({
      outcome: 'ok',
      data: { licences: [{ status: { code: 'suspended', label: 'Dayandırılıb' }, suspension: { until: '2026-03-30' } }] },
    });
  });

  test.each([
    ['the subject names both a FIN and a VÖEN', (x: string) => x.replace('<rp:voen>1401234561</rp:voen>', '<rp:fin>5ZK8F3R</rp:fin><rp:voen>1401234561</rp:voen>')],
    ['the subject names neither', (x: string) => x.replace('<rp:voen>1401234561</rp:voen>', '')],
    ['a vehicle year is not an integer', (x: string) => x.replace('<rp:year>2007</rp:year>', '<rp:year>2007.5</rp:year>')],
    ['an encumbrance has no holder', (x: string) => x.replace(/<rp:holder>[\s\S]*?<\/rp:holder>/, '')],
    ['the vehicles list holds a foreign element', (x: string) => x.replace('<rp:vehicles>', '<rp:vehicles><rp:note>x</rp:note>')],
  ])('Register answers vehicles where %s. Result: the mapper throws (a bad answer, never data)', (_what, alter) => {
    const altered = alter(vehiclesOfCompany());
    expect(altered).not.toBe(vehiclesOfCompany());
    expect(() => mapGetVehiclesResponse(payloadOf(altered))).toThrow(/road-police answer/);
  });

  test('Register answers a licence without categories. Result: the mapper keeps the empty list and the model schema refuses it', () => {
    const r = mapGetDrivingLicencesResponse(payloadOf(suspendedLicence().replace(/<rp:categories>[\s\S]*?<\/rp:categories>/, '<rp:categories/>')));
    expect(() => check('getDrivingLicences', (r as { data: unknown }).data)).toThrow();
  });

  test('Register answers a licence with its suspension repeated. Result: the mapper throws', () => {
    const altered = suspendedLicence().replace(/(<rp:suspension>[\s\S]*?<\/rp:suspension>)/, '$1$1');
    expect(() => mapGetDrivingLicencesResponse(payloadOf(altered))).toThrow(/road-police answer/);
  });

  test('Request payloads: getVehicles carries the FIN or the VÖEN asked, getDrivingLicences the FIN only, as in the golden requests', () => {
    for (const id of ['getVehicles__ok', 'getVehicles__ok-voen', 'getDrivingLicences__ok']) {
      const s = sample('road-police', id);
      const golden = payloadOf(s.request.body!);
      const build = s.meta.operation === 'getVehicles' ? buildGetVehicles : buildGetDrivingLicences;
      const ours = parseXml(build(callParams({ subject: s.meta.subject as { fin: string } }))).root;
      expect([ours.ns, ours.local]).toEqual([golden.ns, golden.local]);
      const kind = Object.keys(s.meta.subject)[0];
      expect(textContent(onlyChild(ours, ROAD_POLICE_NS, kind)!)).toBe(textContent(onlyChild(golden, ROAD_POLICE_NS, kind)!).trim());
    }
    expect(() => buildGetDrivingLicences(callParams({ subject: { voen: '1401234561' } }))).toThrow(TypeError);
  });
});
