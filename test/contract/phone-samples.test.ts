/**
 * Contract: the telecom register's golden exchanges (contracts/registries/phone/samples) against
 * phone.openapi.json (OpenAPI 3.1) and the canonical model schema.
 */
import { loadSamples, sample } from '../../contracts/registries/samples';
import { modelValidator, openApiResponseValidator, phoneOpenApi } from './support/schemas';

const PATH = '/v1/persons/{fin}/phone-numbers';
const doc = phoneOpenApi();
const samples = loadSamples('phone');
const validateResponse = openApiResponseValidator(doc, PATH, 'get');
const validateModel = modelValidator('phone');

describe('phone golden samples', () => {
  it('covers ok, not-found, bad request and server error', () => {
    expect(samples.map((s) => s.id)).toEqual([
      'getPhoneNumbers__bad-request', 'getPhoneNumbers__not-found', 'getPhoneNumbers__ok', 'getPhoneNumbers__server-error',
    ]);
  });

  it('phone.openapi.json is OpenAPI 3.1 with operation getPhoneNumbers', () => {
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(doc.paths[PATH].get.operationId).toBe('getPhoneNumbers');
  });

  it.each(samples.map((s) => [s.id, s] as const))('%s: the request follows the path template and carries the required X-Road headers', (_id, s) => {
    expect(s.request.method).toBe('GET');
    const route = /^\/v1\/persons\/([^/]+)\/phone-numbers$/.exec(s.request.path);
    expect(route?.[1]).toBe((s.meta.subject as { fin: string }).fin);
    const required = doc.paths[PATH].get.parameters
      .map((p) => doc.components.parameters[p.$ref.split('/').pop()!])
      .filter((p) => p.in === 'header' && p.required)
      .map((p) => p.name);
    expect(required).toEqual(['X-Road-Client', 'X-Road-Signature']);
    // Samples are unsigned: X-Road-Signature is added on the fly, like every signature.
    for (const name of required.filter((n) => n !== 'X-Road-Signature')) expect(s.request.headers[name]).toBeTruthy();
  });

  it.each(samples.map((s) => [s.id, s] as const))('%s: the response body validates against the OpenAPI schema of its status', (_id, s) => {
    const verdict = validateResponse(s.meta.response.status, s.meta.response.headers['Content-Type'], JSON.parse(s.response));
    expect(verdict.errors).toBe('No errors');
    expect(verdict.valid).toBe(true);
    expect(s.meta.response.headers['X-Road-Id']).toBe(s.request.headers['X-Road-Id']);
  });

  it('A 200 body whose number has a landline prefix. Result: the OpenAPI schema rejects it', () => {
    const body = JSON.parse(sample('phone', 'getPhoneNumbers__ok').response);
    body.numbers[0].msisdn = '+994124987654';
    expect(validateResponse(200, 'application/json', body).valid).toBe(false);
  });

  it('A 404 sent as application/json instead of problem+json. Result: not in the contract', () => {
    const body = JSON.parse(sample('phone', 'getPhoneNumbers__not-found').response);
    expect(validateResponse(404, 'application/json', body).valid).toBe(false);
  });

  it.each(samples.map((s) => [s.id, s] as const))('%s: meta agrees with the response (problem type, expected model)', (_id, s) => {
    const body = JSON.parse(s.response);
    if (s.meta.outcome === 'ok') {
      expect(body).toEqual(s.meta.expected);
      expect(validateModel(s.meta.expected)).toBe(true);
    } else {
      expect(s.meta.expected).toBeNull();
      expect(body.type).toBe(s.meta.problem?.type);
      expect(body.status).toBe(s.meta.response.status);
      expect(s.meta.outcome).toBe(body.type.endsWith('/not-found') ? 'not-found' : 'error');
    }
  });

  it('model.schema.json rejects an empty list of numbers (no numbers is a 404, not an empty result)', () => {
    expect(validateModel({ fin: '5ZK8F3R', numbers: [] })).toBe(false);
  });
});
