/**
 * Contract: the golden exchanges of every REST registry module (contracts/registries/<id>/samples)
 * against its <id>.openapi.json (OpenAPI 3.1, the EHİS REST profile v2) and the canonical model
 * schemas. Driven by the modules' samples: a new REST module is checked by being listed.
 */
import { ADAPTERS } from '../../adapters';
import type { RestAdapterDescriptor } from '../../adapters/kit/descriptor';
import { loadSamples } from '../../contracts/registries/samples';
import { modelValidator, openApiOf, openApiResponseValidator } from './support/schemas';

const REST_MODULES = ADAPTERS.filter((d): d is RestAdapterDescriptor => d.protocol === 'rest');

/** The OpenAPI path template a request path matches. */
function templateOf(paths: string[], path: string): string | undefined {
  const bare = path.split('?')[0];
  return paths.find((t) => new RegExp(`^${t.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(bare));
}

describe.each(REST_MODULES.map((d) => [d.provider, d] as const))('%s: REST golden samples', (id, d) => {
  const doc = openApiOf(id);
  const samples = loadSamples(id);

  it('the contract is OpenAPI 3.1 with an operation per adapter operation', () => {
    expect(doc.openapi).toMatch(/^3\.1\./);
    const ops = Object.values(doc.paths).flatMap((p) => Object.values(p).map((o) => o.operationId));
    for (const op of d.operations) expect(ops).toContain(op.name);
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

  it.each(samples.map((s) => [s.id, s] as const))('%s: the request follows its operation\'s path template and carries the required X-Road headers', (_id, s) => {
    const template = templateOf(Object.keys(doc.paths), s.request.path);
    expect(template).toBeDefined();
    const op = doc.paths[template!][s.request.method.toLowerCase()];
    expect(op.operationId).toBe(s.meta.operation);
    const required = op.parameters
      .map((p) => doc.components.parameters[p.$ref.split('/').pop()!])
      .filter((p) => p.in === 'header' && p.required)
      .map((p) => p.name);
    expect(required).toEqual(expect.arrayContaining(['X-Road-Client', 'X-Road-Signature']));
    // Samples are unsigned: X-Road-Signature is added on the fly, like every signature.
    for (const name of required.filter((n) => n !== 'X-Road-Signature')) expect(s.request.headers[name]).toBeTruthy();
  });

  it.each(samples.map((s) => [s.id, s] as const))('%s: the response body validates against the OpenAPI schema of its status', (_id, s) => {
    const template = templateOf(Object.keys(doc.paths), s.request.path)!;
    const verdict = openApiResponseValidator(doc, template, s.request.method.toLowerCase())(s.meta.response.status, s.meta.response.headers['Content-Type'], JSON.parse(s.response));
    expect(verdict.errors).toBe('No errors');
    expect(verdict.valid).toBe(true);
    expect(s.meta.response.headers['X-Road-Id']).toBe(s.request.headers['X-Road-Id']);
  });

  it.each(samples.filter((s) => s.meta.outcome === 'not-found').map((s) => [s.id, s] as const))('%s sent as application/json instead of problem+json. Result: not in the contract', (_id, s) => {
    const template = templateOf(Object.keys(doc.paths), s.request.path)!;
    expect(openApiResponseValidator(doc, template, s.request.method.toLowerCase())(404, 'application/json', JSON.parse(s.response)).valid).toBe(false);
  });

  it.each(samples.map((s) => [s.id, s] as const))('%s: meta agrees with the response (problem type, model schema)', (_id, s) => {
    const body = JSON.parse(s.response);
    if (s.meta.outcome === 'ok') {
      expect(body).toEqual(s.meta.expected);
      const validate = modelValidator(id, s.meta.operation);
      expect(validate(s.meta.expected)).toBe(true);
      expect(validate({ ...(s.meta.expected as object), extra: 1 })).toBe(false);
    } else {
      expect(s.meta.expected).toBeNull();
      expect(body.type).toBe(s.meta.problem?.type);
      expect(body.status).toBe(s.meta.response.status);
      expect(s.meta.outcome).toBe(body.type.endsWith('/not-found') ? 'not-found' : 'error');
    }
  });
});
