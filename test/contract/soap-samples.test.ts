/**
 * Contract: the golden exchanges of every SOAP registry module (contracts/registries/<id>/samples)
 * against its <id>.wsdl / <id>.xsd, the shared X-Road schemas (contracts/xroad) and the canonical
 * model schemas. Driven by the modules' samples: a new SOAP module is checked by being listed.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as soap from 'soap';
import { ADAPTERS } from '../../adapters';
import type { SoapAdapterDescriptor } from '../../adapters/kit/descriptor';
import { upstreamPath, xroadDir } from '../../contracts/registries/paths';
import { loadSamples } from '../../contracts/registries/samples';
import { modelValidator } from './support/schemas';
import { soapParts, treeToJson } from './support/xml-tree';
import { bundleSchema, validateFiles, validateText, xmllintAvailable } from './support/xsd-validate';

const SOAP_MODULES = ADAPTERS.filter((d): d is SoapAdapterDescriptor => d.protocol === 'soap');

beforeAll(() => {
  if (!xmllintAvailable()) throw new Error('xmllint is required for the XSD contract tests: apt-get install -y libxml2-utils');
});

describe.each(SOAP_MODULES.map((d) => [d.provider, d] as const))('%s: SOAP golden samples', (id, d) => {
  const samples = loadSamples(id);
  const namespace = d.operations[0].namespace;
  let schema: string;
  beforeAll(() => {
    schema = bundleSchema({
      'http://schemas.xmlsoap.org/soap/envelope/': join(xroadDir(), 'soap-envelope.xsd'),
      'http://x-road.eu/xsd/xroad.xsd': join(xroadDir(), 'xroad.xsd'),
      [namespace]: upstreamPath(id, `${id}.xsd`),
    });
  });

  it('cover, per operation, ok, not-found and a fault, and an ok per subject kind the operation takes', () => {
    for (const op of d.operations) {
      const mine = samples.filter((s) => s.meta.operation === op.name);
      expect(mine.some((s) => s.meta.scenario === 'ok')).toBe(true);
      expect(mine.some((s) => s.meta.outcome === 'not-found')).toBe(true);
      expect(mine.some((s) => s.meta.outcome === 'error')).toBe(true);
      for (const kind of op.subjects) expect([op.name, kind, mine.some((s) => s.meta.outcome === 'ok' && kind in s.meta.subject)]).toEqual([op.name, kind, true]);
    }
  });

  it('Every golden request and response is a SOAP 1.1 envelope valid against the XSDs (xmllint). Result: all validate', () => {
    const verdicts = validateFiles(schema, samples.flatMap((s) => [s.requestFile, s.responseFile]));
    const invalid = [...verdicts].filter(([, v]) => !v.valid).map(([f, v]) => `${f}: ${v.messages.join(' | ')}`);
    expect(invalid).toEqual([]);
  });

  it.each(samples.filter((s) => s.meta.outcome === 'ok').map((s) => [s.id, s] as const))('%s with the first element of its record removed. Result: the validator rejects it', (_id, s) => {
    const broken = s.response.replace(/(<(?:\w+:)?\w+Response\b[^>]*>\s*<(?:\w+:)?\w+\b[^>]*>\s*)<((?:\w+:)?\w+)\b[^>]*>[\s\S]*?<\/\2>/, '$1');
    expect(broken).not.toBe(s.response);
    expect(validateText(schema, broken).valid).toBe(false);
  });

  it('A request whose X-Road client header misses memberClass. Result: the validator rejects it', () => {
    const broken = samples[0].request.body!.replace('<id:memberClass>GOV</id:memberClass>', '');
    expect(validateText(schema, broken).valid).toBe(false);
  });

  it.each(samples.map((s) => [s.id, s] as const))('%s: response echoes the request X-Road headers and carries the digest of the request (X-Road 4.0 requestHash)', (_id, s) => {
    const req = soapParts(s.request.body!);
    const res = soapParts(s.response);
    expect(res.headers.slice(0, -1)).toEqual(req.headers);
    expect(res.headers.map((h) => h.name.split('}')[1])).toEqual(['client', 'service', 'id', 'userId', 'issue', 'protocolVersion', 'requestHash']);
    const hash = res.headers[6];
    expect(hash.attrs['{}algorithmId']).toBe('http://www.w3.org/2001/04/xmlenc#sha256');
    expect(hash.text).toBe(createHash('sha256').update(readFileSync(s.requestFile)).digest('base64'));
  });

  it.each(samples.map((s) => [s.id, s] as const))('%s: meta agrees with the response (status, fault code, model schema)', (_id, s) => {
    const payload = soapParts(s.response).body.children[0];
    if (s.meta.outcome === 'ok') {
      expect(s.meta.response.status).toBe(200);
      expect(payload.name).toBe(`{${namespace}}${s.meta.operation}Response`);
      const validate = modelValidator(id, s.meta.operation);
      expect(validate(s.meta.expected)).toBe(true);
      expect(validate({ ...(s.meta.expected as object), extra: 1 })).toBe(false);
    } else {
      // SOAP 1.1 §6.2: a fault travels with HTTP 500.
      expect(s.meta.response.status).toBe(500);
      expect(s.meta.expected).toBeNull();
      expect(payload.name).toBe('{http://schemas.xmlsoap.org/soap/envelope/}Fault');
      const fault = treeToJson(payload) as { faultcode: string; faultstring: string };
      expect(fault.faultcode).toBe(`SOAP-ENV:${s.meta.fault?.code}`);
      expect(fault.faultstring).toBe(s.meta.fault?.string);
      expect(s.meta.outcome).toBe(s.meta.fault?.code === 'Server.NotFound' ? 'not-found' : 'error');
    }
  });

  it(`node-soap loads ${id}.wsdl with its imported XSDs. Result: the adapter's operations, document/literal, X-Road header parts`, async () => {
    const client = await soap.createClientAsync(d.wsdl);
    const description = client.describe() as Record<string, Record<string, Record<string, unknown>>>;
    expect(Object.keys(description[`${id}Service`][`${id}Port`]).sort()).toEqual(d.operations.map((o) => o.name).sort());
    const wsdl = client.wsdl.definitions;
    const binding = wsdl.bindings[`${id}Binding`] as unknown as { style: string };
    expect(binding.style).toBe('document');
    const header = wsdl.messages.requestheader as unknown as { children: { $name: string; $element: string }[] };
    expect(header.children.map((p) => `${p.$name}=${p.$element}`)).toEqual(
      ['client', 'service', 'id', 'userId', 'issue', 'protocolVersion'].map((n) => `${n}=xrd:${n}`),
    );
  });
});
