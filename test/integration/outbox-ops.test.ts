/**
 * The operator's view of the agencies' push on the embedded hub: GET /api/v1/ops/outbox/dead-letter
 * and POST …/requeue, each an operator-signed request, audited, refusals included.
 */
import { appendOutbox } from '../../core/store';
import { startEmbeddedHub, type EmbeddedHub } from '../support/embedded-hub';

const OPERATOR = '8RW7X3A';
const JUDGE = '2JD4K7M';
let h: EmbeddedHub;
let deadId: string;

beforeAll(async () => {
  h = await startEmbeddedHub();
  const store = h.hub.core!.store;
  // An event an agency never acknowledged: written, then put where delivery leaves it after its last retry.
  const [w] = await store.transaction((tx) => appendOutbox(tx, [{ decisionId: 'DEC-OPS-0001', agencyId: 'no-such-agency', type: 'decision-in-force', payload: { decisionId: 'DEC-OPS-0001' } }]));
  deadId = w.eventId;
  await h.sql(`UPDATE agency_outbox SET state = 'dead', attempts = 10, last_error = 'HUB_ERR_UPSTREAM_SERVER_ERROR 503' WHERE event_id = $1`, [deadId]);
}, 90_000);
afterAll(async () => { await h?.stop(); });

const get = async (fin: string) => {
  const signed = await h.signAs(fin, 'request', { ...h.window(), limit: 50 });
  const r = await fetch(`${h.url}/api/v1/ops/outbox/dead-letter`, { headers: { 'X-Signed-Request': Buffer.from(JSON.stringify(signed)).toString('base64') } });
  return { status: r.status, json: (await r.json()) as any };
};

it('An operator asks for the dead letters. Result: 200 with the dead event (ids, agency, attempts, last error; no payload); the view is audited', async () => {
  const r = await get(OPERATOR);
  expect(r.status).toBe(200);
  const e = r.json.events.find((x: { eventId: string }) => x.eventId === deadId);
  expect(e).toEqual({ eventId: deadId, decisionId: 'DEC-OPS-0001', agencyId: 'no-such-agency', seq: 1, type: 'decision-in-force', createdAt: expect.any(String), state: 'dead', attempts: 10, lastError: 'HUB_ERR_UPSTREAM_SERVER_ERROR 503' });
  expect(await h.sql(`SELECT outcome FROM audit_events WHERE type = 'outbox-operated' AND outcome = 'viewed'`)).toHaveLength(1);
});

it('A judge asks for the dead letters. Result: 403 HUB_ERR_AUTHZ_NOT_OPERATOR, audited', async () => {
  const r = await get(JUDGE);
  expect([r.status, r.json.error.code]).toEqual([403, 'HUB_ERR_AUTHZ_NOT_OPERATOR']);
  expect(await h.sql(`SELECT 1 FROM audit_events WHERE type = 'outbox-operated' AND outcome = 'HUB_ERR_AUTHZ_NOT_OPERATOR'`)).toHaveLength(1);
});

it('No signed request. Result: 400 naming the header', async () => {
  const r = await fetch(`${h.url}/api/v1/ops/outbox/dead-letter`);
  expect(r.status).toBe(400);
  expect(((await r.json()) as any).error.details.violations).toEqual(['header X-Signed-Request is required']);
});

it('The operator sends the dead event again. Result: pending again with attempts from zero; a second requeue of it is 404', async () => {
  const post = async () => fetch(`${h.url}/api/v1/ops/outbox/dead-letter/requeue`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(await h.signAs(OPERATOR, 'request', { eventId: deadId, ...h.window() })),
  });
  const r = await post();
  expect([r.status, await r.json()]).toEqual([200, { eventId: deadId, state: 'pending' }]);
  const [row] = await h.sql<{ state: string; attempts: number }>('SELECT state, attempts FROM agency_outbox WHERE event_id = $1', [deadId]);
  expect(row.attempts === 0 || row.state !== 'dead').toBe(true);
  await h.sql(`UPDATE agency_outbox SET state = 'delivered' WHERE event_id = $1`, [deadId]);
  expect((await post()).status).toBe(404);
});
