/**
 * The anonymizer (statute 4.2.13: the automated anonymization module; 2.1.6: personal data no longer
 * identifiable; 12.6: every decision published anonymized within one month). Detection and
 * rendering are separate so that a reviewer can add or undo a replacement between the two
 * (review.ts). Everything is linear in the text: one tokenization, per-word matching against the
 * few listed parties and hashed name lists, and regular expressions for identifiers.
 */
import { findAddresses } from './address';
import { findBirthDates } from './birth-date';
import { tokenInfo } from './chunks';
import { findHealth } from './health';
import { findIdentifiers } from './identifiers';
import { findInstitutions } from './institutions';
import { fold, tokenize } from './normalize';
import { parseParty, type PartyForm } from './party-forms';
import { classifyPersons } from './persons-by-cue';
import { assignTokens, personReplacement, roleBase } from './tokens';
import type { AnonymizationResult, AnonymizeOptions, Detection, Finding, KeptSpan, Party, ReplacedSpan } from './types';

// When spans overlap, the earlier label in this list wins (an address keeps the street named after a person).
const PRIORITY: Finding['label'][] = [
  'EMAIL', 'ACCOUNT', 'ID_DOC', 'FIN', 'VOEN_PRIVATE', 'CAR_PLATE', 'PHONE', 'BIRTH_DATE', 'ADDRESS', 'HEALTH', 'LEGAL_ENTITY', 'PERSON',
];

function resolveOverlaps(textLength: number, findings: Finding[], kept: KeptSpan[]): Finding[] {
  const byPriority = [...findings].sort((a, b) => PRIORITY.indexOf(a.label) - PRIORITY.indexOf(b.label) || a.start - b.start || b.end - a.end);
  // Coverage maps instead of pairwise checks keep this linear in the text.
  const taken = new Uint8Array(textLength + 1);
  const keptAt = new Int32Array(textLength + 1);
  kept.forEach((k, i) => keptAt.fill(i + 1, k.start, k.end));
  const accepted: Finding[] = [];
  for (const f of byPriority) {
    let free = true;
    for (let p = f.start; p < f.end && free; p++) if (taken[p]) free = false;
    if (!free) continue;
    // Kept institutions are never replaced by a person found inside them (a court named after a district).
    if (f.label === 'PERSON' && keptAt[f.start] !== 0 && keptAt[f.start] === keptAt[f.end - 1]) continue;
    taken.fill(1, f.start, f.end);
    accepted.push(f);
  }
  return accepted.sort((a, b) => a.start - b.start);
}

function entityFindings(text: string, parties: Party[], kept: KeptSpan[]): Finding[] {
  const out: Finding[] = [];
  const names = parties.map((p, i) => ({ p, i, key: fold(p.name.replace(/[“”"«»]/g, ' ').split(/\s+/).filter((w) => !/^(mmc|asc|qsc|kb)$/i.test(w)).join('')) }))
    .filter((x) => x.p.type === 'entity' && x.key.length >= 3);
  for (const k of kept) {
    if (k.kind !== 'company') continue;
    const key = fold(text.slice(k.start, k.end).replace(/[“”"«»]/g, ' ').split(/[\s-]+/).filter((w) => !/^(mmc|asc|qsc|kb|nin|nın|yə|ya|də|da|dən|dan|ə|a)$/i.test(w)).join(''));
    const hit = names.find((n) => key === n.key || key.startsWith(n.key));
    if (hit) out.push({ start: k.start, end: k.end, label: 'LEGAL_ENTITY', personId: `e${hit.i}`, source: 'party' });
  }
  return out;
}

/** What would be replaced in `text`, and what is deliberately kept. */
export function detect(text: string, parties: Party[], options: AnonymizeOptions = {}): Detection {
  const toks = tokenize(text);
  const reserved = findInstitutions(text, toks);
  const forms = parties.map(parseParty).filter((f): f is PartyForm => f !== undefined);
  const info = tokenInfo(text.length, toks, forms, reserved);
  const persons = classifyPersons(text, toks, info, forms, reserved);
  const kept = [...reserved.spans, ...persons.kept].sort((a, b) => a.start - b.start);
  const findings: Finding[] = [
    ...findIdentifiers(text),
    ...findBirthDates(text),
    ...findAddresses(text, toks),
    ...(options.removeHealth === false ? [] : findHealth(text, toks)),
    ...persons.mentions,
  ];
  if (options.keepLegalEntities === false) findings.push(...entityFindings(text, parties, reserved.spans));
  const resolved = resolveOverlaps(text.length, findings, options.keepLegalEntities === false ? [] : kept);
  // Tokens go to persons still mentioned after overlaps, so numbering has no gaps.
  const used = new Set(resolved.map((f) => f.personId));
  const refs = assignTokens(persons.persons.filter((p) => used.has(p.id)), parties);
  if (options.keepLegalEntities === false) {
    parties.forEach((p, i) => { if (p.type === 'entity') refs.push({ id: `e${i}`, token: roleBase(p.role), known: true, party: i }); });
  }
  return { findings: resolved, persons: refs, kept };
}

/** The published text: each finding replaced by its person's token or its mask. */
export function render(text: string, detection: Detection): AnonymizationResult {
  const tokenOf = new Map(detection.persons.map((p) => [p.id, p.token]));
  const spans: ReplacedSpan[] = [];
  let out = '';
  let pos = 0;
  for (const f of [...detection.findings].sort((a, b) => a.start - b.start)) {
    if (f.start < pos) continue;
    const replacement = f.personId !== undefined && tokenOf.has(f.personId)
      ? personReplacement(f, tokenOf.get(f.personId)!)
      : f.mask ?? '*'.repeat(Math.max(3, Math.min(10, f.end - f.start)));
    out += text.slice(pos, f.start);
    const outStart = out.length;
    out += replacement;
    spans.push({ start: f.start, end: f.end, label: f.label, replacement, outStart, outEnd: out.length, ...(f.personId ? { personId: f.personId } : {}) });
    pos = f.end;
  }
  out += text.slice(pos);
  return { textOut: out, spans, detection };
}

/** Detect and render in one step. */
export function anonymize(text: string, parties: Party[], options: AnonymizeOptions = {}): AnonymizationResult {
  return render(text, detect(text, parties, options));
}
