/**
 * Street-level addresses (policy: street, house, flat, microdistrict and block; the city, district
 * and village may stay). A street word (küçə, prospekt, döngə, dalan, məhəllə, mikrorayon…) anchors
 * the address: the name words before it and the house, building and flat numbers after it are
 * masked; so are "ev 12", "bina 47, mənzil 114" and "17 nömrəli ev" wherever they stand.
 */
import type { Token } from './normalize';
import type { Finding } from './types';

const STREET = /^(küçə|prospekt|döngə|dalan|şosse|bulvar|məhəllə|mikrorayon|massiv|kvartal|tupik|meydan)/;
const HOUSE = /^(ev|bina|mənzil|mən|m|kv|korpus|blok|dalan|döngə|saylı|nömrəli|evin|evdə|evi)$/;
const NAME_PART = /^(bəy|xan|ağa|akademik|general|şəhid|milli|qəhrəman)$/;

interface Piece { start: number; end: number; mask: boolean }

/** Address findings; each has a mask that keeps the structure words ("xxxxx küçəsi, ev **"). */
export function findAddresses(text: string, toks: Token[]): Finding[] {
  const out: Finding[] = [];
  const tokAt = new Map(toks.map((t) => [t.start, t]));
  const taken = new Set<number>();
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (!STREET.test(t.fold) || taken.has(i)) continue;
    // Name words before the street word: capitalized words, initials, "bəy", a number ("28 May", "8-ci").
    let s = i;
    while (s > 0 && i - s < 4) {
      const p = toks[s - 1];
      const g = text.slice(p.end, toks[s].start);
      if (!/^[\s.\d-]*$/.test(g) || /\n/.test(g)) break;
      if (!(p.cap || p.initial || NAME_PART.test(p.fold) || /^(ci|cı|cu|cü|nci|ncı|ncu|ncü)$/.test(p.fold))) break;
      if (/^(bakı|gəncə|sumqayıt|şəhəri|rayonu|kəndi|qəsəbəsi)$/.test(p.fold)) break;
      s--;
    }
    // "2-ci mikrorayon", "28 May küçəsi": a number right before the first name word belongs to it.
    const numberBefore = /(\d+)[ \t]*-?[ \t]*$/.exec(text.slice(Math.max(0, toks[s].start - 8), toks[s].start));
    const start = numberBefore ? toks[s].start - numberBefore[0].length : toks[s].start;
    // House, building and flat numbers after the street word.
    let end = t.end;
    let k = i + 1;
    for (;;) {
      const rest = text.slice(end);
      const num = /^[\s,.]*(\d+[\p{L}]?(\/\d+)?)(\s*-?\s*(ci|cı|cu|cü|nci|ncı|ncu|ncü))?/u.exec(rest);
      if (num) { end += num[0].length; while (k < toks.length && toks[k].start < end) k++; continue; }
      const w = toks[k];
      if (w && HOUSE.test(w.fold) && /^[\s,.]*$/.test(text.slice(end, w.start)) && /^\.?\s*\d/.test(text.slice(w.end))) {
        end = w.end; k++;
        continue;
      }
      if (w && STREET.test(w.fold) && /^[\s,]*$/.test(text.slice(end, w.start))) { end = w.end; taken.add(k); k++; continue; }
      break;
    }
    if (end === t.end && start === t.start) continue;
    out.push(finding(text, start, end, tokAt));
  }
  // "ev 61", "bina 47, mənzil 114", "17 nömrəli evin" outside a street phrase.
  for (const m of text.matchAll(/\b(ev|bina|mənzil)\s+(\d+[\p{L}]?(\/\d+)?)|(\d+)\s+(nömrəli|saylı)\s+(ev|bina|mənzil)/gu)) {
    const s = m.index!;
    const e = s + m[0].length;
    if (!out.some((f) => f.start <= s && e <= f.end)) out.push(finding(text, s, e, tokAt));
  }
  return out;
}

function finding(text: string, start: number, end: number, tokAt: Map<number, Token>): Finding {
  const pieces: Piece[] = [];
  for (const m of text.slice(start, end).matchAll(/[\p{L}\p{M}]+|\d+/gu)) {
    const s = start + m.index!;
    const word = m[0];
    const tok = tokAt.get(s);
    const keep = /^\d/.test(word) ? false : STREET.test(tok?.fold ?? '') || HOUSE.test(tok?.fold ?? '')
      || /^(ci|cı|cu|cü|nci|ncı|ncu|ncü)$/.test(word) || word.length === 1;
    pieces.push({ start: s, end: s + word.length, mask: !keep });
  }
  let mask = '';
  let pos = start;
  for (const p of pieces) {
    mask += text.slice(pos, p.start) + (p.mask ? (/^\d/.test(text[p.start]) ? '**' : 'xxxxx') : text.slice(p.start, p.end));
    pos = p.end;
  }
  mask += text.slice(pos, end);
  return { start, end, label: 'ADDRESS', mask, source: 'pattern' };
}
