/**
 * publication.review (statute 12.6): the judge of the case or authorized staff see what the draft
 * replaces and keeps, and may add a replacement the anonymizer missed or undo one it should not
 * have made. A signed request with no edits only shows the draft. Each edit is stored with who
 * made it and the signature of the request that carried it; the draft's version moves on.
 */
import { HubError } from '../../contracts/hub';
import type { AuditEventInput } from '../audit/audit-types';
import { isDenied } from '../authz/authz.types';
import { type CallCtx, type Court, audit, nonceKeepUntil, refuse, verifySigned } from '../court/signed-request';
import { applyEdits, draftView, ensureDraft, sha256Hex, type DraftView } from './draft';
import { signedDecision } from './decision-source';
import type { PublicationDeps, SignedDecision } from './ports';
import { parseDraftRequest, parseReview } from './requests.schema';
import { authorizeReviewer } from './reviewer.policy';

export async function reviewer<T extends { decisionId: string; issuedAt: string; expiresAt: string; nonce: string }>(
  c: Court, p: PublicationDeps, ctx: CallCtx, body: unknown, key: string, parse: (v: unknown) => T, type: 'publication-reviewed' | 'decision-published',
): Promise<{ doc: T; signature: Buffer; fin: string; decision: SignedDecision & { textSha256: string | null }; ev: (outcome: string, details?: Record<string, unknown>) => AuditEventInput }> {
  const mk = (outcome: string, doc?: T, actor?: string, caseNumber?: string, details: Record<string, unknown> = {}): AuditEventInput => ({
    type, outcome, requestId: ctx.requestId, actor: actor ?? null, caseNumber: caseNumber ?? null, details: { ...(doc ? { decisionId: doc.decisionId } : {}), ...details },
  });
  const { document: doc, signature, signer } = await verifySigned(c, body, { key, parse, refusal: (code, d) => [mk(code, d)] });
  const decision = await signedDecision(p.db, doc.decisionId);
  if (!decision) {
    await audit(c, [mk('HUB_ERR_VALIDATION_NOT_FOUND', doc, signer.fin)]);
    throw new HubError('HUB_ERR_VALIDATION_NOT_FOUND', { origin: 'client', message: 'No decision signed by its judge has this id' });
  }
  const { store } = c.deps;
  const [roster, caseRecord, delegations] = await Promise.all([
    signer.fin ? store.roster(signer.fin) : Promise.resolve(null),
    store.courtCase(decision.caseNumber),
    signer.fin ? store.delegationsFor(decision.caseNumber, signer.fin) : Promise.resolve([]),
  ]);
  const nonceFresh = await store.claimNonce(doc.nonce, nonceKeepUntil(c, doc));
  const verdict = authorizeReviewer({ signer, roster, request: doc, caseRecord, decisionSignedBy: decision.signedBy, delegations, now: c.now(), nonceFresh, limits: c.limits });
  if (isDenied(verdict)) return refuse(c, [mk(verdict.deny, doc, signer.fin, decision.caseNumber)], verdict.deny);
  return { doc, signature, fin: signer.fin as string, decision, ev: (outcome, details) => mk(outcome, doc, signer.fin, decision.caseNumber, details) };
}

/** The decision's text is needed from here on; without it there is no draft to review or approve. */
export function requireText(d: SignedDecision): void {
  if (d.text === '') throw new HubError('HUB_ERR_VALIDATION_NOT_FOUND', { origin: 'client', message: 'The text of this decision has not been submitted for publication yet' });
}

/**
 * publication.draft: the decision's full text arrives, signed by a reviewer, and is accepted only
 * when its SHA-256 is the textSha256 the judge signed in the decision (the judge's signature binds
 * it); the anonymizer makes the draft from it with the parties of the decision and the case file.
 */
export async function runSubmitText(c: Court, p: PublicationDeps, ctx: CallCtx, body: unknown): Promise<DraftView> {
  const { doc, fin, decision, ev } = await reviewer(c, p, ctx, body, 'draft', parseDraftRequest, 'publication-reviewed');
  const digest = sha256Hex(doc.text);
  if (!decision.textSha256 || decision.textSha256 !== digest) {
    await audit(c, [ev('HUB_ERR_PUBLICATION_TEXT_MISMATCH', { textSha256: digest })]);
    throw new HubError('HUB_ERR_PUBLICATION_TEXT_MISMATCH', { origin: 'client' });
  }
  await audit(c, [ev('text-submitted', { textSha256: digest })]);
  await p.db.query('INSERT INTO decision_texts (decision_id, text_sha256, body, submitted_by) VALUES ($1, $2, $3, $4) ON CONFLICT (decision_id) DO NOTHING', [decision.id, digest, doc.text, fin]);
  const withText = { ...decision, text: doc.text };
  const draft = await ensureDraft(p.db, withText);
  return draftView(withText, draft);
}

export async function runReview(c: Court, p: PublicationDeps, ctx: CallCtx, body: unknown): Promise<DraftView> {
  const { doc, signature, fin, decision, ev } = await reviewer(c, p, ctx, body, 'review', parseReview, 'publication-reviewed');
  requireText(decision);
  const draft = await ensureDraft(p.db, decision);
  if (doc.edits.length === 0) {
    await audit(c, [ev('shown', { version: draft.version })]);
    return draftView(decision, draft);
  }
  if (draft.status === 'published') return refuse(c, [ev('HUB_ERR_PUBLICATION_ALREADY_PUBLISHED')], 'HUB_ERR_PUBLICATION_ALREADY_PUBLISHED');
  if (doc.version !== draft.version) {
    return refuse(c, [ev('HUB_ERR_PUBLICATION_DRAFT_CHANGED', { version: doc.version ?? null, currentVersion: draft.version })], 'HUB_ERR_PUBLICATION_DRAFT_CHANGED', { currentVersion: draft.version });
  }
  let detection;
  try {
    detection = applyEdits(decision.text, draft.detection, doc.edits);
  } catch (err) {
    if (HubError.is(err, 'HUB_ERR_PUBLICATION_BAD_EDIT')) await audit(c, [ev('HUB_ERR_PUBLICATION_BAD_EDIT')]);
    throw err;
  }
  const next = draft.version + 1;
  await audit(c, [ev('edited', { fromVersion: draft.version, version: next, added: doc.edits.filter((e) => e.op === 'add').length, undone: doc.edits.filter((e) => e.op === 'undo').length })]);
  await p.db.transaction(async (tx) => {
    // Compare-and-set on the version: two reviewers editing at once cannot both win.
    const moved = await tx.query('UPDATE publication_drafts SET detection = $2, version = $3, updated_at = now() WHERE decision_id = $1 AND version = $4 AND status = \'review\' RETURNING decision_id',
      [decision.id, JSON.stringify(detection), next, draft.version]);
    if (moved.rows.length !== 1) throw new HubError('HUB_ERR_PUBLICATION_DRAFT_CHANGED', { origin: 'client' });
    for (const e of doc.edits) {
      await tx.query(`INSERT INTO publication_review_edits (decision_id, version, op, span_start, span_end, label, person_id, actor_fin, signature)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [decision.id, next, e.op, e.start, e.end, e.op === 'add' ? e.label : null, e.op === 'add' ? e.personId ?? null : null, fin, signature]);
    }
  });
  return draftView(decision, { ...draft, detection, version: next });
}
