import fs from 'node:fs';
import path from 'node:path';
import { ERROR_CATALOGUE, HubError } from '../../../contracts/hub';
import { replaceTable } from '../../../contracts/hub/errors-doc';

const docPath = path.join(__dirname, '../../../contracts/hub/errors.md');

describe('Error catalogue', () => {
  test('The catalogue and contracts/hub/errors.md list the same codes. Result: the doc is regenerated from code without change', () => {
    const doc = fs.readFileSync(docPath, 'utf8');
    expect(replaceTable(doc)).toBe(doc);
  });

  test('Every code follows HUB_ERR_<AREA>_<REASON>. Result: no stray names', () => {
    for (const code of Object.keys(ERROR_CATALOGUE)) expect(code).toMatch(/^HUB_ERR_[A-Z]+_[A-Z_]+$/);
  });

  test('A transient error is retryable and counted by a breaker; a validation error is neither', () => {
    const t = new HubError('HUB_ERR_UPSTREAM_TIMEOUT');
    expect([t.httpStatus, t.retryable, t.countsAsFailure]).toEqual([503, true, true]);
    const v = new HubError('HUB_ERR_VALIDATION_BAD_REQUEST');
    expect([v.httpStatus, v.retryable, v.countsAsFailure]).toEqual([400, false, false]);
  });

  test('A HubError survives its plain form (NATS, HTTP). Result: same code, category, origin, details', () => {
    const e = new HubError('HUB_ERR_UPSTREAM_BAD_ANSWER', { origin: 'provider', details: { provider: 'population' } });
    const plain = JSON.parse(JSON.stringify({ name: e.name, message: e.message, type: e.type, data: e.data }));
    const back = HubError.fromPlain(plain);
    expect(back).toBeInstanceOf(HubError);
    expect(back.toJSON()).toEqual(e.toJSON());
  });

  test('An unknown code from a remote node becomes HUB_ERR_SYSTEM_INTERNAL, never a crash', () => {
    expect(HubError.fromPlain({ type: 'SOMETHING_ELSE', message: 'x' }).code).toBe('HUB_ERR_SYSTEM_INTERNAL');
  });
});
