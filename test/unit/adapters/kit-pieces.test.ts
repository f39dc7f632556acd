import { HubError } from '../../../contracts/hub';
import { matchFault, matchUnsignedFault } from '../../../adapters/kit/fault-matcher';
import { redactor, REDACTED } from '../../../adapters/kit/redact';
import { checkWsdl } from '../../../adapters/kit/wsdl-check';
import { compileEnvelope } from '../../../adapters/kit/xroad-envelope';
import { ADAPTERS } from '../../../adapters';
import { adapter as populationAdapter } from '../../../adapters/population/population.adapter';
import { adapter as phoneAdapter } from '../../../adapters/phone/phone.adapter';
import { REGISTRY_MODULES } from '../../../contracts/registries/modules';
import { PROVIDERS } from '../../../registry/providers';
import { CATEGORIES } from '../../../registry/categories';
import { HUB_XROAD } from './support/adapter-fixture';

describe('Fault table', () => {
  test('A 404 without the not-found problem type (a proxy, a wrong route). Result: an error, never "nothing found" (Airbyte lesson)', () => {
    expect(matchFault(phoneAdapter.faults, { httpStatus: 404 })).toBe('HUB_ERR_UPSTREAM_REJECTED');
    expect(matchFault(phoneAdapter.faults, { httpStatus: 404, problemType: 'https://phone.gov.az/problems/not-found' })).toBe('not-found');
  });

  test('Unknown SOAP faults fall to the SOAP 1.1 class: Client → rejected, Server → server error', () => {
    expect(matchFault([], { soapFaultCode: 'Client.Whatever' })).toBe('HUB_ERR_UPSTREAM_REJECTED');
    expect(matchFault([], { soapFaultCode: 'Server.Whatever' })).toBe('HUB_ERR_UPSTREAM_SERVER_ERROR');
  });

  test('An unsigned answer whose row says not-found. Result: HUB_ERR_UPSTREAM_SIGNATURE_INVALID', () => {
    expect(matchUnsignedFault(populationAdapter.faults, { soapFaultCode: 'Server.NotFound' })).toBe('HUB_ERR_UPSTREAM_SIGNATURE_INVALID');
  });
});

describe('Redaction of personal data', () => {
  test('Declared fields and the subject are replaced wherever they appear', () => {
    const r = redactor(populationAdapter.operations[0].personalData);
    expect(r({ provider: 'population', subject: { fin: '5ZK8F3R' }, nested: [{ surname: 'Məmmədov', code: 'X' }] }))
      .toEqual({ provider: 'population', subject: REDACTED, nested: [{ surname: REDACTED, code: 'X' }] });
  });
});

describe('X-Road envelope template', () => {
  test('Values with markup are escaped; the template renders distinct ids per message', () => {
    const render = compileEnvelope(HUB_XROAD, PROVIDERS.find((p) => p.id === 'population')!.xroad, { serviceCode: 'getPerson', serviceVersion: 'v1' });
    const a = render({ id: 'a&b', userId: 'u<1>', issue: 'i', payload: '<p/>' });
    expect(a).toContain('<xrd:id wsu:Id="xrd-id">a&amp;b</xrd:id><xrd:userId wsu:Id="xrd-userId">u&lt;1&gt;</xrd:userId>');
    expect(render({ id: 'b', userId: 'u', issue: 'i', payload: '' })).toContain('<xrd:id wsu:Id="xrd-id">b</xrd:id>');
  });
});

describe('WSDL check at start-up (node-soap)', () => {
  test('The population descriptor matches population.wsdl. Result: start-up proceeds', async () => {
    await expect(checkWsdl(populationAdapter)).resolves.toBeUndefined();
  });

  test('A descriptor that drifted from its WSDL (namespace, response element). Result: HUB_ERR_CONFIG_INVALID listing both', async () => {
    const op = { ...populationAdapter.operations[0], namespace: 'urn:other', responseElement: 'personAnswer' };
    const err = await checkWsdl({ ...populationAdapter, operations: [op] }).catch((e: unknown) => e);
    expect(HubError.is(err, 'HUB_ERR_CONFIG_INVALID')).toBe(true);
    expect((err as HubError).details?.violations).toEqual(expect.arrayContaining([
      expect.stringContaining('request namespace'), expect.stringContaining('response element'),
    ]));
  });
});

describe('Adapter index', () => {
  test('Every registry module has exactly one descriptor, found by convention, in the order of the list', () => {
    expect(ADAPTERS.map((d) => d.provider)).toEqual([...REGISTRY_MODULES]);
  });

  test('Every descriptor serves catalog entries of its provider only, with the catalog\'s protocol and subject kinds', () => {
    for (const d of ADAPTERS) {
      for (const op of d.operations) {
        const entry = CATEGORIES.find((c) => c.provider === d.provider && c.operation === op.name);
        expect([d.provider, op.name, entry?.protocol, [...(entry?.subjects ?? [])].sort()]).toEqual([d.provider, op.name, d.protocol, [...op.subjects].sort()]);
      }
    }
  });
});
