/**
 * publication.approve (statute 12.6): the reviewer signs the draft's version and the SHA-256 of
 * the text that will be published; the hub checks both against the current draft, then publishes
 * the anonymized text with its metadata as a document signed by the hub that refers to the
 * original signed decision by the digest of its signature. The original text is not in it.
 */
import { randomUUID } from 'node:crypto';
import { HubError } from '../../contracts/hub';
import { render } from '../anonymizer';
import { audit, refuse, type CallCtx, type Court } from '../court/signed-request';
import { canonicalBytes } from '../orders/order.canonical';
import { publicationDueAt } from './deadlines';
import { ensureDraft, sha256Hex } from './draft';
import type { PublicationDeps } from './ports';
import { parseApproval } from './requests.schema';
import { requireText, reviewer } from './review.flow';
import { normalizeForSearch } from './search-normalizer';

export const PUBLICATION_DOCUMENT_TYPE = 'court-hub/published-decision/v1';

export interface PublishedDocument {
  type: typeof PUBLICATION_DOCUMENT_TYPE;
  publicationId: string;
  decisionId: string;
  court: { id: string; name: string };
  caseCategory: string;
  kind: string;
  adoptedOn: string;
  articles: string[];
  text: string;
  /** The original: the SHA-256 of the judge's signature over the decision. */
  decision: { signatureSha256: string };
  /** The approval: its version of the draft and the SHA-256 of the reviewer's signature. */
  approval: { version: number; signatureSha256: string };
  dueAt: string;
  publishedAt: string;
}

export interface PublishedAnswer { publicationId: string; document: PublishedDocument; signature: string }

export async function runApprove(c: Court, p: PublicationDeps, ctx: CallCtx, body: unknown): Promise<PublishedAnswer> {
  const { doc, signature, fin, decision, ev } = await reviewer(c, p, ctx, body, 'approval', parseApproval, 'decision-published');
  requireText(decision);
  const draft = await ensureDraft(p.db, decision);
  // Refusals past the signature check are audited too (fail closed: no record, no answer).
  if (draft.status === 'published') return refuse(c, [ev('HUB_ERR_PUBLICATION_ALREADY_PUBLISHED')], 'HUB_ERR_PUBLICATION_ALREADY_PUBLISHED');
  const textOut = render(decision.text, draft.detection).textOut;
  if (doc.version !== draft.version || doc.textSha256 !== sha256Hex(textOut)) {
    return refuse(c, [ev('HUB_ERR_PUBLICATION_DRAFT_CHANGED', { version: doc.version, currentVersion: draft.version })], 'HUB_ERR_PUBLICATION_DRAFT_CHANGED', { currentVersion: draft.version });
  }
  const now = c.now();
  const dueAt = publicationDueAt(decision.adoptedAt);
  const document: PublishedDocument = {
    type: PUBLICATION_DOCUMENT_TYPE,
    publicationId: randomUUID(),
    decisionId: decision.id,
    court: decision.court,
    caseCategory: decision.caseCategory,
    kind: decision.kind,
    adoptedOn: decision.adoptedAt.toISOString().slice(0, 10),
    articles: doc.articles ?? decision.articles,
    text: textOut,
    decision: { signatureSha256: decision.signatureSha256 },
    approval: { version: draft.version, signatureSha256: sha256Hex(signature) },
    dueAt: dueAt.toISOString(),
    publishedAt: now.toISOString(),
  };
  const hubSignature = await p.hubSigner.sign(canonicalBytes(document));
  // Fail closed: nothing is published that the audit chain does not record.
  await audit(c, [ev('published', { publicationId: document.publicationId, version: draft.version, textSha256: doc.textSha256, late: now.getTime() > dueAt.getTime() })]);
  await p.db.transaction(async (tx) => {
    const moved = await tx.query(`UPDATE publication_drafts SET status = 'published', updated_at = now() WHERE decision_id = $1 AND version = $2 AND status = 'review' RETURNING decision_id`, [decision.id, draft.version]);
    if (moved.rows.length !== 1) throw new HubError('HUB_ERR_PUBLICATION_DRAFT_CHANGED', { origin: 'client' });
    await tx.query(`INSERT INTO published_decisions (id, decision_id, court_id, court_name, case_category, kind, adopted_on, articles, body, norm_body,
        document, signature, decision_signature_sha256, approved_by, approval_signature, due_at, published_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7::date, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
    [document.publicationId, decision.id, decision.court.id, decision.court.name, decision.caseCategory, decision.kind, document.adoptedOn, document.articles,
      textOut, normalizeForSearch(textOut), JSON.stringify(document), hubSignature, decision.signatureSha256, fin, signature, dueAt, now]);
    await addLexemes(tx, normalizeForSearch(textOut));
  });
  return { publicationId: document.publicationId, document, signature: hubSignature.toString('base64') };
}

/** The stems of a published text join the vocabulary that fuzzy queries are widened against. */
export async function addLexemes(db: Pick<PublicationDeps['db'], 'query'>, normalized: string): Promise<void> {
  await db.query(`INSERT INTO search_lexemes (stem) SELECT DISTINCT s FROM unnest(string_to_array($1, ' ')) s WHERE s <> '' ON CONFLICT DO NOTHING`, [normalized]);
}

/** A published decision as anyone may fetch it: the hub-signed document and its signature. */
export async function readPublished(p: Pick<PublicationDeps, 'db'>, id: string): Promise<PublishedAnswer | null> {
  const r = await p.db.query<{ document: PublishedDocument; signature: Buffer }>('SELECT document, signature FROM published_decisions WHERE id = $1', [id]);
  const row = r.rows[0];
  return row ? { publicationId: id, document: row.document, signature: row.signature.toString('base64') } : null;
}
