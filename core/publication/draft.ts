/**
 * The anonymized draft of a signed decision (statute 12.6, 2.1.6): the anonymizer's detection
 * over the original text with the case file's parties, kept with a version that each review
 * edit moves on. The draft stores spans, not text: the published text is rendered from the
 * decision's signed text whenever it is needed, so the two cannot drift apart.
 */
import { hash } from 'node:crypto';
import { HubError } from '../../contracts/hub';
import { addReplacement, detect, render, undoReplacement } from '../anonymizer';
import type { Detection, Label } from '../anonymizer/types';
import type { Db } from '../store/db';
import type { SignedDecision } from './ports';
import type { ReviewEdit } from './requests.schema';

export interface Draft { decisionId: string; version: number; status: 'review' | 'published'; detection: Detection; sourceSha256: string }

export const sha256Hex = (s: string | Buffer): string => hash('sha256', s, 'hex');

export async function readDraft(db: Db, decisionId: string): Promise<Draft | null> {
  const r = await db.query<{ version: number; status: 'review' | 'published'; detection: Detection; source_sha256: string }>(
    'SELECT version, status, detection, source_sha256 FROM publication_drafts WHERE decision_id = $1', [decisionId]);
  const row = r.rows[0];
  return row ? { decisionId, version: row.version, status: row.status, detection: row.detection, sourceSha256: row.source_sha256 } : null;
}

/** The decision's draft, made now by the anonymizer when it has none (two makers at once: the first wins). */
export async function ensureDraft(db: Db, d: SignedDecision): Promise<Draft> {
  const have = await readDraft(db, d.id);
  if (have) return have;
  const detection = detect(d.text, d.parties);
  await db.query(
    `INSERT INTO publication_drafts (decision_id, case_number, source_sha256, detection) VALUES ($1, $2, $3, $4)
     ON CONFLICT (decision_id) DO NOTHING`,
    [d.id, d.caseNumber, sha256Hex(d.text), JSON.stringify(detection)]);
  return (await readDraft(db, d.id)) as Draft;
}

/** Applies a reviewer's edits in order; a span outside the text or an undo of nothing is the reviewer's to fix (4xx). */
export function applyEdits(text: string, detection: Detection, edits: ReviewEdit[]): Detection {
  let d = detection;
  edits.forEach((e, i) => {
    try {
      d = e.op === 'add'
        ? addReplacement(text, d, { start: e.start, end: e.end, label: e.label as Label, personId: e.personId })
        : undoReplacement(d, { start: e.start, end: e.end });
    } catch (err) {
      if (!(err instanceof RangeError)) throw err;
      throw new HubError('HUB_ERR_PUBLICATION_BAD_EDIT', { origin: 'client', details: { violations: [`/review/edits/${i} ${e.op === 'add' ? 'names a span outside the text' : 'undoes no replacement at that span'}`] } });
    }
  });
  return d;
}

export interface DraftView {
  decisionId: string;
  version: number;
  status: 'review' | 'published';
  /** The text as it will be published, and its SHA-256 (hex) — what an approval signs for. */
  textOut: string;
  textSha256: string;
  /** The original text, for the reviewer only (the spans below point into it). */
  text: string;
  replacements: { start: number; end: number; label: string; original: string; replacement: string; personId?: string; source: string }[];
  kept: { start: number; end: number; kind: string; original: string }[];
  persons: { id: string; token: string; known: boolean }[];
}

export function draftView(d: SignedDecision, draft: Draft): DraftView {
  const r = render(d.text, draft.detection);
  const sourceOf = new Map(draft.detection.findings.map((f) => [`${f.start}:${f.end}`, f.source]));
  return {
    decisionId: d.id, version: draft.version, status: draft.status, textOut: r.textOut, textSha256: sha256Hex(r.textOut), text: d.text,
    replacements: r.spans.map((s) => ({
      start: s.start, end: s.end, label: s.label, original: d.text.slice(s.start, s.end), replacement: s.replacement,
      ...(s.personId ? { personId: s.personId } : {}), source: sourceOf.get(`${s.start}:${s.end}`) ?? 'anonymizer',
    })),
    kept: draft.detection.kept.map((k) => ({ start: k.start, end: k.end, kind: k.kind, original: d.text.slice(k.start, k.end) })),
    persons: draft.detection.persons.map((p) => ({ id: p.id, token: p.token, known: p.known })),
  };
}
