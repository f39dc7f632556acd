/**
 * The penitentiary adapter's pure parts (statute 11.2.24 getDetentionStatus) against its golden
 * samples and against answers of a shape it does not know.
 */
import { adapter } from '../../../adapters/penitentiary/penitentiary.adapter';
import { buildGetDetentionStatus, mapGetDetentionStatusResponse, PENITENTIARY_NS } from '../../../adapters/penitentiary/penitentiary.mapper';
import { createModelCheck } from '../../../adapters/kit/model-validator';
import { loadSamples, sample } from '../../../contracts/registries/samples';
import { childElements, onlyChild, textContent, type XmlElement } from '../../../signing/xml/light-dom';
import { parseXml } from '../../../signing/xml/parse-xml';
import { callParams } from './support/adapter-fixture';

const SOAP = 'http://schemas.xmlsoap.org/soap/envelope/';
const payloadOf = (xml: string): XmlElement => childElements(onlyChild(parseXml(xml).root, SOAP, 'Body')!)[0];
const okPayload = () => sample('penitentiary', 'getDetentionStatus__ok').response;
const check = createModelCheck(adapter);

describe('penitentiary getDetentionStatus mapper', () => {
  test.each(loadSamples('penitentiary').filter((s) => s.meta.outcome === 'ok').map((s) => [s.id, s] as const))(
    'Service answers the golden %s. Result: exactly the expected canonical model, valid against its schema', (_id, s) => {
      const mapped = mapGetDetentionStatusResponse(payloadOf(s.response));
      expect(mapped).toEqual({ outcome: 'ok', data: s.meta.expected });
      expect(() => check('getDetentionStatus', (mapped as { data: unknown }).data)).not.toThrow();
    });

  test('Service answers about the accused 4GH5J6K. Result: held now in pre-trial detention with a planned release, the court decision, and the past term with its release day', () => {
    const r = mapGetDetentionStatusResponse(payloadOf(okPayload()));
    expect(r).toMatchObject({
      outcome: 'ok',
      data: {
        heldNow: true,
        current: { kind: { code: 'pre-trial-detention' }, plannedRelease: '2026-03-30', releasedOn: null, basis: { caseNumber: '345593013' } },
        history: [{ kind: { code: 'sentence' }, plannedRelease: null, releasedOn: '2025-10-17' }],
      },
    });
  });

  test('Service answers a person released, no longer held. Result: heldNow false, current null', () => {
    const xml = okPayload().replace('<pen:heldNow>true</pen:heldNow>', '<pen:heldNow>false</pen:heldNow>').replace(/<pen:current>[\s\S]*?<\/pen:current>/, '');
    expect(mapGetDetentionStatusResponse(payloadOf(xml))).toMatchObject({ outcome: 'ok', data: { heldNow: false, current: null } });
  });

  test.each([
    ['it says "held now" but gives no current detention', (x: string) => x.replace(/<pen:current>[\s\S]*?<\/pen:current>/, '')],
    ['it gives a current detention but says "not held"', (x: string) => x.replace('<pen:heldNow>true</pen:heldNow>', '<pen:heldNow>false</pen:heldNow>')],
    ['the current detention has no facility', (x: string) => x.replace(/(<pen:current>[\s\S]*?)<pen:facility>[^<]*<\/pen:facility>/, '$1')],
    ['the history holds a foreign element', (x: string) => x.replace('<pen:history>', '<pen:history><pen:note>x</pen:note>')],
    ['the subject is repeated', (x: string) => x.replace(/(<pen:subject>[\s\S]*?<\/pen:subject>)/, '$1$1')],
  ])('Service answers where %s. Result: the mapper throws (a bad answer, never data)', (_what, alter) => {
    const altered = alter(okPayload());
    expect(altered).not.toBe(okPayload());
    expect(() => mapGetDetentionStatusResponse(payloadOf(altered))).toThrow(/penitentiary answer/);
  });

  test('A detention of an unknown kind passes the mapper but not the model schema. Result: refused by the check', () => {
    const r = mapGetDetentionStatusResponse(payloadOf(okPayload().replace('<pen:code>pre-trial-detention</pen:code>', '<pen:code>house-arrest</pen:code>')));
    expect(() => check('getDetentionStatus', (r as { data: unknown }).data)).toThrow();
  });

  test('getDetentionStatus request payload: the element, namespace and FIN of the golden request; a VÖEN is refused', () => {
    const golden = payloadOf(sample('penitentiary', 'getDetentionStatus__ok').request.body!);
    const ours = parseXml(buildGetDetentionStatus(callParams({ subject: { fin: '4GH5J6K' } }))).root;
    expect([ours.ns, ours.local]).toEqual([golden.ns, golden.local]);
    expect(textContent(onlyChild(ours, PENITENTIARY_NS, 'fin')!)).toBe(textContent(onlyChild(golden, PENITENTIARY_NS, 'fin')!).trim());
    expect(() => buildGetDetentionStatus(callParams({ subject: { voen: '1401234561' } }))).toThrow(TypeError);
  });
});
