import { ServiceBroker } from 'moleculer';
import { AdapterCallParams, HubError } from '../../../../contracts/hub';
import { HubErrorRegenerator } from '../../../../bus/error-regenerator';
import { createLookupsService } from '../../../../core/lookups/lookups.service';
import { loadCatalog } from '../../../../registry';
import { adapterActions } from '../../../../adapters';

/**
 * Core's orchestration against stand-in adapter services on an in-process bus. The adapters are
 * Moleculer services answering `adapter.<provider>.<operation>` as real adapters do; this tests
 * only what core decides (parallelism, deadline, outcome mapping).
 */
describe('lookups.run', () => {
  const broker = new ServiceBroker({ logger: false, errorRegenerator: new HubErrorRegenerator(), circuitBreaker: { enabled: false } });
  const calls: AdapterCallParams[] = [];
  let phoneBehaviour: 'ok' | 'slow' | 'down' | 'not-found' = 'ok';
  let phoneBreakerOpen = false;

  beforeAll(async () => {
    broker.createService(createLookupsService({
      catalog: loadCatalog({ env: {}, adapters: adapterActions().filter((x) => x !== 'adapter.police.getCriminalRecords') }), defaultDeadlineMs: 2000,
      openBreaker: (provider) => (provider === 'phone' && phoneBreakerOpen ? new HubError('HUB_ERR_UPSTREAM_BREAKER_OPEN', { origin: 'provider' }) : undefined),
    }));
    broker.createService({
      name: 'adapter.population',
      actions: {
        getPerson(ctx: any) {
          calls.push(ctx.params);
          return { outcome: 'ok', section: '11.2.22', provider: 'population', operation: 'getPerson', messageId: 'pop-msg', requestHash: 'a', responseHash: 'b', data: { fin: ctx.params.subject.fin }, durationMs: 1 };
        },
      },
    });
    broker.createService({
      name: 'adapter.phone',
      actions: {
        async getPhoneNumbers(ctx: any) {
          calls.push(ctx.params);
          if (phoneBehaviour === 'slow') await new Promise((r) => setTimeout(r, 1000).unref());
          if (phoneBehaviour === 'down') throw new HubError('HUB_ERR_UPSTREAM_BREAKER_OPEN', { origin: 'hub' });
          return { outcome: phoneBehaviour === 'not-found' ? 'not-found' : 'ok', section: '11.2.3', provider: 'phone', operation: 'getPhoneNumbers', messageId: 'phone-msg', requestHash: 'c', responseHash: 'd', durationMs: 1 };
        },
      },
    });
    await broker.start();
  });
  afterAll(() => broker.stop());
  beforeEach(() => { calls.length = 0; phoneBehaviour = 'ok'; phoneBreakerOpen = false; });

  const base = { subject: { fin: '5ZK8F3R' }, caseNumber: '2(101)-1234/2026', requesterId: 'AZ-FIN-2JD4K7M' };

  test('Judge asks for population and phone data. Result: both outcomes ok, each call carries the case number and user id, and the message ids the adapters made', async () => {
    const r: any = await broker.call('lookups.run', { ...base, categories: ['11.2.22', '11.2.3'] });
    expect(r.outcomes.map((o: any) => [o.section, o.status, o.messageId])).toEqual([['11.2.22', 'ok', 'pop-msg'], ['11.2.3', 'ok', 'phone-msg']]);
    expect(calls.every((c) => c.caseNumber === base.caseNumber && c.userId === base.requesterId)).toBe(true);
  });

  test('The phone registry\'s breaker in this process is open. Result: phone is unavailable with HUB_ERR_UPSTREAM_BREAKER_OPEN and no phone adapter call is made; population still ok', async () => {
    phoneBreakerOpen = true;
    const r: any = await broker.call('lookups.run', { ...base, categories: ['11.2.22', '11.2.3'] });
    expect(r.outcomes.map((o: any) => [o.section, o.status, o.error?.code])).toEqual([['11.2.22', 'ok', undefined], ['11.2.3', 'unavailable', 'HUB_ERR_UPSTREAM_BREAKER_OPEN']]);
    expect(calls.map((c) => c.section)).toEqual(['11.2.22']);
  });

  test('A client sends its own X-Request-ID. Result: it is the lookup\'s correlation id only; no adapter call carries a message id from it', async () => {
    const r: any = await broker.call('lookups.run', { ...base, categories: ['11.2.22', '11.2.3'] }, { requestID: 'client-chosen-1' });
    expect(r.requestId).toBe('client-chosen-1');
    expect(calls.every((c) => !('messageId' in c) && !JSON.stringify(c).includes('client-chosen-1'))).toBe(true);
  });

  test('The phone registry hangs. Result: phone is unavailable at the deadline, population still ok', async () => {
    phoneBehaviour = 'slow';
    const r: any = await broker.call('lookups.run', { ...base, categories: ['11.2.22', '11.2.3'], deadline: Date.now() + 300 });
    expect(r.outcomes[0].status).toBe('ok');
    expect(r.outcomes[1]).toMatchObject({ status: 'unavailable', error: { code: expect.stringMatching(/DEADLINE_EXCEEDED/) } });
  });

  test('The phone breaker is open. Result: unavailable with HUB_ERR_UPSTREAM_BREAKER_OPEN', async () => {
    phoneBehaviour = 'down';
    const r: any = await broker.call('lookups.run', { ...base, categories: ['11.2.3'] });
    expect(r.outcomes[0]).toMatchObject({ status: 'unavailable', error: { code: 'HUB_ERR_UPSTREAM_BREAKER_OPEN' } });
  });

  test('The phone register knows no such person. Result: not-found, which is a result and not an error', async () => {
    phoneBehaviour = 'not-found';
    const r: any = await broker.call('lookups.run', { ...base, categories: ['11.2.3'] });
    expect(r.outcomes[0]).toMatchObject({ status: 'not-found' });
    expect(r.outcomes[0].error).toBeUndefined();
  });

  test('Judge asks for a category no adapter serves here (11.2.7, the police adapter left out of this catalog). Result: error HUB_ERR_REGISTRY_NO_ADAPTER — never an empty answer', async () => {
    const r: any = await broker.call('lookups.run', { ...base, categories: ['11.2.7'] });
    expect(r.outcomes[0]).toMatchObject({ status: 'error', error: { code: 'HUB_ERR_REGISTRY_NO_ADAPTER' } });
    expect(calls).toHaveLength(0);
  });

  test('Population data is asked for a company (VÖEN). Result: error HUB_ERR_VALIDATION_SUBJECT_KIND, no registry called', async () => {
    const r: any = await broker.call('lookups.run', { ...base, subject: { voen: '1401234561' }, categories: ['11.2.22'] });
    expect(r.outcomes[0]).toMatchObject({ status: 'error', error: { code: 'HUB_ERR_VALIDATION_SUBJECT_KIND' } });
    expect(calls).toHaveLength(0);
  });

  test.each([
    ['a malformed FIN', { ...base, subject: { fin: 'abc' }, categories: ['11.2.22'] }],
    ['no categories', { ...base, categories: [] }],
    ['a duplicated category', { ...base, categories: ['11.2.22', '11.2.22'] }],
    ['an unknown field', { ...base, categories: ['11.2.22'], extra: 1 }],
  ])('Caller sends %s. Result: HUB_ERR_VALIDATION_BAD_REQUEST naming the field, not the value; no registry called', async (_, params) => {
    await expect(broker.call('lookups.run', params)).rejects.toMatchObject({ code: 'HUB_ERR_VALIDATION_BAD_REQUEST' });
    try { await broker.call('lookups.run', params); } catch (e: any) { expect(JSON.stringify(e.details)).not.toContain('abc'); }
    expect(calls).toHaveLength(0);
  });

  test('Caller sets a deadline in the past. Result: HUB_ERR_VALIDATION_DEADLINE', async () => {
    await expect(broker.call('lookups.run', { ...base, categories: ['11.2.22'], deadline: Date.now() - 1 })).rejects.toMatchObject({ code: 'HUB_ERR_VALIDATION_DEADLINE' });
  });
});
