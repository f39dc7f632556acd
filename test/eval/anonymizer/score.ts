/**
 * The scoring rule of the anonymizer evaluation (docs/anonymization.md, "Scoring"), written apart
 * from the anonymizer so that it shares none of its matching code.
 *
 * A gold span is removed when none of its identifying characters survive:
 * - span mode: every letter and digit of every key range is covered by a predicted span;
 * - text mode: input and output are aligned word by word; the span's region is the output words
 *   aligned to it; a name or word key leaks when the same word (or it plus a case or plural suffix)
 *   is in the region, comparing without case, Cyrillic look-alikes and diacritics (names of 3+ letters
 *   only, never initials); a number key leaks when any 5 consecutive letters or digits of it are there.
 * A KEEP span is preserved when no predicted span touches its letters (span mode), or when every word
 * of it is still in place (text mode).
 */
import type { GoldDoc, GoldSpan, Prediction } from './gold.types';

const NUMBER_LABELS = new Set(['FIN', 'VOEN_PRIVATE', 'ID_DOC', 'PHONE', 'ACCOUNT', 'CAR_PLATE']);
export const OFFICIAL_KINDS = new Set([
  'judge', 'clerk', 'prosecutor', 'lawyer', 'expert', 'enforcement_officer', 'police', 'notary', 'investigator', 'official',
]);

// Look-alikes and diacritics folded the way a reader would not tell them apart.
const LOOKALIKE: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  і: 'i', ј: 'j', һ: 'h', ә: 'e', ө: 'o', ү: 'u', ə: 'e', ı: 'i', ş: 's', ç: 'c', ğ: 'g', ö: 'o', ü: 'u',
};

export function foldWord(w: string): string {
  const lower = w.replace(/I/g, 'ı').replace(/İ/g, 'i').toLowerCase();
  let out = '';
  for (const ch of lower.normalize('NFC')) out += LOOKALIKE[ch] ?? ch;
  return out.normalize('NFD').replace(/\p{M}/gu, '');
}

// Case and plural endings, folded (no ə/ı): a leak is the key plus one of these.
const CASES = ['', 'in', 'un', 'nin', 'nun', 'a', 'e', 'ya', 'ye', 'na', 'ne', 'i', 'u', 'ni', 'nu', 'da', 'de', 'nda', 'nde',
  'dan', 'den', 'ndan', 'nden', 'la', 'le', 'yla', 'yle', 'ya', 'dir', 'dur', 'ki', 'nki', 'gil'];
const SUFFIXES = new Set<string>();
for (const pl of ['', 'lar', 'ler']) for (const c of CASES) SUFFIXES.add(pl + c);
for (const c of CASES) SUFFIXES.add('si' + c.replace(/^n/, 'n'));

interface Word { s: number; e: number; w: string }
function words(text: string): Word[] {
  return [...text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)].map((m) => ({ s: m.index!, e: m.index! + m[0].length, w: m[0] }));
}

/** LCS alignment of two word lists: match[i] = index in b of a[i], or -1. */
function align(a: Word[], b: Word[]): Int32Array {
  const n = a.length;
  const m = b.length;
  const match = new Int32Array(n).fill(-1);
  // Trim the common head and tail first: most of a decision is unchanged.
  let lo = 0;
  while (lo < n && lo < m && a[lo].w === b[lo].w) { match[lo] = lo; lo++; }
  let hiA = n;
  let hiB = m;
  while (hiA > lo && hiB > lo && a[hiA - 1].w === b[hiB - 1].w) { hiA--; hiB--; match[hiA] = hiB; }
  const rows = hiA - lo;
  const cols = hiB - lo;
  const dp = new Int32Array((rows + 1) * (cols + 1));
  const at = (i: number, j: number) => i * (cols + 1) + j;
  for (let i = rows - 1; i >= 0; i--) {
    for (let j = cols - 1; j >= 0; j--) {
      dp[at(i, j)] = a[lo + i].w === b[lo + j].w ? dp[at(i + 1, j + 1)] + 1 : Math.max(dp[at(i + 1, j)], dp[at(i, j + 1)]);
    }
  }
  let i = 0;
  let j = 0;
  while (i < rows && j < cols) {
    if (a[lo + i].w === b[lo + j].w) { match[lo + i] = lo + j; i++; j++; }
    else if (dp[at(i + 1, j)] >= dp[at(i, j + 1)]) i++;
    else j++;
  }
  return match;
}

