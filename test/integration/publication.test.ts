/**
 * Publication of a judge-signed decision over HTTP (statute 12.6): the text bound by the signed
 * digest becomes an anonymized draft, the judge reviews it (adds and undoes replacements), approves
 * it with a signature, and the hub publishes the anonymized text signed by the hub (verified with
 * OpenSSL) with a reference to the original; deadlines are reported to the operator and in
 * /metrics; the original text is never public.
 */
import { execFileSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runDecisionCli } from '../../bus/api/cli/decision.cmd';
import { runPublicationCli } from '../../bus/api/cli/publication.cmd';
import { canonicalBytes } from '../../core/orders';
import { insertSignedDecision } from '../../core/store/repositories/signed-decisions';
import type { DecisionDocument } from '../../core/decisions/decision.types';
import { startEmbeddedHub, type EmbeddedHub } from '../support/embedded-hub';

const JUDGE = '2JD4K7M';
const CLERK = '6PR2T5Y';
const OTHER_CLERK = '7QS9V4Z';
const OPERATOR = '8RW7X3A';
const CASE = '2(101)-1234/2026';
const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

export const DECISION_TEXT = [
  'Bakı şəhəri Nəsimi rayon məhkəməsi, hakim Əliyev Rəşad Kamal oğlunun sədrliyi ilə,',
  'iddiaçı Məmmədov Əli Vəli oğlunun cavabdeh Həsənova Leyla Həsən qızına qarşı borcun qaytarılması tələbinə dair mülki işə baxaraq',
  'MÜƏYYƏN ETDİ: Cavabdeh Həsənova Leyla 2025-ci ildə iddiaçıdan 5000 manat borc almış, borcları vaxtında qaytarmamışdır.',
  'İddiaçı Məmmədov Əli məhkəməyə telefon +994 50 123 45 67 ilə əlaqə saxlamışdır. Qonşu Bağırov Nurlan iclasda iştirak etmişdir.',
  'Mülki Məcəllənin 449-cu və 450-ci maddələrini rəhbər tutaraq məhkəmə QƏRARA ALDI: iddia təmin edilsin, cavabdehdən 5000 manat borc tutulsun.',
].join('\n');

