import { Errors } from 'moleculer';
import ApiGateway from 'moleculer-web';
import { HubError } from '../../../contracts/hub';
import { errorBody } from '../../../bus/http-error-body';
import { toHttpError } from '../../../bus/http-errors';
import { BODY_LIMITS, allowedMethods, clientInputError, correlationId, jsonShape, routeTable, screenBodyHeaders, screenRequest, verifyJsonBytes } from '../../../bus/http-input';

const { MoleculerError } = Errors;
const table = routeTable(['GET /health', 'POST /api/v1/lookups', 'GET /api/v1/lookups/:orderId/evidence', 'POST /api/v1/cases']);
const json = { 'content-type': 'application/json', 'content-length': '2' };

describe('Gateway screen before routing', () => {
  it('A route table from the alias keys. Result: each path with its methods; a parameter matches one segment only', () => {
    expect(allowedMethods(table, '/api/v1/lookups')).toEqual(['POST']);
    expect(allowedMethods(table, '/api/v1/lookups/')).toEqual(['POST']);
    expect(allowedMethods(table, '/api/v1/lookups/abc/evidence')).toEqual(['GET']);
    expect(allowedMethods(table, '/api/v1/lookups/a/b/evidence')).toBeNull();
    expect(allowedMethods(table, '/api/v1/lookupsX')).toBeNull();
  });

  it('A wrong method on a known path. Result: 405 HUB_ERR_VALIDATION_METHOD_NOT_ALLOWED naming the allowed methods', () => {
    const e = screenRequest({ method: 'DELETE', url: '/api/v1/cases?x=1', headers: {} }, table)!;
    expect(e.code).toBe('HUB_ERR_VALIDATION_METHOD_NOT_ALLOWED');
    expect(e.httpStatus).toBe(405);
    expect(e.details).toEqual({ allow: ['POST'] });
  });

  it('Malformed percent-encoding anywhere in the path. Result: 400 HUB_ERR_VALIDATION_BAD_URL; in the query it is left to the router', () => {
    for (const url of ['/api/v1/lookups/%zz/evidence', '/%E0%A4%A', '/%']) expect(screenRequest({ method: 'GET', url, headers: {} }, table)?.code).toBe('HUB_ERR_VALIDATION_BAD_URL');
    expect(screenRequest({ method: 'GET', url: '/health?x=%zz', headers: {} }, table)).toBeNull();
  });

  it('An unknown path. Result: passes to the router (which answers 404)', () => {
    expect(screenRequest({ method: 'PUT', url: '/nothing', headers: json }, table)).toBeNull();
  });

  it.each([
    [{ 'content-type': 'text/plain' }, 'Content-Type must be application/json'],
    [{}, 'Content-Type must be application/json'],
    [{ 'content-type': 'application/json; charset=latin1' }, 'charset must be utf-8'],
    [{ 'content-type': 'application/json;charset=UTF-16' }, 'charset must be utf-8'],
    [{ 'content-type': 'application/json', 'content-encoding': 'br' }, 'Content-Encoding must be identity, gzip or deflate (one at most)'],
    [{ 'content-type': 'application/json', 'content-encoding': 'gzip, deflate' }, 'Content-Encoding must be identity, gzip or deflate (one at most)'],
  ])('A body with headers %j. Result: 415 naming the rule: %s', (headers, rule) => {
    const e = screenBodyHeaders(headers)!;
    expect(e.httpStatus).toBe(415);
    expect(e.details).toEqual({ violations: [rule] });
  });

  it.each([
    { 'content-type': 'application/json' },
    { 'content-type': 'Application/JSON; charset=UTF-8' },
    { 'content-type': 'application/json; charset="utf-8"', 'content-encoding': 'GZIP' },
    { 'content-type': 'application/json', 'content-encoding': 'identity' },
  ])('A JSON body with headers %j. Result: accepted', (headers) => {
    expect(screenBodyHeaders(headers)).toBeNull();
  });

  it('A POST without a body. Result: not screened for media type (the schema names what is missing)', () => {
    expect(screenRequest({ method: 'POST', url: '/api/v1/cases', headers: { 'content-length': '0' } }, table)).toBeNull();
    expect(screenRequest({ method: 'POST', url: '/api/v1/cases', headers: { 'transfer-encoding': 'chunked' } }, table)?.httpStatus).toBe(415);
  });
});

