/**
 * Contract: the population register's golden exchanges (contracts/registries/population/samples)
 * against population.wsdl / population.xsd / xroad.xsd and the canonical model schema.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as soap from 'soap';
import { loadSamples, sample } from '../../contracts/registries/samples';
import { populationWsdlPath, providerDir } from '../../contracts/registries/paths';
import { modelValidator } from './support/schemas';
import { soapParts, treeToJson } from './support/xml-tree';
import { bundleSchema, validateFiles, validateText, xmllintAvailable } from './support/xsd-validate';

const upstream = join(providerDir('population'), 'upstream');
const samples = loadSamples('population');
let schema: string;

beforeAll(() => {
  if (!xmllintAvailable()) throw new Error('xmllint is required for the XSD contract tests: apt-get install -y libxml2-utils');
  schema = bundleSchema({
    'http://schemas.xmlsoap.org/soap/envelope/': join(upstream, 'soap-envelope.xsd'),
    'http://x-road.eu/xsd/xroad.xsd': join(upstream, 'xroad.xsd'),
    'http://population.gov.az/xroad/v1': join(upstream, 'population.xsd'),
  });
});

describe('population golden samples', () => {
  it('covers the scenarios every adapter is tested on: ok, not-found, invalid FIN, server error', () => {
    expect(samples.map((s) => s.id)).toEqual(['getPerson__invalid-fin', 'getPerson__not-found', 'getPerson__ok', 'getPerson__server-error']);
  });

  it('Every golden request and response is a SOAP 1.1 envelope valid against the XSDs (xmllint). Result: all validate', () => {
    const files = samples.flatMap((s) => [s.requestFile, s.responseFile]);
    const verdicts = validateFiles(schema, files);
    const invalid = [...verdicts].filter(([, v]) => !v.valid).map(([f, v]) => `${f}: ${v.messages.join(' | ')}`);
    expect(invalid).toEqual([]);
  });

  it('A response whose person lacks a surname is checked the same way. Result: the validator rejects it', () => {
    const broken = sample('population', 'getPerson__ok').response.replace(/<pop:surname>[^<]*<\/pop:surname>/, '');
    const verdict = validateText(schema, broken);
    expect(verdict.valid).toBe(false);
    expect(verdict.messages.join('\n')).toMatch(/givenName/);
  });

  it('A request whose X-Road client header misses memberClass. Result: the validator rejects it', () => {
    const broken = sample('population', 'getPerson__ok').request.body!.replace('<id:memberClass>GOV</id:memberClass>', '');
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

  const validate = modelValidator('population');
  it.each(samples.map((s) => [s.id, s] as const))('%s: meta agrees with the response (status, fault code, expected model)', (_id, s) => {
    const body = soapParts(s.response).body;
    const payload = body.children[0];
    if (s.meta.outcome === 'ok') {
      expect(s.meta.response.status).toBe(200);
      expect(payload.name).toBe('{http://population.gov.az/xroad/v1}getPersonResponse');
      const person = treeToJson(payload.children[0]);
      expect(person).toEqual(s.meta.expected);
      expect(validate(s.meta.expected)).toBe(true);
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

  it('The ok sample is the README example person (5ZK8F3R, Məmmədov Əli Vəli oğlu)', () => {
    const expected = sample('population', 'getPerson__ok').meta.expected as Record<string, unknown>;
    expect(expected).toMatchObject({ fin: '5ZK8F3R', surname: 'Məmmədov', givenName: 'Əli', patronymic: 'Vəli oğlu' });
  });

  it('model.schema.json rejects a person with an unknown civil status. Result: invalid', () => {
    const expected = sample('population', 'getPerson__ok').meta.expected as Record<string, unknown>;
    expect(validate({ ...expected, civilStatus: 'engaged' })).toBe(false);
    expect(validate({ ...expected, extra: 1 })).toBe(false);
  });
});

describe('population.wsdl', () => {
  it('node-soap loads it with its imported XSDs. Result: one operation getPerson, document/literal, X-Road header parts', async () => {
    const client = await soap.createClientAsync(populationWsdlPath());
    const description = client.describe() as Record<string, Record<string, Record<string, { input: Record<string, unknown> }>>>;
    expect(Object.keys(description.populationService.populationPort)).toEqual(['getPerson']);
    const wsdl = client.wsdl.definitions;
    const binding = wsdl.bindings.populationBinding as unknown as { style: string; methods: Record<string, { input: unknown }> };
    expect(binding.style).toBe('document');
    const header = wsdl.messages.requestheader as unknown as { children: { $name: string; $element: string }[] };
    expect(header.children.map((p) => `${p.$name}=${p.$element}`)).toEqual(
      ['client', 'service', 'id', 'userId', 'issue', 'protocolVersion'].map((n) => `${n}=xrd:${n}`),
    );
  });
});
