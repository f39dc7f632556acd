/**
 * The pure parts of every adapter against its module's golden sample exchanges
 * (contracts/registries/<id>/samples): the mapper turns every sample answer into exactly the
 * expected canonical model, the model passes its JSON Schema, every fault sample lands on the
 * outcome the sample names, the answer names the subject where the descriptor says, and the request
 * the adapter builds is the golden one.
 */
import { ADAPTERS } from '../../../adapters';
import type { RestOperation, SoapOperation } from '../../../adapters/kit/descriptor';
import { matchFault } from '../../../adapters/kit/fault-matcher';
import { createModelCheck } from '../../../adapters/kit/model-validator';
import { jsonSubjectAt, xmlSubjectAt } from '../../../adapters/kit/subject-binding';
import { loadSamples } from '../../../contracts/registries/samples';
import { childElements, onlyChild, textContent, type XmlElement } from '../../../signing/xml/light-dom';
import { parseXml } from '../../../signing/xml/parse-xml';
import { callParams } from './support/adapter-fixture';

const SOAP = 'http://schemas.xmlsoap.org/soap/envelope/';

function bodyChild(xml: string): XmlElement {
  const body = onlyChild(parseXml(xml).root, SOAP, 'Body')!;
  const kids = childElements(body);
  expect(kids).toHaveLength(1);
  return kids[0];
}

const kindOf = (s: object): 'fin' | 'voen' => ('fin' in s ? 'fin' : 'voen');
const valueOf = (s: object): string => Object.values(s)[0] as string;

describe.each(ADAPTERS.map((d) => [d.provider, d] as const))('%s golden samples', (id, d) => {
  const check = createModelCheck(d);
  const samples = loadSamples(id);
  const opOf = (name: string) => {
    const op = d.operations.find((o) => o.name === name);
    if (!op) throw new Error(`sample operation ${name} is not an operation of adapter ${id}`);
    return op;
  };

  test.each(samples.map((s) => [s.id, s] as const))('%s: the adapter gives the outcome and model the sample names', (_id, s) => {
    const op = opOf(s.meta.operation);
    if (d.protocol === 'soap') {
      const payload = bodyChild(s.response);
      if (payload.ns === SOAP && payload.local === 'Fault') {
        const code = textContent(onlyChild(payload, '', 'faultcode')!).trim().replace(/^[^:]*:/, '');
        const r = matchFault(d.faults, { soapFaultCode: code });
        expect(r === 'not-found' ? 'not-found' : 'error').toBe(s.meta.outcome);
        return;
      }
      const mapped = (op as SoapOperation).mapResponse(payload);
      expect(mapped).toEqual({ outcome: 'ok', data: s.meta.expected });
    } else {
      if (s.meta.response.status >= 400) {
        const r = matchFault(d.faults, { httpStatus: s.meta.response.status, problemType: s.meta.problem?.type });
        expect(r === 'not-found' ? 'not-found' : 'error').toBe(s.meta.outcome);
        return;
      }
      const mapped = (op as RestOperation).mapResponse(JSON.parse(s.response));
      expect(mapped).toEqual({ outcome: 'ok', data: s.meta.expected });
    }
    expect(s.meta.outcome).toBe('ok');
    expect(() => check(op.name, s.meta.expected)).not.toThrow();
  });

  test.each(samples.filter((s) => s.meta.outcome !== 'error').map((s) => [s.id, s] as const))('%s: the answer names the subject asked where the descriptor says', (_id, s) => {
    const op = opOf(s.meta.operation);
    const kind = kindOf(s.meta.subject);
    if (d.protocol === 'soap') {
      const o = op as SoapOperation;
      const payload = bodyChild(s.response);
      const named = s.meta.outcome === 'ok'
        ? xmlSubjectAt(payload, o.namespace, o.answerSubject.data[kind]!)
        : xmlSubjectAt(onlyChild(payload, '', 'detail'), o.namespace, o.answerSubject.notFound[kind]!);
      expect(named).toBe(valueOf(s.meta.subject));
    } else {
      const o = op as RestOperation;
      const body = JSON.parse(s.response);
      const where = s.meta.outcome === 'ok' ? o.answerSubject.data[kind]! : o.answerSubject.notFound[kind]!;
      expect(jsonSubjectAt(body, where)).toBe(valueOf(s.meta.subject));
      if (s.meta.outcome === 'not-found') expect(body.xRoadId).toBe(s.request.headers['X-Road-Id']);
    }
  });

  test.each(samples.filter((s) => s.meta.outcome === 'ok').map((s) => [s.id, s] as const))('%s: the request the adapter builds is the golden one', (_id, s) => {
    const op = opOf(s.meta.operation);
    const params = callParams({ subject: s.meta.subject });
    if (d.protocol === 'soap') {
      const golden = bodyChild(s.request.body ?? '');
      const ours = parseXml((op as SoapOperation).buildRequest(params)).root;
      expect([ours.ns, ours.local]).toEqual([golden.ns, golden.local]);
      const kind = kindOf(s.meta.subject);
      expect(textContent(onlyChild(ours, ours.ns, kind)!)).toBe(textContent(onlyChild(golden, golden.ns, kind)!).trim());
    } else {
      expect((op as RestOperation).path(params)).toBe(s.request.path);
    }
  });
});
