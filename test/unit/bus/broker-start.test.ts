import { HubError } from '../../../contracts/hub';
import { createBroker, startBroker } from '../../../bus/broker';
import { freePort } from '../../support/ports';

describe('Broker start-up', () => {
  test('NATS is unreachable at start-up. Result: start fails with HUB_ERR_TRANSPORT_UNREACHABLE within the bound, instead of retrying forever', async () => {
    const port = await freePort(); // nothing listens here
    const { broker } = createBroker({ transporter: `nats://127.0.0.1:${port}`, nodeId: 'unreachable', logLevel: 'fatal' });
    let err: unknown;
    try { await startBroker(broker, 1500); } catch (e) { err = e; }
    expect(HubError.is(err, 'HUB_ERR_TRANSPORT_UNREACHABLE')).toBe(true);
    expect((err as HubError).message).toMatch(/1500 ms/);
  });
});
