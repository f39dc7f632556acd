/**
 * The publication pipeline's view of a judge-signed decision (ports.ts) over the store: the
 * decision registered as a signed document (004: decisions.document, decisions.signature), its
 * full text (decision_texts, bound by the textSha256 the judge signed), the court, the case's
 * category and the parties the decision names, with the case file's parties added.
 */
import type { Party } from '../anonymizer/types';
import type { Db } from '../store/db';
import { getSignedDecision } from '../store/repositories/signed-decisions';
import type { SignedDecision } from './ports';

/** Every row of `decisions` is a decision signed by its judge (signed_by, signature_sha256): all count for statute 12.6. */
export const SIGNED_DECISIONS_SQL = 'SELECT id FROM decisions';

const ROLE_AZ: Record<string, string> = { plaintiff: 'iddiaçı', defendant: 'cavabdeh', 'third-party': 'üçüncü şəxs', accused: 'təqsirləndirilən', victim: 'zərərçəkmiş' };

export function anonymizerParties(list: { fin?: string | null; voen?: string | null; name: string; role: string }[]): Party[] {
  const seen = new Set<string>();
  const out: Party[] = [];
  for (const p of list) {
    const key = `${p.name}|${p.role}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ name: p.name, role: ROLE_AZ[p.role] ?? p.role, type: p.voen ? 'entity' : 'person' });
  }
  return out;
}

/** Statute articles the text applies: "… 218-ci maddəsi", "218.1-ci və 219-cu maddələri" → 218, 218.1, 219. */
export function articlesIn(text: string): string[] {
  const out = new Set<string>();
  const re = /(?<![\d.])(\d{1,4}(?:\.\d{1,3}){0,3})(?:-c[iıuü])?(?=(?:(?:,\s*|\s+və\s+)\d{1,4}(?:\.\d{1,3}){0,3}(?:-c[iıuü])?)*\s+madd)/giu;
  for (const m of text.matchAll(re)) out.add(m[1]);
  return [...out].slice(0, 50);
}

export async function textOf(db: Db, decisionId: string): Promise<string | null> {
  return (await db.query<{ body: string }>('SELECT body FROM decision_texts WHERE decision_id = $1', [decisionId])).rows[0]?.body ?? null;
}

/** The decision with its text, or null when it is unknown or its text has not been submitted. */
export async function signedDecision(db: Db, id: string, opts: { withText: boolean } = { withText: true }): Promise<(SignedDecision & { textSha256: string | null }) | null> {
  const d = await getSignedDecision(db, id);
  if (!d) return null;
  const facts = (await db.query<{ court_id: string; court_name: string; kind: string }>(
    'SELECT c.court_id, ct.name_az AS court_name, c.kind FROM cases c JOIN courts ct ON ct.id = c.court_id WHERE c.number = $1', [d.caseNumber])).rows[0];
  if (!facts) return null;
  const caseParties = (await db.query<{ fin: string | null; voen: string | null; name: string; role: string }>(
    'SELECT fin, voen, name, role FROM parties WHERE case_number = $1 ORDER BY id', [d.caseNumber])).rows;
  const text = opts.withText ? await textOf(db, id) : null;
  const courtId = d.courtId ?? facts.court_id;
  const courtName = courtId === facts.court_id ? facts.court_name
    : (await db.query<{ name_az: string }>('SELECT name_az FROM courts WHERE id = $1', [courtId])).rows[0]?.name_az ?? courtId;
  return {
    id: d.id, caseNumber: d.caseNumber, court: { id: courtId, name: courtName }, caseCategory: facts.kind, kind: d.kind, adoptedAt: d.adoptedAt,
    text: text ?? '', articles: text ? articlesIn(text) : [], signedBy: d.signedBy, signatureSha256: d.signatureSha256,
    parties: anonymizerParties([...(d.document?.parties ?? []), ...caseParties]),
    textSha256: d.document?.textSha256 ?? null,
  };
}
