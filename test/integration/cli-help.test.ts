/**
 * The installed `court-hub` binary (dist/bus/cli.js): commands of each kind (the dispatcher's own,
 * the signing CLI's, the court CLI's, a sub-command) answer --help with their usage on stdout and
 * exit 0 — nothing read, nothing sent, no "Unknown option". test/unit/bus/cli-input.test.ts runs
 * every command function the same way in process.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const CLI = path.join(__dirname, '../../dist/bus/cli.js');

it.each([
  [['--help'], /^usage: court-hub <command>[\s\S]*COURT_HUB_URL/],
  [['cms', 'sign', '--help'], /^usage: court-hub cms sign/],
  [['order', 'sign', '--help'], /^usage: court-hub order sign/],
  [['lookup', '--help'], /^usage: court-hub lookup/],
  [['audit', 'verify', '--help'], /^usage: court-hub audit verify/],
  [['verify-identity', '--help'], /^usage: court-hub verify-identity/],
])('court-hub %j. Result: exit 0 with the usage on stdout, nothing on stderr', (argv, usage) => {
  const r = spawnSync(process.execPath, [CLI, ...argv], { encoding: 'utf8', env: { ...process.env, DATA_DIR: '/nonexistent', PKI_DIR: '/nonexistent' } });
  expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
  expect(r.stdout).toMatch(usage);
});
