/**
 * Builds the gold lines of the evaluation set from the labelled sources in
 * test/fixtures/anonymization/decisions/*.txt (docs/anonymization.md, "The labelled set").
 *
 * A source file is a header (`id:`, `kind:`, `instance:`, one `party: name | role | type` per party),
 * a line `---`, then the decision text with its spans marked inline: `⟦CODE text⟧`.
 *   CODE  P1…P9 (a listed party, by position) · U.relation (a person the case file does not list) ·
 *         K.kind (must be kept) · FIN VOEN ID TEL MAIL ADR BD ACC PLATE HEALTH; `#tag,tag` may follow.
 *   text  `·` marks where a case suffix starts inside a name word; `⟨…⟩` marks key ranges explicitly.
 * Keys follow the policy's "identifying part" column when not marked: a person's name words without
 * suffixes, oğlu/qızı and initials; a phone's last 7 digits; an IBAN after the bank code; card digits
 * 7–12; a plate after the region code; a birth date's first two words (day, month); every word of a KEEP.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { GoldDoc, GoldLabel, GoldParty, GoldSpan } from './gold.types';

const CODES: Record<string, GoldLabel> = {
  FIN: 'FIN', VOEN: 'VOEN_PRIVATE', ID: 'ID_DOC', TEL: 'PHONE', MAIL: 'EMAIL', ADR: 'ADDRESS',
  BD: 'BIRTH_DATE', ACC: 'ACCOUNT', PLATE: 'CAR_PLATE', HEALTH: 'HEALTH',
};
const KIN_WORD = /^(oğl|qız|оғл|огл|кыз|гыз|ogl|oql|kyz|qyz|kiz|gizi|kizi)/iu;
const ALNUM = /[\p{L}\p{M}\p{N}]+/gu;
const LETTERS = /[\p{L}\p{M}]+/gu;

type Range = [number, number];

function runs(text: string, re: RegExp, base: number): Range[] {
  const out: Range[] = [];
  for (const m of text.matchAll(re)) out.push([base + m.index!, base + m.index! + m[0].length]);
  return out;
}

function personKeys(text: string, base: number, suffixAt: number[]): Range[] {
  const words = runs(text, LETTERS, base);
  const keys: Range[] = [];
  for (let i = 0; i < words.length; i++) {
    const s = words[i][0];
    let e = words[i][1];
    // A name split by a hyphen at a line break ("Süley-\nmanova") is one word.
    while (i + 1 < words.length && /^-\s*\n\s*$/.test(text.slice(e - base, words[i + 1][0] - base))) e = words[++i][1];
    const word = text.slice(s - base, e - base);
    const initial = e - s === 1 && text[e - base] === '.';
    if (initial || KIN_WORD.test(word)) continue;
    const cut = suffixAt.find((p) => p > s && p < e);
    keys.push([s, cut ?? e]);
  }
  return keys;
}

function defaultKeys(label: GoldLabel, text: string, base: number, suffixAt: number[]): Range[] {
  const alnum = runs(text, ALNUM, base);
  const chars = [...text.matchAll(/[\p{L}\p{N}]/gu)].map((m) => base + m.index!);
  const digits = [...text.matchAll(/\p{N}/gu)].map((m) => base + m.index!);
  const from = (list: number[], i: number, j = list.length - 1): Range[] => (list.length > i ? [[list[i], list[Math.min(j, list.length - 1)] + 1]] : []);
  switch (label) {
    case 'PERSON': return personKeys(text, base, suffixAt);
    case 'KEEP': return alnum;
    case 'FIN': case 'VOEN_PRIVATE': return from(chars, 0);
    case 'ID_DOC': return from(digits, 0);
    case 'PHONE': return from(digits, Math.max(0, digits.length - 7));
    case 'EMAIL': return runs(text.slice(0, text.indexOf('@')), ALNUM, base);
    case 'ADDRESS': return alnum.filter(([s, e]) => /\p{N}/u.test(text.slice(s - base, e - base)));
    case 'BIRTH_DATE': return alnum.slice(0, 2);
    case 'CAR_PLATE': return from(chars, 2);
    case 'ACCOUNT':
      if (/^AZ\d\d/i.test(text.replace(/\s/g, ''))) return from(chars, 8);
      if (digits.length >= 13 && digits.length <= 19) return from(digits, 6, 11);
      return from(digits, 0);
    case 'HEALTH': return runs(text, LETTERS, base);
  }
}

function parseHeader(head: string, file: string): Omit<GoldDoc, 'text' | 'spans'> {
  const doc: Omit<GoldDoc, 'text' | 'spans'> = { id: '', parties: [] };
  for (const line of head.split('\n').map((l) => l.trim()).filter(Boolean)) {
    const [key, ...rest] = line.split(':');
    const value = rest.join(':').trim();
    if (key === 'id') doc.id = value;
    else if (key === 'kind') doc.kind = value;
    else if (key === 'instance') doc.instance = value;
    else if (key === 'party') {
      const [name, role, type] = value.split('|').map((s) => s.trim());
      if (type !== 'person' && type !== 'entity') throw new Error(`${file}: party type must be person or entity: ${line}`);
      doc.parties.push({ name, role, type } as GoldParty);
    } else throw new Error(`${file}: unknown header line: ${line}`);
  }
  if (!doc.id) throw new Error(`${file}: no id`);
  return doc;
}

/** Parses one labelled source into a gold document; throws on malformed markup. */
export function parseLabelled(source: string, file = '<source>'): GoldDoc {
  const sep = source.indexOf('\n---\n');
  if (sep < 0) throw new Error(`${file}: no '---' line after the header`);
  const header = parseHeader(source.slice(0, sep), file);
  const body = source.slice(sep + 5).replace(/\s+$/, '') + '\n';
  let text = '';
  const spans: GoldSpan[] = [];
  let i = 0;
  while (i < body.length) {
    const open = body.indexOf('⟦', i);
    if (open < 0) { text += body.slice(i); break; }
    text += body.slice(i, open);
    const close = body.indexOf('⟧', open);
    if (close < 0) throw new Error(`${file}: unclosed ⟦ at ${open}`);
    const inner = body.slice(open + 1, close);
    const sp = inner.search(/\s/);
    if (sp < 0) throw new Error(`${file}: span without text: ${inner}`);
    const [code, tagList] = inner.slice(0, sp).split('#');
    const start = text.length;
    const suffixAt: number[] = [];
    const keys: Range[] = [];
    let keyOpen = -1;
    for (const ch of inner.slice(sp + 1)) {
      if (ch === '·') suffixAt.push(text.length);
      else if (ch === '⟨') keyOpen = text.length;
      else if (ch === '⟩') { keys.push([keyOpen, text.length]); keyOpen = -1; }
      else text += ch;
    }
    const end = text.length;
    const spanText = text.slice(start, end);
    const span: GoldSpan = { start, end, label: 'KEEP', text: spanText, keys: [] };
    const party = /^P(\d)$/.exec(code);
    if (party) {
      const p = header.parties[Number(party[1]) - 1];
      if (!p) throw new Error(`${file}: no party ${party[1]}`);
      Object.assign(span, { label: 'PERSON', known: true, party: p.name });
    } else if (code.startsWith('U.')) {
      Object.assign(span, { label: 'PERSON', known: false, relation: code.slice(2) });
    } else if (code.startsWith('K.')) {
      Object.assign(span, { label: 'KEEP', kind: code.slice(2) });
    } else if (CODES[code]) {
      span.label = CODES[code];
    } else throw new Error(`${file}: unknown code ${code}`);
    const auto = defaultKeys(span.label, spanText, start, suffixAt);
    span.keys = keys.length > 0
      ? [...keys, ...(span.label === 'ADDRESS' ? auto : [])].sort((a, b) => a[0] - b[0])
      : auto;
    if (span.keys.length === 0) throw new Error(`${file}: span without keys: ${spanText}`);
    if (tagList) span.tags = tagList.split(',').filter(Boolean).sort();
    spans.push(span);
    i = close + 1;
  }
  return { ...header, text, spans };
}

/** Every labelled source of a folder, in file-name order. */
export function loadLabelledDir(dir: string): GoldDoc[] {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()
    .map((f) => parseLabelled(fs.readFileSync(path.join(dir, f), 'utf8'), f));
}

export function readJsonl<T>(file: string): T[] {
  return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as T);
}