describe('Body bytes before JSON.parse', () => {
  const shape = (s: string | Buffer) => jsonShape(Buffer.from(s), { maxDepth: 3, maxValues: 5 });

  it('Nesting and values are counted outside strings only; escaped quotes do not end a string', () => {
    expect(shape('{"a":[[1]]}')).toBeNull();
    expect(shape('{"a":[[[1]]]}')).toBe('too-deep');
    expect(shape('{"a":"[[[[[[,,,,,,,,\\"[[[[["}')).toBeNull();
    expect(shape('[1,2,3,4]')).toBeNull();
    expect(shape('[1,2,3,4,5]')).toBe('too-many-values');
    expect(shape('[{},{},{},{}]')).toBe('too-many-values');
  });

  it('The real budget fits the largest document of the contract (a roster of 500 persons) with room to spare', () => {
    const person = { fin: '6PR2T5Y', surname: 'Kərimov', givenName: 'Orxan', patronymic: 'Namiq oğlu', role: 'staff', courtId: 'BAKU-NASIMI', active: true };
    const body = JSON.stringify({ roster: { persons: Array(500).fill(person), issuedAt: 'x', expiresAt: 'y', nonce: 'z' }, signature: 'MAMCAQE=' });
    expect(jsonShape(Buffer.from(body), BODY_LIMITS)).toBeNull();
    expect(jsonShape(Buffer.from(JSON.stringify({ roster: { persons: Array(3000).fill(person) } })), BODY_LIMITS)).toBe('too-many-values');
  });

  it('body-parser\'s verify hook throws on bytes that are not UTF-8, and on too deep a body; moleculer-web\'s wrapping of it maps to 400 and 413', () => {
    for (const [bytes, status, code] of [[Buffer.from([0x7b, 0xc0, 0xaf, 0x7d]), 400, 'HUB_ERR_VALIDATION_UNDECODABLE'], [Buffer.from('['.repeat(100)), 413, 'HUB_ERR_VALIDATION_TOO_LARGE']] as const) {
      let thrown: any;
      try { verifyJsonBytes(null, null, bytes); } catch (e) { thrown = e; }
      // moleculer-web: new MoleculerError(err.message, err.code || err.status, err.type); body-parser set status 403
      const wrapped = new MoleculerError(thrown.message, 403, thrown.type);
      expect(toHttpError(wrapped)).toMatchObject({ code, httpStatus: status });
    }
    expect(() => verifyJsonBytes(null, null, Buffer.from('{"a":"Əli 👍"}'))).not.toThrow();
  });
});

describe('body-parser and moleculer-web refusals as HubErrors', () => {
  it.each([
    [new MoleculerError('unsupported content encoding "br"', 415, 'encoding.unsupported'), 415, 'HUB_ERR_VALIDATION_UNSUPPORTED_MEDIA'],
    [new MoleculerError('unsupported charset "LATIN1"', 415, 'charset.unsupported'), 415, 'HUB_ERR_VALIDATION_UNSUPPORTED_MEDIA'],
    [new MoleculerError('incorrect header check', 'Z_DATA_ERROR' as never), 400, 'HUB_ERR_VALIDATION_UNDECODABLE'],
    [new MoleculerError('unexpected end of file', 'Z_BUF_ERROR' as never), 400, 'HUB_ERR_VALIDATION_UNDECODABLE'],
    [new MoleculerError('request size did not match content length', 400, 'request.size.invalid'), 400, 'HUB_ERR_VALIDATION_UNDECODABLE'],
    [new MoleculerError('request aborted', 400, 'request.aborted'), 400, 'HUB_ERR_VALIDATION_UNDECODABLE'],
    [new MoleculerError('request entity too large', 413, 'entity.too.large'), 413, 'HUB_ERR_VALIDATION_TOO_LARGE'],
    [new MoleculerError('Unexpected token', 400, 'entity.parse.failed'), 400, 'HUB_ERR_VALIDATION_BAD_JSON'],
    [new ApiGateway.Errors.BadRequestError('UNABLE_DECODE_PARAM', { param: '%zz' }), 400, 'HUB_ERR_VALIDATION_BAD_URL'],
    [new URIError('URI malformed'), 400, 'HUB_ERR_VALIDATION_BAD_URL'],
  ].map(([err, status, code]) => [`${(err as Error).name} "${(err as Error).message}" (${String((err as { type?: string }).type ?? (err as { code?: string }).code ?? '')})`, status, code, err] as const))('%s. Result: HTTP %i %s', (_, status, code, err) => {
    expect(clientInputError(err)).toMatchObject({ code, httpStatus: status });
  });

  it('Anything else. Result: not a client input error', () => {
    expect(clientInputError(new Error('boom'))).toBeUndefined();
    expect(clientInputError(new MoleculerError('stream encoding should not be set', 500, 'stream.encoding.set'))).toBeUndefined();
  });
});

describe('Correlation id', () => {
  it('A short token from X-Request-ID or X-Correlation-ID is kept; anything else is replaced by a fresh UUID', () => {
    expect(correlationId({ 'x-request-id': 'cms-42' })).toBe('cms-42');
    expect(correlationId({ 'x-request-id': 'a', 'x-correlation-id': 'b.c:d' })).toBe('b.c:d');
    for (const bad of ['a b', 'x'.repeat(65), '-leading', 'ümlaut', '']) expect(correlationId({ 'x-request-id': bad })).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('Error body', () => {
  it('A refusal with 30,000 violations, a long message and store internals. Result: the first 50 violations (each at most 200 characters), the total, a 500-character message, no SQLSTATE or constraint', () => {
    const err = new HubError('HUB_ERR_VALIDATION_BAD_REQUEST', {
      message: 'm'.repeat(10_000),
      details: { violations: Array.from({ length: 30_000 }, (_, i) => `/persons/${i} ${'v'.repeat(500)}`), sqlState: '23503', constraint: 'cases_court_id_fkey', table: 'cases', field: 'x' },
    });
    const body = errorBody(err, 'req-1');
    const d = body.error.details as Record<string, unknown>;
    expect((d.violations as string[]).length).toBe(50);
    expect((d.violations as string[]).every((v) => v.length <= 200)).toBe(true);
    expect(d.violationCount).toBe(30_000);
    expect(d).not.toHaveProperty('sqlState');
    expect(d).not.toHaveProperty('constraint');
    expect(d).not.toHaveProperty('table');
    expect(d.field).toBe('x');
    expect((body.error.message as string).length).toBe(500);
    expect(JSON.stringify(body).length).toBeLessThan(12_000);
  });

  it('A store failure whose details are only the database\'s own names. Result: no details at all', () => {
    expect(errorBody(new HubError('HUB_ERR_STORE_FAILED', { details: { sqlState: '22021' } })).error.details).toBeUndefined();
  });
});