class TextAlignment {
  readonly inWords: Word[];
  readonly outWords: Word[];
  private readonly match: Int32Array;
  constructor(input: string, output: string) {
    this.inWords = words(input);
    this.outWords = words(output);
    this.match = align(this.inWords, this.outWords);
  }
  /** Output words aligned to the input words overlapping [start, end). */
  region(start: number, end: number): Word[] {
    const out = new Set<number>();
    for (let i = 0; i < this.inWords.length; i++) {
      const w = this.inWords[i];
      if (w.e <= start || w.s >= end) continue;
      if (this.match[i] >= 0) { out.add(this.match[i]); continue; }
      let p = i - 1;
      while (p >= 0 && this.match[p] < 0) p--;
      let q = i + 1;
      while (q < this.inWords.length && this.match[q] < 0) q++;
      const from = p >= 0 ? this.match[p] + 1 : 0;
      const to = q < this.inWords.length ? this.match[q] : this.outWords.length;
      for (let k = from; k < to; k++) out.add(k);
    }
    return [...out].sort((x, y) => x - y).map((k) => this.outWords[k]);
  }
  inPlace(start: number, end: number): boolean {
    return this.inWords.every((w, i) => w.e <= start || w.s >= end || this.match[i] >= 0);
  }
}

function keyWords(text: string, span: GoldSpan): string[] {
  return span.keys.flatMap(([s, e]) => words(text.slice(s, e)).map((w) => w.w));
}

function wordLeaks(key: string, region: Word[], isName: boolean): boolean {
  const k = foldWord(key);
  if (isName && [...k].length < 3) return false;
  return region.some(({ w }) => {
    const f = foldWord(w);
    return f === k || (f.startsWith(k) && SUFFIXES.has(f.slice(k.length)));
  });
}

function numberLeaks(text: string, span: GoldSpan, region: Word[]): boolean {
  const hay = region.map((w) => foldWord(w.w)).join('');
  return span.keys.some(([s, e]) => {
    const key = foldWord(text.slice(s, e)).replace(/[^\p{L}\p{N}]/gu, '');
    if (key.length < 5) return key.length > 0 && hay.includes(key);
    for (let i = 0; i + 5 <= key.length; i++) if (hay.includes(key.slice(i, i + 5))) return true;
    return false;
  });
}

function removedText(doc: GoldDoc, span: GoldSpan, al: TextAlignment): boolean {
  const region = al.region(span.start, span.end);
  if (NUMBER_LABELS.has(span.label)) return !numberLeaks(doc.text, span, region);
  return !keyWords(doc.text, span).some((k) => wordLeaks(k, region, span.label === 'PERSON'));
}

function covered(pos: number, spans: { start: number; end: number }[]): boolean {
  return spans.some((p) => p.start <= pos && pos < p.end);
}

function removedSpan(doc: GoldDoc, span: GoldSpan, pred: { start: number; end: number }[]): boolean {
  return span.keys.every(([s, e]) => {
    for (let i = s; i < e; i++) if (/[\p{L}\p{N}]/u.test(doc.text[i]) && !covered(i, pred)) return false;
    return true;
  });
}

function preservedSpan(doc: GoldDoc, span: GoldSpan, pred: { start: number; end: number }[]): boolean {
  for (let i = span.start; i < span.end; i++) if (/[\p{L}\p{N}]/u.test(doc.text[i]) && covered(i, pred)) return false;
  return true;
}

export interface SpanOutcome { doc: string; span: GoldSpan; ok: boolean }
export interface Ratio { ok: number; total: number }
export interface Report {
  mode: 'text' | 'span' | 'mixed';
  perLabel: Record<string, Ratio>;
  perTag: Record<string, Ratio>;
  direct: Ratio;
  knownParties: Ratio;
  unknownPersons: Ratio;
  keep: Ratio;
  officials: Ratio;
  docsClean: Ratio;
  outcomes: SpanOutcome[];
}

const ratio = (r: Ratio) => (r.total === 0 ? 1 : r.ok / r.total);
export const recall = ratio;

function bump(map: Record<string, Ratio>, key: string, ok: boolean): void {
  const r = (map[key] ??= { ok: 0, total: 0 });
  r.total++;
  if (ok) r.ok++;
}

