/**
 * `npm run new:registry` (scripts/new-registry.mjs, docs/adding-a-registry.md): a generated skeleton
 * — one SOAP and one REST module — typechecks with the whole code base and passes the contract,
 * golden and conformance suites, which pick it up from the one list of modules. Generated into a
 * copy of the source tree, removed at the end: the working tree is never touched.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { REGISTRY_MODULES } from '../../contracts/registries/modules';
import { CATEGORIES } from '../../registry/categories';

const ROOT = resolve(__dirname, '..', '..');
const KEEP = new Set(['population', 'phone']);

/**
 * A catalog entry of the protocol to generate: one whose provider is no module yet, else a module
 * (not population or phone, whose own tests name them) that the copy gives up to be generated anew.
 */
function pick(protocol: 'soap' | 'rest', taken: string[]): { id: string; operation: string; remove: boolean } {
  const modules = new Set<string>(REGISTRY_MODULES);
  const free = CATEGORIES.find((c) => c.protocol === protocol && !modules.has(c.provider) && !taken.includes(c.provider));
  if (free) return { id: free.provider, operation: free.operation, remove: false };
  const used = CATEGORIES.find((c) => c.protocol === protocol && !KEEP.has(c.provider) && !taken.includes(c.provider))!;
  return { id: used.provider, operation: used.operation, remove: true };
}

let dir: string;
afterAll(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

test('A SOAP and a REST skeleton from the generator. Result: typecheck clean; contract, golden and conformance suites pass for them', () => {
  dir = mkdtempSync(join(tmpdir(), 'court-hub-new-registry-'));
  const skip = new Set(['node_modules', 'dist', '.git', '.data']);
  cpSync(ROOT, dir, { recursive: true, filter: (src) => !skip.has(src.slice(ROOT.length + 1).split('/')[0]) });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');

  const soapPick = pick('soap', []);
  const restPick = pick('rest', [soapPick.id]);
  for (const p of [soapPick, restPick].filter((x) => x.remove)) {
    for (const d of [`contracts/registries/${p.id}`, `adapters/${p.id}`, `mocks/agencies/${p.id}`, `test/unit/adapters/${p.id}.mapper.test.ts`]) rmSync(join(dir, d), { recursive: true, force: true });
    const file = join(dir, 'contracts/registries/modules.ts');
    writeFileSync(file, readFileSync(file, 'utf8').replace(new RegExp(`,\\s*'${p.id}'|'${p.id}',\\s*`), ''));
  }
  const run = (cmd: string, args: string[], timeout = 240_000) => execFileSync(cmd, args, { cwd: dir, encoding: 'utf8', stdio: 'pipe', timeout });
  for (const [p, protocol] of [[soapPick, 'soap'], [restPick, 'rest']] as const) {
    run(process.execPath, ['scripts/new-registry.mjs', p.id, '--protocol', protocol, '--operation', p.operation]);
  }
  // Generating it again is refused: a module is written once.
  expect(() => run(process.execPath, ['scripts/new-registry.mjs', soapPick.id, '--protocol', 'soap', '--operation', soapPick.operation])).toThrow(/already a registry module/);
  expect(readFileSync(join(dir, 'contracts/registries/modules.ts'), 'utf8')).toMatch(new RegExp(`'${soapPick.id}', '${restPick.id}'\\] as const`));

  run(process.execPath, [join(dir, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json', '--noEmit']);

  // The copy's own jest, without the global set-up (no database or PKI needed here).
  const config = JSON.stringify({ rootDir: dir, testEnvironment: 'node', roots: ['<rootDir>/test'], testMatch: ['**/*.test.ts'], transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true }] }, testTimeout: 30000 });
  const names = [soapPick.id, restPick.id];
  const out = run(process.execPath, [join(dir, 'node_modules/jest/bin/jest.js'), '--config', config, '--runInBand', '--json',
    'test/conformance', 'test/contract', 'test/unit/adapters/golden-samples.test.ts', ...names.map((n) => `test/unit/adapters/${n}.mapper.test.ts`),
    '-t', `${names.map((n) => n.replace(/-/g, '.')).join('|')}|conformance.json`], 480_000);
  const report = JSON.parse(out.slice(out.indexOf('{'))) as { numFailedTests: number; numPassedTests: number; testResults: { assertionResults: { fullName: string; status: string }[] }[] };
  const passed = report.testResults.flatMap((r) => r.assertionResults).filter((a) => a.status === 'passed').map((a) => a.fullName);
  expect(report.numFailedTests).toBe(0);
  for (const n of names) {
    expect(passed.some((f) => f.startsWith(`Adapter ${n}.`) && f.includes('ok: the register knows the subject'))).toBe(true);
    expect(passed.some((f) => f.startsWith(`Adapter ${n}.`) && f.includes('bad signature'))).toBe(true);
    expect(passed.some((f) => f.includes(`${n} golden samples`))).toBe(true);
  }
}, 900_000);