let hub: EmbeddedHub;
const post = async (p: string, body: unknown) => {
  const r = await fetch(`${hub.url}${p}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return { status: r.status, body: await r.json() as any };
};

/** Registers a decision signed by the judge whose textSha256 is that of `text`. */
async function signedDecision(id: string, text: string, adoptedAt: Date): Promise<{ signatureSha256: string }> {
  const doc: DecisionDocument = {
    decisionId: id, caseNumber: CASE, courtId: 'BAKU-NASIMI', kind: 'judgment', adoptedAt: adoptedAt.toISOString(), judgeFin: JUDGE,
    parties: [{ role: 'plaintiff', fin: '5ZK8F3R', name: 'Məmmədov Əli Vəli oğlu' }, { role: 'defendant', fin: '1AB2C3D', name: 'Həsənova Leyla Həsən qızı' }],
    operativePart: 'İddia təmin edilsin.', textSha256: sha(text), toEnforce: false, addressees: [], ...hub.window(),
  };
  const wire = await hub.signAs(JUDGE, 'decision', doc);
  const signature = Buffer.from(wire.signature as string, 'base64');
  await insertSignedDecision(hub.hub.core!.store, { document: doc, signature, signatureSha256: sha(signature), signedBy: JUDGE });
  return { signatureSha256: sha(signature) };
}

beforeAll(async () => {
  hub = await startEmbeddedHub({ SEARCH_RATE_LIMIT: '100000' });
}, 120_000);
afterAll(async () => { await hub?.stop(); });

describe('Publication pipeline', () => {
  const id = `PUB-${randomUUID().slice(0, 8)}`;
  let original: { signatureSha256: string };
  let view: any;

  it('The judge submits the text of a decision they signed. Result: 201, an anonymized draft naming what it replaces; a text other than the signed one is refused', async () => {
    original = await signedDecision(id, DECISION_TEXT, new Date(Date.now() - 3 * 86_400_000));
    const wrong = await post('/api/v1/publication-drafts', await hub.signAs(JUDGE, 'draft', { decisionId: id, text: `${DECISION_TEXT} `, ...hub.window() }));
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('HUB_ERR_PUBLICATION_TEXT_MISMATCH');

    const r = await post('/api/v1/publication-drafts', await hub.signAs(JUDGE, 'draft', { decisionId: id, text: DECISION_TEXT, ...hub.window() }));
    expect(r.status).toBe(201);
    view = r.body;
    expect(view.version).toBe(1);
    expect(view.textOut).not.toMatch(/Məmmədov|Həsənova|123 45 67/);
    expect(view.textOut).toContain('Əliyev Rəşad'); // the judge stays in clear
    expect(view.replacements.map((x: any) => x.original)).toEqual(expect.arrayContaining([expect.stringContaining('Məmmədov')]));
    expect(view.textSha256).toBe(sha(view.textOut));
  });

  it('A clerk without a delegation for the case asks to review it. Result: 403 HUB_ERR_PUBLICATION_NOT_REVIEWER, no draft shown', async () => {
    const r = await post('/api/v1/publication-reviews', await hub.signAs(OTHER_CLERK, 'review', { decisionId: id, edits: [], ...hub.window() }));
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('HUB_ERR_PUBLICATION_NOT_REVIEWER');
    expect(JSON.stringify(r.body)).not.toContain('Məmmədov');
  });

  it('The judge adds a replacement the anonymizer missed and undoes one. Result: the new version replaces the added span and shows the undone one in clear', async () => {
    const phone = view.replacements.find((x: any) => x.label === 'PHONE');
    expect(phone).toBeDefined();
    const word = '5000 manat borc almış';
    const start = DECISION_TEXT.indexOf(word);
    const edits = [{ op: 'add', start, end: start + 10, label: 'ACCOUNT' }, { op: 'undo', start: phone.start, end: phone.end }];
    const stale = await post('/api/v1/publication-reviews', await hub.signAs(JUDGE, 'review', { decisionId: id, version: 7, edits, ...hub.window() }));
    expect(stale.status).toBe(409);
    const bad = await post('/api/v1/publication-reviews', await hub.signAs(JUDGE, 'review', { decisionId: id, version: 1, edits: [{ op: 'undo', start: 0, end: 3 }], ...hub.window() }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('HUB_ERR_PUBLICATION_BAD_EDIT');

    const r = await post('/api/v1/publication-reviews', await hub.signAs(JUDGE, 'review', { decisionId: id, version: 1, edits, ...hub.window() }));
    expect(r.status).toBe(200);
    expect(r.body.version).toBe(2);
    expect(r.body.textOut).toContain('+994 50 123 45 67');
    expect(r.body.textOut).not.toContain('5000 manat borc almış');
    expect(r.body.replacements.some((x: any) => x.start === start && x.source === 'review')).toBe(true);
    const stored = await hub.sql<{ op: string; actor_fin: string }>('SELECT op, actor_fin FROM publication_review_edits WHERE decision_id = $1 ORDER BY id', [id]);
    expect(stored.map((e) => e.op)).toEqual(['add', 'undo']);
    view = r.body;
  });

  it('An approval over another text, or whose signature does not verify. Result: 409 HUB_ERR_PUBLICATION_DRAFT_CHANGED / 403, nothing published', async () => {
    const wrong = await post('/api/v1/publication-approvals', await hub.signAs(JUDGE, 'approval', { decisionId: id, version: 2, textSha256: sha('another text'), ...hub.window() }));
    expect(wrong.status).toBe(409);
    expect(wrong.body.error.code).toBe('HUB_ERR_PUBLICATION_DRAFT_CHANGED');
    const wire = await hub.signAs(JUDGE, 'approval', { decisionId: id, version: 2, textSha256: view.textSha256, ...hub.window() });
    const forged = { ...wire, approval: { ...(wire.approval as object), version: 1 } };
    const f = await post('/api/v1/publication-approvals', forged);
    expect(f.status).toBe(403);
    expect(f.body.error.code).toBe('HUB_ERR_AUTHZ_SIGNATURE_INVALID');
    const stranger = await post('/api/v1/publication-approvals', await hub.signAs(OTHER_CLERK, 'approval', { decisionId: id, version: 2, textSha256: view.textSha256, ...hub.window() }));
    expect(stranger.status).toBe(403);
    expect(stranger.body.error.code).toBe('HUB_ERR_PUBLICATION_NOT_REVIEWER');
    expect(await hub.sql('SELECT 1 FROM published_decisions WHERE decision_id = $1', [id])).toHaveLength(0);
  });

  let published: any;
  it('The judge approves the reviewed draft with a signature. Result: 201, the hub publishes the anonymized text with its metadata, signed by the hub (OpenSSL verifies it) and referring to the original signature', async () => {
    const r = await post('/api/v1/publication-approvals', await hub.signAs(JUDGE, 'approval', { decisionId: id, version: 2, textSha256: view.textSha256, ...hub.window() }));
    expect(r.status).toBe(201);
    published = r.body;
    const d = published.document;
    expect(d).toMatchObject({ decisionId: id, court: { id: 'BAKU-NASIMI' }, caseCategory: 'civil', kind: 'judgment', text: view.textOut, decision: { signatureSha256: original.signatureSha256 } });
    expect(d.articles).toEqual(expect.arrayContaining(['449', '450']));

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'publication-'));
    fs.writeFileSync(path.join(dir, 'doc.json'), canonicalBytes(d));
    fs.writeFileSync(path.join(dir, 'doc.p7s'), Buffer.from(published.signature, 'base64'));
    const root = path.join(process.env.TEST_PKI_DIR as string, 'root-ca.crt.pem');
    const verify = (content: string) => execFileSync('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', path.join(dir, 'doc.p7s'), '-content', content, '-CAfile', root, '-purpose', 'any', '-out', '/dev/null'], { stdio: 'pipe' });
    expect(() => verify(path.join(dir, 'doc.json'))).not.toThrow();
    fs.writeFileSync(path.join(dir, 'tampered.json'), canonicalBytes({ ...d, text: `${d.text}!` }));
    expect(() => verify(path.join(dir, 'tampered.json'))).toThrow();
    fs.rmSync(dir, { recursive: true, force: true });

    const audited = await hub.sql<{ outcome: string }>(`SELECT outcome FROM audit_events WHERE type = 'decision-published' AND details->>'decisionId' = $1 ORDER BY seq`, [id]);
    expect(audited.map((a) => a.outcome)).toEqual(['HUB_ERR_PUBLICATION_DRAFT_CHANGED', 'HUB_ERR_AUTHZ_SIGNATURE_INVALID', 'HUB_ERR_PUBLICATION_NOT_REVIEWER', 'published']);
    const again = await post('/api/v1/publication-approvals', await hub.signAs(JUDGE, 'approval', { decisionId: id, version: 2, textSha256: view.textSha256, ...hub.window() }));
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('HUB_ERR_PUBLICATION_ALREADY_PUBLISHED');
  });

  it('Anyone reads the published decision and searches for the parties\' names. Result: the anonymized text only; the original is never served', async () => {
    const r = await fetch(`${hub.url}/api/v1/published-decisions/${published.publicationId}`);
    expect(r.status).toBe(200);
    const text = await r.text();
    expect(text).not.toMatch(/Məmmədov|Həsənova|5000 manat borc almış/);
    for (const q of ['Məmmədov', 'Həsənova', 'Leyla']) {
      const s = await (await fetch(`${hub.url}/api/v1/published-decisions?q=${encodeURIComponent(q)}`)).json() as any;
      expect(s.total).toBe(0);
    }
    const s = await (await fetch(`${hub.url}/api/v1/published-decisions?q=borc`)).text();
    expect(s).toContain(published.publicationId);
    expect(s).not.toMatch(/Məmmədov|Həsənova/);
    expect((await fetch(`${hub.url}/api/v1/published-decisions/${randomUUID()}`)).status).toBe(404);
  });

  it('A clerk under the judge\'s delegation reviews another decision. Result: 200, authorized staff may review', async () => {
    const other = `PUB-${randomUUID().slice(0, 8)}`;
    await signedDecision(other, `${DECISION_TEXT}\nƏlavə.`, new Date());
    expect((await post('/api/v1/publication-drafts', await hub.signAs(JUDGE, 'draft', { decisionId: other, text: `${DECISION_TEXT}\nƏlavə.`, ...hub.window() }))).status).toBe(201);
    const now = Date.now();
    const del = await post('/api/v1/delegations', await hub.signAs(JUDGE, 'delegation', {
      delegationId: randomUUID(), caseNumber: CASE, staffFins: [CLERK], validFrom: new Date(now - 60_000).toISOString(), validUntil: new Date(now + 3_600_000).toISOString(), ...hub.window(),
    }));
    expect(del.status).toBe(201);
    const r = await post('/api/v1/publication-reviews', await hub.signAs(CLERK, 'review', { decisionId: other, edits: [], ...hub.window() }));
    expect(r.status).toBe(200);
    expect(r.body.version).toBe(1);
  });
});

describe('Publication deadlines (statute 12.6: one month after adoption)', () => {
  it('A decision adopted 26 days ago is not published. Result: the operator sees it due soon; demo decisions adopted months ago are overdue; /metrics counts both', async () => {
    const soon = `DUE-${randomUUID().slice(0, 8)}`;
    await signedDecision(soon, 'Qərar mətni.', new Date(Date.now() - 26 * 86_400_000));
    const r = await post('/api/v1/ops/publication-deadlines', await hub.signAs(OPERATOR, 'request', hub.window()));
    expect(r.status).toBe(200);
    const entry = r.body.decisions.find((d: any) => d.decisionId === soon);
    expect(entry).toMatchObject({ state: 'due-soon', caseNumber: CASE, draft: 'none' });
    expect(entry.daysLeft).toBeGreaterThanOrEqual(2);
    const overdue = r.body.decisions.find((d: any) => d.decisionId === 'DEMO-1234-D1');
    expect(overdue.state).toBe('overdue');
    expect(overdue.daysLeft).toBeLessThan(0);
    expect(r.body.counts.published).toBeGreaterThanOrEqual(1);

    const metrics = await (await fetch(`${hub.url}/metrics`)).text();
    expect(metrics).toMatch(/court_hub_publications\{[^}]*state="overdue"[^}]*\} [1-9]/);
    expect(metrics).toMatch(/court_hub_publications\{[^}]*state="due-soon"[^}]*\} [1-9]/);
  });

  it('A judge asks for the deadline report. Result: 403 HUB_ERR_AUTHZ_NOT_OPERATOR', async () => {
    const r = await post('/api/v1/ops/publication-deadlines', await hub.signAs(JUDGE, 'request', hub.window()));
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('HUB_ERR_AUTHZ_NOT_OPERATOR');
  });
});

describe('README walk-through through the CLI', () => {
  it('court-hub decision create/sign/submit → publication draft → review (add, undo) → approve, then a search for "borc" finds "borcları". Result: exit codes 0, the README commands as written', async () => {
    const readme = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
    const sample = path.join(__dirname, '../../docs/examples/decision.txt');
    const text = fs.readFileSync(sample, 'utf8');
    const nick = text.indexOf('Qara');
    const author = text.indexOf('Lətif Hüseynovun');
    const edits = ['--add', `${nick}:${nick + 4}:PERSON`, '--undo', `${author}:${author + 'Lətif Hüseynovun'.length}`];
    expect(readme).toContain(`--version 1 ${edits.join(' ')}`);

    const people = path.join(process.env.TEST_PKI_DIR as string, 'people');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'publication-cli-'));
    const out: string[] = [];
    const err: string[] = [];
    const io = {
      out: (t: string) => { out.push(t); }, err: (t: string) => { err.push(t); },
      readFile: (p: string) => fs.promises.readFile(p), writeFile: (p: string, d: Buffer | string) => fs.promises.writeFile(p, d),
      fetch: (...a: Parameters<typeof fetch>) => fetch(...a), now: () => new Date(), env: {},
    };
    const id = `CLI-${randomUUID().slice(0, 8)}`;
    const url = ['--url', hub.url];
    const judge = ['--cert', path.join(people, `judge-${JUDGE}.crt.pem`), '--key', path.join(people, `judge-${JUDGE}.key.pem`)];
    const f = (n: string) => path.join(dir, n);
    expect(await runDecisionCli(['create', '--id', id, '--case', CASE, '--court', 'BAKU-NASIMI', '--judge', JUDGE, '--kind', 'judgment',
      '--party', 'plaintiff:5ZK8F3R:Məmmədov Əli Vəli oğlu', '--party', 'defendant:1AB2C3D:Həsənova Leyla Həsən qızı',
      '--operative', 'İddia təmin edilsin.', '--text-file', sample], io)).toBe(0);
    fs.writeFileSync(f('decision.json'), out[out.length - 1]);
    expect(await runDecisionCli(['sign', '--in', f('decision.json'), ...judge, '--out', f('decision.signed.json')], io)).toBe(0);
    expect(await runDecisionCli(['submit', '--in', f('decision.signed.json'), ...url], io)).toBe(0);

    expect(await runPublicationCli(['draft', '--decision', id, '--text', sample, ...judge, '--out', f('draft.json'), ...url], io)).toBe(0);
    expect(out[out.length - 1]).not.toContain('"text":'); // the terminal shows no original text; the saved file has it
    const draft = JSON.parse(fs.readFileSync(f('draft.json'), 'utf8'));
    expect(draft.textOut).toContain('“Qara”');
    expect(await runPublicationCli(['review', '--decision', id, '--version', '1', ...edits, ...judge, '--out', f('draft.json'), ...url], io)).toBe(0);
    const reviewed = JSON.parse(fs.readFileSync(f('draft.json'), 'utf8'));
    expect(reviewed.version).toBe(2);
    expect(reviewed.textOut).not.toContain('“Qara”');
    expect(reviewed.textOut).toContain('Professor Lətif Hüseynovun');
    expect(await runPublicationCli(['approve', '--draft', f('draft.json'), ...judge, ...url], io)).toBe(0);
    const published = JSON.parse(out[out.length - 1]);
    expect(published.document).toMatchObject({ decisionId: id, articles: ['449', '450'] });
    expect(published.document.text).not.toMatch(/Məmmədov|Həsənova|123 45 67/);

    const s = await (await fetch(`${hub.url}/api/v1/published-decisions?q=borc&court=BAKU-NASIMI&category=civil&pageSize=50`)).json() as any;
    const hit = s.hits.find((h: any) => h.id === published.publicationId);
    expect(hit.snippet).toMatch(/<mark>borc(ları|un)?<\/mark>/);

    const op = ['--cert', path.join(people, `operator-${OPERATOR}.crt.pem`), '--key', path.join(people, `operator-${OPERATOR}.key.pem`)];
    expect(await runPublicationCli(['deadlines', ...op, ...url], io)).toBe(0);
    // `decision sign` names the file it wrote on stderr; nothing else was said there.
    expect(err.filter((l) => !l.startsWith('signed decision written'))).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
