import { REGISTRY_MODULES } from '../../contracts/registries/modules';
import { agencyModules, mockEnvName } from '../../mocks';
import { HubProcess } from '../support/hub-process';
import { freePort } from '../support/ports';

/**
 * Every registry module's mock agency in ONE process of its own (their CPU is not the hub's), on
 * free ports; `faults` per module id (MOCK_<ID>_FAULTS). Returns the endpoints the hub is given.
 */
export async function startMockProcess(name: string, env: Record<string, string>, faults: Record<string, string> = {}):
Promise<{ process: HubProcess; endpoints: Record<string, string>; env: Record<string, string> }> {
  const endpoints: Record<string, string> = {};
  const mockEnv: Record<string, string> = {};
  const providerEnv: Record<string, string> = {};
  for (const m of agencyModules(REGISTRY_MODULES)) {
    const port = await freePort();
    mockEnv[mockEnvName(m.id, 'PORT')] = String(port);
    if (faults[m.id]) mockEnv[mockEnvName(m.id, 'FAULTS')] = faults[m.id];
    endpoints[m.id] = `http://127.0.0.1:${port}${m.protocol === 'soap' ? `/${m.id}` : ''}`;
    providerEnv[`PROVIDER_${m.id.toUpperCase().replace(/-/g, '_')}_URL`] = endpoints[m.id];
  }
  const p = await HubProcess.start(name, { SERVICES: 'mocks', ...env, ...mockEnv });
  return { process: p, endpoints, env: providerEnv };
}
