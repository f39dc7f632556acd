/**
 * `npm run mocks`: the mock agencies as a standalone process.
 * Env: MOCK_HOST (default 127.0.0.1), MOCK_POPULATION_PORT (8181), MOCK_PHONE_PORT (8182),
 * MOCK_POPULATION_FAULTS / MOCK_PHONE_FAULTS in the form "latencyMs=20,errorRate=0.1"
 * (mocks/README.md). Answers are unsigned here: signing keys belong to the launcher that wires
 * signing/ (npm start), not to a standalone mock.
 */
import { startMocks } from './index';

function port(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) throw new Error(`${name} must be a port number, got "${raw}"`);
  return value;
}

async function main(): Promise<void> {
  const mocks = await startMocks({
    host: process.env.MOCK_HOST || '127.0.0.1',
    ports: { population: port('MOCK_POPULATION_PORT', 8181), phone: port('MOCK_PHONE_PORT', 8182) },
    faults: { population: process.env.MOCK_POPULATION_FAULTS, phone: process.env.MOCK_PHONE_FAULTS },
  });
  process.stdout.write(`population (SOAP) ${mocks.urls.population}  WSDL ${mocks.urls.population}?wsdl\n`);
  process.stdout.write(`phone (REST)      ${mocks.urls.phone}/v1/persons/{fin}/phone-numbers\n`);
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${signal}: stopping mock agencies\n`);
    mocks.stop().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: Error) => {
  process.stderr.write(`mocks: ${err.message}\n`);
  process.exit(1);
});