/** Scores predictions against gold documents; a document without a prediction counts as unchanged. */
export function score(gold: GoldDoc[], predictions: Prediction[]): Report {
  const byId = new Map(predictions.map((p) => [p.id, p]));
  const rep: Report = {
    mode: 'text', perLabel: {}, perTag: {}, direct: { ok: 0, total: 0 }, knownParties: { ok: 0, total: 0 },
    unknownPersons: { ok: 0, total: 0 }, keep: { ok: 0, total: 0 }, officials: { ok: 0, total: 0 }, docsClean: { ok: 0, total: 0 }, outcomes: [],
  };
  const modes = new Set<string>();
  for (const doc of gold) {
    const p = byId.get(doc.id) ?? { id: doc.id, text_out: doc.text };
    const textMode = typeof p.text_out === 'string';
    modes.add(textMode ? 'text' : 'span');
    const al = textMode ? new TextAlignment(doc.text, p.text_out!) : undefined;
    const pred = p.spans ?? [];
    let clean = true;
    for (const span of doc.spans) {
      if (span.label === 'KEEP') {
        const ok = al ? al.inPlace(span.start, span.end) : preservedSpan(doc, span, pred);
        bump(rep.perLabel, 'KEEP', ok);
        rep.keep.total++; if (ok) rep.keep.ok++;
        if (OFFICIAL_KINDS.has(span.kind ?? '')) { rep.officials.total++; if (ok) rep.officials.ok++; }
        rep.outcomes.push({ doc: doc.id, span, ok });
        continue;
      }
      const ok = al ? removedText(doc, span, al) : removedSpan(doc, span, pred);
      rep.outcomes.push({ doc: doc.id, span, ok });
      bump(rep.perLabel, span.label, ok);
      for (const t of span.tags ?? []) bump(rep.perTag, t, ok);
      if (span.label !== 'HEALTH') {
        rep.direct.total++; if (ok) rep.direct.ok++; else clean = false;
      }
      if (span.label === 'PERSON') {
        const r = span.known ? rep.knownParties : rep.unknownPersons;
        r.total++; if (ok) r.ok++;
      }
    }
    rep.docsClean.total++; if (clean) rep.docsClean.ok++;
  }
  rep.mode = modes.size > 1 ? 'mixed' : (modes.values().next().value as 'text' | 'span') ?? 'text';
  return rep;
}

export function f2(rep: Report): number {
  const r = ratio(rep.direct);
  const p = ratio(rep.keep);
  return p + r === 0 ? 0 : (5 * p * r) / (4 * p + r);
}

const f = (x: number) => x.toFixed(4);
const fr = (r: Ratio) => `${f(ratio(r))} (${r.ok}/${r.total})`;

/** The printed report; its last line is the one the policy fixes. */
export function formatReport(rep: Report, opts: { misses?: boolean } = {}): string {
  const lines: string[] = [`mode: ${rep.mode} (${rep.docsClean.total} documents)`, '', 'per label (share removed; KEEP: share preserved):'];
  for (const [label, r] of Object.entries(rep.perLabel).sort()) lines.push(`  ${label.padEnd(14)} ${fr(r)}`);
  lines.push('', 'per hard-case tag (share removed):');
  for (const [tag, r] of Object.entries(rep.perTag).sort()) lines.push(`  ${tag.padEnd(34)} ${fr(r)}`);
  lines.push('',
    `recall_direct          ${fr(rep.direct)}`,
    `recall_known_parties   ${fr(rep.knownParties)}`,
    `recall_unknown_persons ${fr(rep.unknownPersons)}`,
    `officials_kept         ${fr(rep.officials)}`,
    `keep_preserved         ${fr(rep.keep)}`,
    `docs_without_direct_identifier_left ${rep.docsClean.ok}/${rep.docsClean.total}`,
    `F2                     ${f(f2(rep))}`);
  if (opts.misses) {
    const missed = rep.outcomes.filter((o) => !o.ok);
    lines.push('', `misses (${missed.length}):`);
    for (const o of missed) {
      const what = o.span.label === 'KEEP' ? `KEEP/${o.span.kind} over-redacted` : `${o.span.label} left`;
      lines.push(`  ${o.doc}  ${what}: ${JSON.stringify(o.span.text)}${o.span.tags ? ` [${o.span.tags.join(',')}]` : ''}`);
    }
  }
  lines.push('', `anonymizer: recall_direct=${f(ratio(rep.direct))} recall_known_parties=${f(ratio(rep.knownParties))} keep_preserved=${f(ratio(rep.keep))} F2=${f(f2(rep))}`);
  return lines.join('\n');
}
