/**
 * Spans that must stay in clear and inside which no person is looked for: court names, public
 * bodies, legal entities (the policy keeps them; a switch replaces listed entity parties), quoted
 * names of products and businesses. Computed once per document from the tokens.
 */
import { isPlace, surnameShape } from './gazetteer';
import type { Token } from './normalize';
import type { KeptSpan } from './types';

const COURT_HEAD = /^məhkəmə/;
const COLLEGIUM = /^(mülki|kommersiya|cinayət|inzibati|hərbi|iqtisad)$/;
const BODY_HEAD = /^(nazirliy|nazirlik|idarə|xidmət|komitə|agentliy|agentlik|hakimiyyət|bələdiyyə|fond|şöbə|mərkəz|universitet|klinika|xəstəxana|prokurorluq|prokurorluğ|palata|kontor|institut|inspeksiya|departament|aparat|komissiya|akademiya|poliklinika|dispanser)/;
const BODY_CONNECTOR = /^(rayon|rayonu|şəhər|şəhəri|saylı|və|üzrə|qarşı|mübarizə|baş|dövlət|yol|polisi|polis|icra|tibb|sosial|müdafiə)$/;
const LEGAL_FORM = /^(mmc|asc|qsc|kb|mtk|sc|qsc|aşc|bank)$/;
const BUSINESS_NOUN = /^(kafe|mağaza|restoran|zavod|şirkət|firma|market|otel|klinika|mərkəz|ticarət|tikinti|aptek|salon|studiya|sığorta|qrup|holdinq|fabrik|kombinat|müəssisə|kooperativ|bağ|klub)/;

/** A person's name right before an institution is not part of it ("borclu Anar Sadıxov Masallı Rayon Məhkəməsinin"). */
function personLike(t: Token): boolean {
  return !isPlace(t.fold) && surnameShape(t.fold) !== undefined;
}
// A lower-case head counts only in its possessive form ("prokurorluğunun", "şöbəsinin"), not as a verb ("idarə etdiyi").
const POSSESSIVE = /(sı|si|su|sü|ğu|ğü|yi|yı|ti|tı)(n|nın|nin|na|nə|ndan|ndən|nda|ndə)?$/;

function adjacent(text: string, a: Token, b: Token, allowDigits = false): boolean {
  const g = text.slice(a.end, b.start);
  return allowDigits ? /^[\s\d]*$/.test(g) && !/\n\s*\n/.test(g) : /^[ \t]*\r?\n?[ \t]*$/.test(g);
}

export interface Reserved { spans: KeptSpan[]; quoted: { start: number; end: number }[] }

/** Courts, public bodies, companies and quoted names of a document. */
export function findInstitutions(text: string, toks: Token[]): Reserved {
  const spans: KeptSpan[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.cap && COURT_HEAD.test(t.fold)) {
      let s = i;
      while (s > 0 && adjacent(text, toks[s - 1], toks[s]) && (toks[s - 1].cap || /^(şəhəri|şəhər|rayon|rayonu)$/.test(toks[s - 1].fold))
        && !/^(hakim|iddiaçı|cavabdeh|şikayətçi|tələbkar|borclu)/.test(toks[s - 1].fold) && !personLike(toks[s - 1])) s--;
      let e = i;
      while (e + 1 < toks.length && adjacent(text, toks[e], toks[e + 1]) && toks[e + 1].cap && (COLLEGIUM.test(toks[e + 1].fold) || /^kollegiya/.test(toks[e + 1].fold))) e++;
      spans.push({ start: toks[s].start, end: toks[e].end, kind: 'court' });
      i = e;
      continue;
    }
    if (BODY_HEAD.test(t.fold) && (t.cap || (i > 0 && toks[i - 1].cap && POSSESSIVE.test(t.fold)))) {
      let s = i;
      while (s > 0 && adjacent(text, toks[s - 1], toks[s], true) && (toks[s - 1].cap || BODY_CONNECTOR.test(toks[s - 1].fold)) && !personLike(toks[s - 1])) s--;
      while (s < i && !toks[s].cap) s++;
      if (s < i || t.cap) spans.push({ start: toks[s].start, end: t.end, kind: 'public_body' });
    }
  }
  const quoted: { start: number; end: number }[] = [];
  for (const m of text.matchAll(/[“"«„]([^”"»“\n]{1,80})[”"»“]/g)) {
    const start = m.index!;
    const end = start + m[0].length;
    quoted.push({ start, end });
    const after = /^[ \t]*([\p{L}]+)(-[\p{L}]+)?/u.exec(text.slice(end));
    if (after && (LEGAL_FORM.test(after[1].toLowerCase()) || BUSINESS_NOUN.test(after[1].toLowerCase()))) {
      spans.push({ start, end: end + after[0].length, kind: 'company' });
    }
  }
  // Unquoted company names: "Kapital Bank ASC", "Unibank KB ASC", "Bank Respublika ASC".
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (!t.upper || !LEGAL_FORM.test(t.fold) || t.fold === 'bank') continue;
    if (quoted.some((q) => q.end <= t.start && t.start - q.end <= 2)) continue;
    let s = i;
    while (s > 0 && i - s < 4 && adjacent(text, toks[s - 1], toks[s]) && toks[s - 1].cap && !/^(cavabdeh|iddiaçı|tələbkar|borclu)/.test(toks[s - 1].fold)
      && !personLike(toks[s - 1])) s--;
    if (s < i && !spans.some((x) => x.start <= toks[s].start && toks[s].start < x.end)) {
      let e = t.end;
      const suf = /^-[\p{L}]+/u.exec(text.slice(e));
      if (suf) e += suf[0].length;
      spans.push({ start: toks[s].start, end: e, kind: 'company' });
    }
  }
  return { spans, quoted };
}

/** A lookup "is [start, end) inside one of these ranges", built once per document (linear, not pairwise). */
export function coverage(textLength: number, ranges: { start: number; end: number }[]): (t: { start: number; end: number }) => boolean {
  const at = new Int32Array(textLength + 1);
  ranges.forEach((r, i) => {
    for (let p = r.start; p < r.end; p++) if (at[p] === 0 || ranges[at[p] - 1].end - ranges[at[p] - 1].start < r.end - r.start) at[p] = i + 1;
  });
  return (t) => {
    const i = at[t.start];
    return i !== 0 && ranges[i - 1].end >= t.end;
  };
}
