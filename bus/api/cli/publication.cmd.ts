/**
 * `court-hub publication draft|review|approve|deadlines …` (statute 12.6): the judge or authorized
 * staff hand the hub a signed decision's text, review the anonymized draft (add or undo
 * replacements), approve it with their signature; an operator reads the deadline report. Each
 * request is a signed document (detached CMS over its RFC 8785 form), as orders are.
 */
import { newNonce } from '../../../core/orders';
import { CliIo, Command, UsageError, args, guarded, need, nodeIo, readInput, writeOutput } from './io';
import { signAndPost } from './signed-post';

const USAGE = `usage: court-hub publication <step> … --cert PEM --key PEM [--url URL]
  draft     --decision ID --text decision.txt [--out draft.json]      the signed decision's full text → the anonymized draft
  review    --decision ID [--version N] [--add START:END:LABEL ...] [--undo START:END ...] [--out draft.json]
                                                                   show the draft; add or undo replacements (offsets into the original text)
  approve   --draft draft.json [--articles 449,450]                    approve the version and text the saved review shows → the hub publishes it
  deadlines                                                          (operator) decisions overdue, due soon or pending publication`;

const window = (io: CliIo) => {
  const now = io.now();
  return { issuedAt: now.toISOString(), expiresAt: new Date(now.getTime() + 10 * 60_000).toISOString(), nonce: newNonce() };
};

function span(v: string, withLabel: boolean): { start: number; end: number; label?: string } {
  const m = withLabel ? /^(\d+):(\d+):([A-Z_]+)$/.exec(v) : /^(\d+):(\d+)$/.exec(v);
  if (!m) throw new UsageError(`${withLabel ? '--add takes START:END:LABEL' : '--undo takes START:END'} (got "${v.slice(0, 40)}")\n${USAGE}`);
  return { start: Number(m[1]), end: Number(m[2]), ...(withLabel ? { label: m[3] } : {}) };
}

/** The draft view without the original text, for the terminal (the saved --out file keeps all of it). */
function summary(r: Record<string, unknown>): string {
  const { text: _text, ...rest } = r;
  void _text;
  return JSON.stringify(rest, null, 2);
}

export const runPublicationCli: Command = (argv, io: CliIo = nodeIo) => guarded(io, async () => {
  const [step, ...rest] = argv;
  if (!step || step === '--help' || step === '-h') { io.out(USAGE); return step ? 0 : 2; }
  const { values } = args(rest, {
    decision: { type: 'string' }, text: { type: 'string' }, version: { type: 'string' }, add: { type: 'string', multiple: true }, undo: { type: 'string', multiple: true },
    draft: { type: 'string' }, articles: { type: 'string' }, out: { type: 'string' }, cert: { type: 'string' }, key: { type: 'string' }, url: { type: 'string' },
  }, USAGE);
  const signer = { certFile: need(values.cert, 'cert', USAGE), keyFile: need(values.key, 'key', USAGE), url: values.url };
  const save = async (r: Record<string, unknown>) => { if (values.out) await writeOutput(io, values.out, JSON.stringify(r, null, 2)); };
  switch (step) {
    case 'draft': {
      const text = (await readInput(io, need(values.text, 'text', USAGE))).toString('utf8');
      const r = await signAndPost(io, { ...signer, path: '/api/v1/publication-drafts', key: 'draft', doc: { decisionId: need(values.decision, 'decision', USAGE), text, ...window(io) } });
      await save(r);
      io.out(summary(r));
      return 0;
    }
    case 'review': {
      const edits = [...(values.add ?? []).map((a) => ({ op: 'add', ...span(a, true) })), ...(values.undo ?? []).map((u) => ({ op: 'undo', ...span(u, false) }))];
      if (edits.length > 0 && !values.version) throw new UsageError(`--version (the draft version you reviewed) is required with --add/--undo\n${USAGE}`);
      const doc = { decisionId: need(values.decision, 'decision', USAGE), ...(values.version ? { version: Number(values.version) } : {}), edits, ...window(io) };
      const r = await signAndPost(io, { ...signer, path: '/api/v1/publication-reviews', key: 'review', doc });
      await save(r);
      io.out(summary(r));
      return 0;
    }
    case 'approve': {
      const file = need(values.draft, 'draft', USAGE);
      let d: { decisionId?: unknown; version?: unknown; textSha256?: unknown };
      try { d = JSON.parse((await readInput(io, file)).toString('utf8')); } catch { throw new UsageError(`${file} is not a saved review (JSON from publication review --out)`); }
      if (typeof d.decisionId !== 'string' || typeof d.version !== 'number' || typeof d.textSha256 !== 'string') throw new UsageError(`${file} has no decisionId, version and textSha256: save it with publication review --out`);
      const articles = values.articles ? values.articles.split(',').map((s) => s.trim()).filter(Boolean) : undefined;
      const r = await signAndPost(io, { ...signer, path: '/api/v1/publication-approvals', key: 'approval', doc: { decisionId: d.decisionId, version: d.version, textSha256: d.textSha256, ...(articles ? { articles } : {}), ...window(io) } });
      await save(r);
      io.out(JSON.stringify({ publicationId: r.publicationId, document: r.document }, null, 2));
      return 0;
    }
    case 'deadlines': {
      const r = await signAndPost(io, { ...signer, path: '/api/v1/ops/publication-deadlines', key: 'request', doc: window(io) });
      io.out(JSON.stringify(r, null, 2));
      return 0;
    }
    default:
      throw new UsageError(`unknown step "${step.slice(0, 20)}"\n${USAGE}`);
  }
});
