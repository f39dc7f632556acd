/**
 * Signatures made by the `court-hub` CLI (cms sign, order sign, delegate) carry the issuing CA
 * certificates, so `openssl cms -verify -CAfile root-ca.crt.pem` verifies them with the root
 * alone (OpenSSL does not build the chain from -certfile). The demo PKI of the test run.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createPrivateKey } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeIo, type CliIo } from '../../bus/api';
import { runDelegateCli } from '../../bus/api/cli/delegate.cmd';
import { runOrder } from '../../bus/api/cli/order.cmd';
import { canonicalBytes, createOrder } from '../../core/orders';
import { runCmsCommand } from '../../signing/cli';
import { signDetached } from '../../signing/cms';

const pki = process.env.TEST_PKI_DIR!;
const root = join(pki, 'root-ca.crt.pem');
const judgeCert = join(pki, 'people/judge-2JD4K7M.crt.pem');
const judgeKey = join(pki, 'people/judge-2JD4K7M.key.pem');
let dir: string;

beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'court-hub-cli-sig-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `openssl cms -verify` of a detached DER signature, trusting the root only. */
function opensslVerify(sigFile: string, contentFile: string): { ok: boolean; out: string } {
  try {
    execFileSync('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', sigFile, '-content', contentFile, '-CAfile', root, '-purpose', 'any', '-out', '/dev/null'], { stdio: ['ignore', 'pipe', 'pipe'] });
    return { ok: true, out: '' };
  } catch (e) {
    return { ok: false, out: String((e as { stderr?: Buffer }).stderr) };
  }
}

function io(captured: { err: string[]; posted?: any } = { err: [] }): CliIo {
  return {
    ...nodeIo,
    out: () => undefined,
    err: (t) => { captured.err.push(t); },
    fetch: (async (_url: string, init: { body: string }) => {
      captured.posted = JSON.parse(init.body);
      return new Response(JSON.stringify({ ok: true }), { status: 200, headers: { 'content-type': 'application/json' } });
    }) as unknown as typeof fetch,
  };
}

describe('openssl cms -verify -CAfile root-ca.crt.pem on what court-hub signs', () => {
  test('A signature carrying only the judge\'s certificate (the control). Result: OpenSSL cannot find the issuer, so this check can fail', async () => {
    const content = join(dir, 'control.txt');
    writeFileSync(content, 'control');
    const sig = await signDetached(Buffer.from('control'), { certPem: readFileSync(judgeCert, 'utf8'), key: createPrivateKey(readFileSync(judgeKey)) });
    writeFileSync(join(dir, 'control.p7s'), sig);
    const r = opensslVerify(join(dir, 'control.p7s'), content);
    expect(r.ok).toBe(false);
    expect(r.out).toMatch(/unable to get local issuer certificate/);
  });

  test('`court-hub cms sign` with the judge\'s certificate of the demo PKI. Result: OpenSSL verifies it with the root alone', async () => {
    const content = join(dir, 'decision.txt');
    writeFileSync(content, 'Qərar 2(101)-1234/2026');
    const out = join(dir, 'decision.p7s');
    const seen = { err: [] as string[] };
    expect(await runCmsCommand(['sign', '--in', content, '--cert', judgeCert, '--key', judgeKey, '--out', out], { out: () => undefined, err: (t) => { seen.err.push(t); } })).toBe(0);
    expect(seen.err).toEqual([]);
    expect(opensslVerify(out, content)).toEqual({ ok: true, out: '' });
  });

  test('`court-hub order sign --der` of a lookup order. Result: OpenSSL verifies it over the order\'s canonical bytes with the root alone', async () => {
    const orderFile = join(dir, 'order.json');
    writeFileSync(orderFile, JSON.stringify(createOrder({ caseNumber: '2(101)-1234/2026', subject: { fin: '5ZK8F3R' }, categories: ['11.2.22'] })));
    const sigFile = join(dir, 'order.sig');
    expect(await runOrder(['sign', '--in', orderFile, '--cert', judgeCert, '--key', judgeKey, '--der', '--out', sigFile], io())).toBe(0);
    const canonical = join(dir, 'order.canonical.json');
    writeFileSync(canonical, canonicalBytes(JSON.parse(readFileSync(orderFile, 'utf8'))));
    expect(opensslVerify(sigFile, canonical)).toEqual({ ok: true, out: '' });
  });

  test('`court-hub delegate`: the delegation the judge\'s CLI posts. Result: OpenSSL verifies its signature with the root alone', async () => {
    const seen: { err: string[]; posted?: any } = { err: [] };
    expect(await runDelegateCli(['--case', '2(101)-1234/2026', '--staff', '6PR2T5Y', '--cert', judgeCert, '--key', judgeKey, '--url', 'http://hub.invalid'], io(seen))).toBe(0);
    writeFileSync(join(dir, 'delegation.p7s'), Buffer.from(seen.posted.signature, 'base64'));
    writeFileSync(join(dir, 'delegation.json'), canonicalBytes(seen.posted.delegation));
    expect(opensslVerify(join(dir, 'delegation.p7s'), join(dir, 'delegation.json'))).toEqual({ ok: true, out: '' });
  });

  test('A certificate kept apart from its PKI, signed with --chain for its CAs and root. Result: verifies with the root alone; without --chain the CLI warns that the chain is incomplete', async () => {
    const lone = mkdtempSync(join(dir, 'lone-'));
    copyFileSync(judgeCert, join(lone, 'me.crt.pem'));
    copyFileSync(judgeKey, join(lone, 'me.key.pem'));
    const content = join(lone, 'doc.txt');
    writeFileSync(content, 'doc');
    const run = async (extra: string[]) => {
      const seen = { err: [] as string[] };
      const code = await runCmsCommand(['sign', '--in', content, '--cert', join(lone, 'me.crt.pem'), '--key', join(lone, 'me.key.pem'), '--out', join(lone, 'doc.p7s'), ...extra], { out: () => undefined, err: (t) => { seen.err.push(t); } });
      return { code, err: seen.err.join('') };
    };
    const withChain = await run(['--chain', join(pki, 'intermediates.pem'), '--chain', root]);
    expect(withChain).toEqual({ code: 0, err: '' });
    expect(opensslVerify(join(lone, 'doc.p7s'), content).ok).toBe(true);

    const without = await run([]);
    expect(without.code).toBe(0);
    expect(without.err).toMatch(/were not found \(give them with --chain FILE\)/);
    expect(opensslVerify(join(lone, 'doc.p7s'), content).ok).toBe(false);
  });
});
