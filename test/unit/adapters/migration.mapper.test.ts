/**
 * The migration adapter's pure parts (statute 11.2.10 getBorderCrossings, 11.2.11 getTravelBans)
 * against its golden samples and against answers of a shape it does not know.
 */
import { adapter } from '../../../adapters/migration/migration.adapter';
import {
  buildGetBorderCrossings, buildGetTravelBans, mapGetBorderCrossingsResponse, mapGetTravelBansResponse, MIGRATION_NS,
} from '../../../adapters/migration/migration.mapper';
import { createModelCheck } from '../../../adapters/kit/model-validator';
import { loadSamples, sample } from '../../../contracts/registries/samples';
import { childElements, onlyChild, textContent, type XmlElement } from '../../../signing/xml/light-dom';
import { parseXml } from '../../../signing/xml/parse-xml';
import { callParams } from './support/adapter-fixture';

const SOAP = 'http://schemas.xmlsoap.org/soap/envelope/';
const payloadOf = (xml: string): XmlElement => childElements(onlyChild(parseXml(xml).root, SOAP, 'Body')!)[0];
const check = createModelCheck(adapter);
const MAPPERS = { getBorderCrossings: mapGetBorderCrossingsResponse, getTravelBans: mapGetTravelBansResponse } as const;
const crossings = () => sample('migration', 'getBorderCrossings__ok').response;
const barred = () => sample('migration', 'getTravelBans__ok').response;

describe('migration mappers', () => {
  test.each(loadSamples('migration').filter((s) => s.meta.outcome === 'ok').map((s) => [s.id, s] as const))(
    'Service answers the golden %s. Result: exactly the expected canonical model, valid against its schema', (_id, s) => {
      const mapped = MAPPERS[s.meta.operation as keyof typeof MAPPERS](payloadOf(s.response));
      expect(mapped).toEqual({ outcome: 'ok', data: s.meta.expected });
      expect(() => check(s.meta.operation, (mapped as { data: unknown }).data)).not.toThrow();
    });

  test('Service answers the crossings of the plaintiff 5ZK8F3R. Result: newest first, direction with its label, no vehicle as null', () => {
    const r = mapGetBorderCrossingsResponse(payloadOf(crossings()));
    if (r.outcome !== 'ok') throw new Error('not ok');
    expect(r.data.crossings.map((c) => c.direction)).toEqual([{ code: 'entry', label: 'Giriş' }, { code: 'exit', label: 'Çıxış' }]);
    expect(r.data.crossings[0].at > r.data.crossings[1].at).toBe(true);
    expect(r.data.crossings[0].vehiclePlate).toBeNull();
  });

  test('Service answers that 9XY8Z7W never crossed, and that 5ZK8F3R has no ban. Result: empty lists as data, never "not found"', () => {
    expect(mapGetBorderCrossingsResponse(payloadOf(sample('migration', 'getBorderCrossings__ok-none').response))).toMatchObject({ outcome: 'ok', data: { crossings: [] } });
    expect(mapGetTravelBansResponse(payloadOf(sample('migration', 'getTravelBans__ok-none').response))).toMatchObject({ outcome: 'ok', data: { barred: false, bans: [] } });
  });

  test('Service answers the ban on the defendant 1AB2C3D. Result: barred, the enforcement proceeding as basis with its issuing body, until lifted', () => {
    expect(mapGetTravelBansResponse(payloadOf(barred()))).toMatchObject({
      outcome: 'ok',
      data: { barred: true, bans: [{ basis: { kind: { code: 'enforcement-proceeding' }, number: 'İC-2025-004817', issuer: 'Nəsimi rayon İcra Şöbəsi' }, until: null, status: { code: 'active' } }] },
    });
  });

  test.each([
    ['it says "barred" with no active ban', (x: string) => x.replace('<mig:code>active</mig:code>', '<mig:code>lifted</mig:code>')],
    ['it says "not barred" with an active ban', (x: string) => x.replace('<mig:barred>true</mig:barred>', '<mig:barred>false</mig:barred>')],
    ['a ban has no basis', (x: string) => x.replace(/<mig:basis>[\s\S]*?<\/mig:basis>/, '')],
    ['the bans list holds a foreign element', (x: string) => x.replace('<mig:bans>', '<mig:bans><mig:note>x</mig:note>')],
  ])('Service answers bans where %s. Result: the mapper throws (a bad answer, never data)', (_what, alter) => {
    const altered = alter(barred());
    expect(altered).not.toBe(barred());
    expect(() => mapGetTravelBansResponse(payloadOf(altered))).toThrow(/migration answer/);
  });

  test('Service answers a crossing without its checkpoint. Result: the mapper throws', () => {
    expect(() => mapGetBorderCrossingsResponse(payloadOf(crossings().replace(/<mig:checkpoint>[^<]*<\/mig:checkpoint>/, '')))).toThrow(/migration answer/);
  });

  test('Service answers a crossing time without its zone. Result: the model schema refuses it', () => {
    const r = mapGetBorderCrossingsResponse(payloadOf(crossings().replace(/<mig:at>([^<]*)Z<\/mig:at>/, '<mig:at>$1</mig:at>')));
    expect(() => check('getBorderCrossings', (r as { data: unknown }).data)).toThrow();
  });

  test('Request payloads: the element, namespace and FIN of the golden requests; a VÖEN is refused', () => {
    for (const [id, build] of [['getBorderCrossings__ok', buildGetBorderCrossings], ['getTravelBans__ok', buildGetTravelBans]] as const) {
      const s = sample('migration', id);
      const golden = payloadOf(s.request.body!);
      const ours = parseXml(build(callParams({ subject: s.meta.subject as { fin: string } }))).root;
      expect([ours.ns, ours.local]).toEqual([golden.ns, golden.local]);
      expect(textContent(onlyChild(ours, MIGRATION_NS, 'fin')!)).toBe(textContent(onlyChild(golden, MIGRATION_NS, 'fin')!).trim());
      expect(() => build(callParams({ subject: { voen: '1401234561' } }))).toThrow(TypeError);
    }
  });
});
