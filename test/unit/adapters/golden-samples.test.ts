/**
 * The pure parts of each adapter against the golden sample exchanges (contracts/registries/<p>/samples):
 * the mapper turns every sample answer into exactly the expected canonical model, the model passes
 * its JSON Schema, and every fault sample lands on the outcome the sample names.
 */
import { loadSamples } from '../../../contracts/registries/samples';
import { matchFault } from '../../../adapters/kit/fault-matcher';
import { createModelCheck } from '../../../adapters/kit/model-validator';
import { phoneAdapter } from '../../../adapters/phone/phone.adapter';
import { buildGetPerson } from '../../../adapters/population/population.mapper';
import { populationAdapter } from '../../../adapters/population/population.adapter';
import { childElements, onlyChild, textContent, type XmlElement } from '../../../signing/xml/light-dom';
import { parseXml } from '../../../signing/xml/parse-xml';
import { jsonSubjectAt, xmlSubjectAt } from '../../../adapters/kit/subject-binding';
import { callParams } from './support/adapter-fixture';

const SOAP = 'http://schemas.xmlsoap.org/soap/envelope/';

function bodyChild(xml: string): XmlElement {
  const body = onlyChild(parseXml(xml).root, SOAP, 'Body')!;
  const kids = childElements(body);
  expect(kids).toHaveLength(1);
  return kids[0];
}

describe('Population golden samples', () => {
  const check = createModelCheck(populationAdapter);
  const op = populationAdapter.operations[0];
  test.each(loadSamples('population').map((s) => [s.id, s] as const))('%s: the adapter gives the outcome and model the sample names', (_id, s) => {
    const payload = bodyChild(s.response);
    if (payload.ns === SOAP && payload.local === 'Fault') {
      const code = textContent(onlyChild(payload, '', 'faultcode')!).trim().replace(/^[^:]*:/, '');
      const r = matchFault(populationAdapter.faults, { soapFaultCode: code });
      expect(r === 'not-found' ? 'not-found' : 'error').toBe(s.meta.outcome);
      return;
    }
    const mapped = op.mapResponse(payload);
    expect(mapped).toEqual({ outcome: 'ok', data: s.meta.expected });
    expect(() => check(op.name, (mapped as { data: unknown }).data)).not.toThrow();
  });

  test.each(loadSamples('population').filter((s) => s.meta.outcome !== 'error').map((s) => [s.id, s] as const))('%s: the answer names the subject asked where the descriptor says', (_id, s) => {
    const payload = bodyChild(s.response);
    const fin = (s.meta.subject as { fin: string }).fin;
    const named = s.meta.outcome === 'ok'
      ? xmlSubjectAt(payload, op.namespace, op.answerSubject.data.fin!)
      : xmlSubjectAt(onlyChild(payload, '', 'detail'), op.namespace, op.answerSubject.notFound.fin!);
    expect(named).toBe(fin);
  });

  test('getPerson request payload: same element, namespace and FIN as the golden request', () => {
    const s = loadSamples('population').find((x) => x.id === 'getPerson__ok')!;
    const golden = bodyChild(s.request.body ?? '');
    const ours = parseXml(buildGetPerson(callParams({ subject: s.meta.subject }))).root;
    expect([ours.ns, ours.local]).toEqual([golden.ns, golden.local]);
    expect(textContent(onlyChild(ours, ours.ns, 'fin')!)).toBe(textContent(onlyChild(golden, golden.ns, 'fin')!).trim());
  });
});

describe('Phone golden samples', () => {
  const check = createModelCheck(phoneAdapter);
  const op = phoneAdapter.operations[0];
  test.each(loadSamples('phone').map((s) => [s.id, s] as const))('%s: the adapter gives the outcome and model the sample names', (_id, s) => {
    if (s.meta.response.status >= 400) {
      const r = matchFault(phoneAdapter.faults, { httpStatus: s.meta.response.status, problemType: s.meta.problem?.type });
      expect(r === 'not-found' ? 'not-found' : 'error').toBe(s.meta.outcome);
      return;
    }
    const mapped = op.mapResponse(JSON.parse(s.response));
    expect(mapped).toEqual({ outcome: 'ok', data: s.meta.expected });
    expect(() => check(op.name, (mapped as { data: unknown }).data)).not.toThrow();
  });

  test.each(loadSamples('phone').filter((s) => s.meta.outcome !== 'error').map((s) => [s.id, s] as const))('%s: the answer names the subject asked where the descriptor says', (_id, s) => {
    const body = JSON.parse(s.response);
    const where = s.meta.outcome === 'ok' ? op.answerSubject.data.fin! : op.answerSubject.notFound.fin!;
    expect(jsonSubjectAt(body, where)).toBe((s.meta.subject as { fin: string }).fin);
    if (s.meta.outcome === 'not-found') expect(body.xRoadId).toBe(s.request.headers['X-Road-Id']);
  });

  test('getPhoneNumbers path: the golden request path', () => {
    const s = loadSamples('phone').find((x) => x.id === 'getPhoneNumbers__ok')!;
    expect(op.path(callParams({ section: '11.2.3', subject: s.meta.subject }))).toBe(s.request.path);
  });
});
