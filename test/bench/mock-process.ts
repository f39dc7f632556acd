import { REGISTRY_MODULES } from '../../contracts/registries/modules';
import { institutionDirectories } from '../../registry/institutions';
import { agencyModules, mockEnvName } from '../../mocks';
import { builtScript, HubProcess } from '../support/hub-process';

// Each mock process gets 300 consecutive ports from a base in 10000–19999: below the ephemeral range
// (32768+) and below the 20000–31999 of test/support/ports.ts freePort.
let institutionBase = 10000 + Math.floor(Math.random() * 7000);

/**
 * Every registry module's mock agency and every scatter-gather institution (30 banks unless
 * env.BANKS_COUNT, 3 utilities)
 * in ONE process of its own (their CPU is not the hub's), on fixed ports; `faults` per module id
 * (MOCK_<ID>_FAULTS). Returns the endpoints the hub is given.
 */
export async function startMockProcess(name: string, env: Record<string, string>, faults: Record<string, string> = {}):
Promise<{ process: HubProcess; endpoints: Record<string, string>; institutionEndpoints: Record<string, string>; env: Record<string, string> }> {
  const endpoints: Record<string, string> = {};
  const mockEnv: Record<string, string> = {};
  const providerEnv: Record<string, string> = {};
  // Fixed ports below the ephemeral range: a free port picked in it may be taken by an outgoing
  // connection before the mock process binds it. Modules first, then the institutions.
  const base = institutionBase;
  institutionBase += 300;
  let next = base;
  for (const m of agencyModules(REGISTRY_MODULES)) {
    const port = next++;
    mockEnv[mockEnvName(m.id, 'PORT')] = String(port);
    if (faults[m.id]) mockEnv[mockEnvName(m.id, 'FAULTS')] = faults[m.id];
    endpoints[m.id] = `http://127.0.0.1:${port}${m.protocol === 'soap' ? `/${m.id}` : ''}`;
    providerEnv[`PROVIDER_${m.id.toUpperCase().replace(/-/g, '_')}_URL`] = endpoints[m.id];
  }
  const institutionBase0 = next;
  const institutionEndpoints: Record<string, string> = {};
  institutionDirectories(env.BANKS_COUNT ? Number(env.BANKS_COUNT) : undefined).flatMap((d) => d.institutions).forEach((inst, i) => {
    institutionEndpoints[inst.id] = `http://127.0.0.1:${institutionBase0 + i}`;
    providerEnv[inst.endpointEnv] = institutionEndpoints[inst.id];
  });
  // MOCKS_NODE_ARGS: node flags for the mock process (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof").
  const nodeArgs = (process.env.MOCKS_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const p = await HubProcess.start(name, { SERVICES: 'mocks', MOCK_DECISION_CONSUMERS: '0', INSTITUTION_MOCK_PORT_BASE: String(institutionBase0), ...env, ...mockEnv },
    30_000, builtScript('dist/bus/main.js'), nodeArgs);
  return { process: p, endpoints, institutionEndpoints, env: providerEnv };
}
