import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { verifyProviderAnswers } from '../../core/evidence';
import { detachContent } from '../../core/evidence/cms-attach';
import { startEmbeddedHub, type EmbeddedHub } from '../support/embedded-hub';

/**
 * Scatter-gather (statute 11.2.13: accounts "from credit institutions"; 11.2.17: the three
 * utilities) through the whole hub: the judge's signed order, 30 mock banks and 3 utilities, each
 * its own endpoint, certificate and breaker; one outcome per institution and a summary.
 */
const JUDGE = '2JD4K7M';

/** The breaker status of one provider or institution anywhere in the /health document. */
function findBreaker(node: unknown, provider: string): any {
  if (Array.isArray(node)) return node.map((n) => findBreaker(n, provider)).find(Boolean);
  if (node && typeof node === 'object') {
    if ((node as { provider?: unknown }).provider === provider && 'state' in node) return node;
    return Object.values(node).map((n) => findBreaker(n, provider)).find(Boolean);
  }
  return undefined;
}
const CASE = '2(101)-1234/2026';
const PARTY = '5ZK8F3R';

describe('Scatter-gather over every bank and every utility', () => {
  let h: EmbeddedHub;
  beforeAll(async () => { h = await startEmbeddedHub({ LOOKUP_DEADLINE_MS: '4000' }); }, 180_000);
  afterAll(async () => { await h?.stop(); });

  async function lookup(categories: string[], more: Record<string, unknown> = {}) {
    const order = {
      orderId: randomUUID(), caseNumber: CASE, subject: { fin: PARTY }, categories,
      basis: { kind: 'decision', decisionId: 'DEMO-1234-D1' }, purpose: 'Assets of the defendant for the claim', ...h.window(), ...more,
    };
    const wire = await h.signAs(JUDGE, 'order', order);
    return { ...(await resend(wire)), order };
  }

  async function resend(wire: Record<string, unknown>) {
    const res = await fetch(`${h.url}/api/v1/lookups`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(wire) });
    return { order: wire.order as { orderId: string }, wire, status: res.status, body: await res.json() as any };
  }

  const outcome = (body: any, section: string) => body.outcomes.find((o: any) => o.section === section);
  const banks = () => h.hub.catalog.directoryOf('11.2.13')!.institutions.map((i) => i.id);

  test('A judge asks for the party\'s accounts and utility debts. Result: 30 bank outcomes and 3 utility outcomes with summaries; the evidence packet quotes every institution\'s signed answer', async () => {
    const { status, body } = await lookup(['11.2.13', '11.2.17']);
    expect(status).toBe(200);
    const b = outcome(body, '11.2.13');
    expect(b.institutions).toHaveLength(30);
    expect(b.summary).toMatchObject({ asked: 30, answered: 30, missing: [] });
    expect(b.summary.withData).toBeGreaterThan(0);
    expect(b.status).toBe('ok');
    const withData = b.institutions.filter((i: any) => i.status === 'ok');
    for (const i of withData) {
      expect(i.data.subject).toEqual({ fin: PARTY });
      for (const a of i.data.accounts) expect(a.iban).toMatch(/^AZ\d{2}[A-Z]{4}/);
    }
    const u = outcome(body, '11.2.17');
    expect(u.institutions.map((i: any) => i.institution).sort()).toEqual(['electricity', 'gas', 'water']);
    expect(u.summary).toMatchObject({ asked: 3, answered: 3 });

    const packet = JSON.parse(detachContent(Buffer.from(body.evidence, 'base64')).content.toString('utf8'));
    const pb = packet.outcomes.find((o: any) => o.section === '11.2.13');
    expect(pb.institutions).toHaveLength(30);
    for (const i of pb.institutions) {
      expect(i.signedAnswer).toBeDefined();
      expect(i.answerSignature).toMatch(/^[\w-]+\.\.[\w-]+$/);
      expect(i.messageId).toMatch(/^[0-9a-f-]{36}$/);
    }
    // The packet verifies with OpenSSL and the root alone, and each institution's answer with its own pinned certificate.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-evidence-'));
    try {
      fs.writeFileSync(path.join(dir, 'evidence.p7s'), Buffer.from(body.evidence, 'base64'));
      execFileSync('openssl', ['cms', '-verify', '-inform', 'DER', '-in', path.join(dir, 'evidence.p7s'), '-CAfile', h.hub.pki.summary.rootCa.cert, '-out', path.join(dir, 'content.json')], { stdio: 'pipe' });
      expect(JSON.parse(fs.readFileSync(path.join(dir, 'content.json'), 'utf8')).orderId).toBe(body.orderId);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const checks = await verifyProviderAnswers(packet, (id) => h.hub.pki.providerTrust(id));
    expect(checks.filter((c) => c.section === '11.2.13')).toHaveLength(30);
    expect(new Set(checks.map((c) => c.signerCertSha256)).size).toBe(33);
    // A bank's answer checked against another bank's certificate is refused.
    await expect(verifyProviderAnswers(packet, () => h.hub.pki.providerTrust('bank-002'))).rejects.toMatchObject({ code: 'HUB_ERR_EVIDENCE_PROVIDER_INVALID' });

    // Every institution's call has its own start and end in the audit chain.
    const rows = await h.sql<{ type: string; n: number }>(
      `SELECT type, count(*)::int AS n FROM audit_events WHERE details->>'orderId' = $1 AND type LIKE 'provider-call-%' GROUP BY type`, [body.orderId]);
    expect(Object.fromEntries(rows.map((r) => [r.type, r.n]))).toEqual({ 'provider-call-started': 33, 'provider-call-ended': 33 });
  }, 60_000);

  test('One bank answers with another person\'s data (correctly signed, bound to this request). Result: that bank is an error HUB_ERR_UPSTREAM_SUBJECT_MISMATCH, the other 29 are unaffected', async () => {
    const [first] = banks();
    await h.hub.mocks!.setFaults(first, { otherSubjectRate: 1 });
    try {
      const { body } = await lookup(['11.2.13']);
      const b = outcome(body, '11.2.13');
      const bad = b.institutions.find((i: any) => i.institution === first);
      expect(bad).toMatchObject({ status: 'error', error: { code: 'HUB_ERR_UPSTREAM_SUBJECT_MISMATCH' } });
      expect(bad.data).toBeUndefined();
      expect(b.summary.answered).toBe(29);
      expect(b.summary.missing).toEqual([{ institution: first, name: expect.any(String), status: 'error', code: 'HUB_ERR_UPSTREAM_SUBJECT_MISMATCH' }]);
    } finally {
      await h.hub.mocks!.setFaults(first, {});
    }
  }, 60_000);

  test('One bank hangs. Result: the answer comes at the deadline with that bank unavailable, the others answered', async () => {
    const hanging = banks()[4];
    await h.hub.mocks!.setFaults(hanging, { latencyMs: 20_000 });
    try {
      const { status, body } = await lookup(['11.2.13']);
      expect(status).toBe(200);
      const b = outcome(body, '11.2.13');
      expect(b.institutions.find((i: any) => i.institution === hanging)).toMatchObject({ status: 'unavailable' });
      expect(b.summary.answered).toBe(29);
      expect(b.summary.missing.map((m: any) => m.institution)).toEqual([hanging]);
    } finally {
      await h.hub.mocks!.setFaults(hanging, {});
    }
  }, 60_000);

  test('One bank is down: its breaker opens after repeated failures while the others keep answering; the follow-up order re-asks only the missing bank and links to the first order', async () => {
    const down = banks()[7];
    await h.hub.mocks!.setFaults(down, { unavailableRate: 1 });
    let first: { order: { orderId: string }; body: any } | undefined;
    try {
      for (let i = 0; i < 4; i++) first = await lookup(['11.2.13']);
      const b = outcome(first!.body, '11.2.13');
      expect(b.institutions.find((i: any) => i.institution === down).error.code).toBe('HUB_ERR_UPSTREAM_BREAKER_OPEN');
      expect(b.summary.answered).toBe(29);
      // The operator sees the late one: its breaker, error rate and latency in /health, per institution.
      const health = await (await fetch(`${h.url}/health`)).json();
      const entry = (id: string) => findBreaker(health, `banks/${id}`);
      expect(entry(down)).toMatchObject({ state: 'open', errorRate: expect.any(Number) });
      expect(entry(down).errorRate).toBeGreaterThan(0.5);
      expect(entry(banks()[20])).toMatchObject({ state: 'closed', errorRate: 0, p99Ms: expect.any(Number) });
    } finally {
      await h.hub.mocks!.setFaults(down, {});
    }
    // The judge re-asks the missing bank only, in a new signed order that follows up the first. Until
    // the bank's breaker lets a probe through (resetTimeoutMs), nobody answers: 503, and the very same
    // signed order may be sent again.
    let followUp: { wire: Record<string, unknown>; status: number; body: any } = await lookup(['11.2.13'], { institutions: { '11.2.13': [down] }, followUpOf: first!.order.orderId });
    for (let i = 0; i < 12 && followUp.status === 503; i++) {
      await new Promise((r) => setTimeout(r, 1500));
      followUp = await resend(followUp.wire);
    }
    expect(followUp.status).toBe(200);
    expect(followUp.body.followUpOf).toBe(first!.order.orderId);
    const f = outcome(followUp.body, '11.2.13');
    expect(f.institutions.map((i: any) => i.institution)).toEqual([down]);
    expect(f.summary.asked).toBe(1);
  }, 120_000);

  test('A follow-up naming an institution outside the directory, or an order of another subject. Result: 400 HUB_ERR_VALIDATION_INSTITUTIONS / 403 HUB_ERR_AUTHZ_FOLLOW_UP_INVALID, no registry called', async () => {
    const bad = await lookup(['11.2.13'], { institutions: { '11.2.13': ['bank-999'] } });
    expect(bad.body.error?.code ?? bad.body.code).toBe('HUB_ERR_VALIDATION_INSTITUTIONS');
    const unknown = await lookup(['11.2.13'], { followUpOf: randomUUID() });
    expect(unknown.body.error?.code ?? unknown.body.code).toBe('HUB_ERR_AUTHZ_FOLLOW_UP_INVALID');
  }, 60_000);

  test('Every bank answers that it holds no account of the subject. Result: the category is not-found, with all 30 banks answered and none missing', async () => {
    // lookups.run is the registries' side of a lookup (the court layer admits only parties of a
    // case, and every demo party has accounts): a FIN the synthetic world does not hold.
    const r = await h.hub.broker.call<any, any>('lookups.run', { subject: { fin: '7777770' }, categories: ['11.2.13'], caseNumber: CASE, requesterId: `AZ-FIN-${JUDGE}`, deadline: Date.now() + 15_000 });
    const b = r.outcomes[0];
    expect(b.summary).toEqual({ asked: 30, answered: 30, withData: 0, missing: [] });
    expect(b.status).toBe('not-found');
    expect(b.institutions.every((i: any) => i.status === 'not-found' && i.signedAnswer)).toBe(true);
  }, 60_000);
});
