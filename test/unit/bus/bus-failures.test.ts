/**
 * Bus-level failures are what they are: retryable 503 HUB_ERR_BUS_UNAVAILABLE with Retry-After
 * (README "Faults") — never a final 404 because the court's node is still starting, never a 502
 * because the node that had the request died.
 */
import { Errors, type ServiceBroker } from 'moleculer';
import ApiGateway from 'moleculer-web';
import { HubError } from '../../../contracts/hub';
import { courtAliases } from '../../../bus/api';
import { createBroker } from '../../../bus/broker';
import { createGatewayService } from '../../../bus/gateway.service';
import { toHttpError } from '../../../bus/http-errors';
import { loadCatalog } from '../../../registry';
import { freePort } from '../../support/ports';

describe('bus failures become retryable 503s', () => {
  it.each([
    ['no node has the action yet (a core node is starting)', new Errors.ServiceNotFoundError({ action: 'court.lookup' }), 'no-node'],
    ['the node that had the request was dropped, or came back as a new process', new Errors.RequestRejectedError({ action: 'court.lookup', nodeID: 'core-2' }), 'node-lost'],
    ['the request timed out on the bus (its node or NATS failed under it)', new Errors.RequestTimeoutError({ action: 'court.lookup', nodeID: 'core-2' }), 'timeout'],
  ])('The bus reports that %s. Result: 503 HUB_ERR_BUS_UNAVAILABLE, retryable', (_, err, reason) => {
    const e = toHttpError(err);
    expect(e).toMatchObject({ code: 'HUB_ERR_BUS_UNAVAILABLE', httpStatus: 503, retryable: true, details: { reason } });
  });

  it('A client asks for a path the gateway does not have. Result: still 404 HUB_ERR_VALIDATION_NOT_FOUND (a final answer)', () => {
    expect(toHttpError(new ApiGateway.Errors.NotFoundError('NOT_FOUND', {}))).toMatchObject({ code: 'HUB_ERR_VALIDATION_NOT_FOUND', httpStatus: 404 });
  });

  describe('over HTTP, while the court is not on the bus yet', () => {
    let broker: ServiceBroker;
    let base: string;
    beforeAll(async () => {
      const port = await freePort();
      base = `http://127.0.0.1:${port}`;
      broker = createBroker({ transporter: null, nodeId: 'gw-bus-failures', logLevel: 'fatal' }).broker;
      broker.createService(createGatewayService({ port, host: '127.0.0.1', catalog: loadCatalog({ env: {} }), maxBodyBytes: 4096, requiredActions: [], aliases: courtAliases({ timeoutMs: 1000 }) }));
      await broker.start();
    });
    afterAll(() => broker.stop());

    it('A judge posts an order while the core node is still starting. Result: 503 HUB_ERR_BUS_UNAVAILABLE with Retry-After', async () => {
      const res = await fetch(`${base}/api/v1/lookups`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"order":{},"signature":"MAMCAQE="}' });
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('1');
      const body: any = await res.json();
      expect(body.error).toMatchObject({ code: 'HUB_ERR_BUS_UNAVAILABLE', category: 'transient', details: { reason: 'no-node' } });
    });

    it('A retryable refusal names how long to wait. Result: Retry-After from retryAfterMs, rounded up to seconds', async () => {
      broker.createService({ name: 'court', actions: { lookup: () => { throw new HubError('HUB_ERR_ORDER_IN_PROGRESS', { details: { retryAfterMs: 2300 } }); } } });
      await broker.waitForServices('court');
      const res = await fetch(`${base}/api/v1/lookups`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('3');
    });
  });
});
