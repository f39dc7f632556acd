/**
 * Name chunks: runs of capitalized name-like words, initials and a closing "oğlu/qızı", joined by
 * spaces, one line break, an initial's dot or a hyphen ("Veli-ogly"). Every person mention, of a
 * party, an official or anybody else, is one chunk; classification happens in persons-by-cue.ts.
 */
import { givenName, isPlace, surnameShape } from './gazetteer';
import { coverage, type Reserved } from './institutions';
import { kinSuffix, russianPatronymicStem } from './morphology';
import type { Token } from './normalize';
import { matchParties, type PartyForm } from './party-forms';

// Capitalized words that open sentences or name roles and institutions, never persons.
const STOP = /^(iddiaçı|cavabdeh|şahid|hakim|katib|prokuror|vəkil|müdafiəçi|zərərçəkmiş|təqsirləndirilən|məhkum|borclu|tələbkar|şikayətçi|ərizəçi|kreditor|notarius|ekspert|icra|sədrlik|məhkəmə|kollegiya|respublika|azərbaycan|qətnamə|qərar|hökm|iş|mülki|cinayət|inzibati|kommersiya|apellyasiya|kassasiya|ali|fərdi|sahibkar|azyaşlı|mərhum|qəyyum|polis|yol|vergi|dövlət|ədliyyə|qanun|məcəllə|maddə|konstitusiya|yanvar|fevral|mart|aprel|may|iyun|iyul|avqust|sentyabr|oktyabr|noyabr|dekabr|direktor|idarəedici|qonşu|alıcı|satıcı|sürücü|hal|əməliyyat|yuxarıda|göstərilənləri|buna|lakin|həmin|onun|bu|o|mənbə|şəxs|şəxsiyyət|vəsiqə|pasport|fin|vöen|açar|kassa|apellyasiya|birinci|ikinci|üçüncü|sədrlik|hakimlər|müflisləşmə|kafe|bank|hesab|qeyd|tərəflər|tərəf|kart|avtomobil|order|rus|mərhumun|kollegiyası|plenum|rəyasət|nazirlik|nazirliyi|prokurorluq|xidmət|tərcüməçi|həkim|müəllim|usta|mühasib|ofisiant|briqadir|memar|mühəndis|işçi|sahibi|müdir|rəis|sədr|təsisçi|zamin|vərəsə|varis|nəvə|qardaş|bacı|ata|ana|oğul|qız|ər|arvad|dost|tanış|vətəndaş|əcnəbi|qohum)(u|ı|i|ü|sı|si|su|sü|ları|ləri|lar|lər)?$/;

/** Words right before a name that make it a person even when nothing else does ("vətəndaşı Marco Rossi"). */
export const PERSON_CUE = /^(qızı|oğlu|övladı|uşağı|nəvəsi|nəvələri|bacısı|qardaşı|atası|anası|əri|arvadı|yoldaşı|əmisi|dayısı|xalası|bibisi|gəlini|kürəkəni|qonşusu|tanışı|dostu|şahid|şahidi|azyaşlı|mərhum|sürücü|sürücüsü|adlı|övladları|uşaqları|oğlunu|qızını|vətəndaşı|tərcüməçi|tərcüməçisi|direktoru|təsisçisi|işçisi|mühasibi|sahibi|satıcısı|alıcı|zərərçəkmiş)$/;

export interface TokenInfo {
  parties: ReturnType<typeof matchParties>;
  given: ReturnType<typeof givenName>;
  surname: ReturnType<typeof surnameShape>;
  kin: ReturnType<typeof kinSuffix>;
  russianPatronymic?: string;
  stop: boolean;
  reserved: boolean;
  quoted: boolean;
}

export interface Chunk {
  from: number;
  to: number;
  words: number[];
  initials: number[];
  kin?: number;
}

function capLike(t: Token): boolean {
  return t.cap || t.upper;
}

/** Per-token name evidence, computed once (matching is the only non-trivial cost, and it is per word). */
export function tokenInfo(textLength: number, toks: Token[], forms: PartyForm[], reserved: Reserved): TokenInfo[] {
  const inReserved = coverage(textLength, reserved.spans);
  const inQuotes = coverage(textLength, reserved.quoted);
  return toks.map((t) => {
    const isReserved = inReserved(t);
    const quoted = inQuotes(t);
    const cap = capLike(t) && !t.initial && t.fold.length >= 2;
    const stop = STOP.test(t.fold) || (t.upper && STOP.test(t.fold.replace(/(ın|in|un|ün|nın|nin|sı|si)$/, '')));
    return {
      parties: cap && !isReserved ? matchParties(t, forms) : [],
      given: cap && !stop ? givenName(t.fold) : undefined,
      surname: cap && !stop ? surnameShape(t.fold) : undefined,
      kin: kinSuffix(t.skel),
      russianPatronymic: cap ? russianPatronymicStem(t.fold) : undefined,
      stop,
      reserved: isReserved,
      quoted,
    };
  });
}

const SPACE_GAP = /^[ \t]*(\r?\n)?[ \t]*$/;

/** Maximal name chunks of a document. */
export function findChunks(text: string, toks: Token[], info: TokenInfo[]): Chunk[] {
  const n = toks.length;
  const strong = (i: number) => {
    const t = toks[i];
    const f = info[i];
    if (!capLike(t) || t.initial || f.stop || f.reserved || t.fold.length < 2) return false;
    if (f.quoted && f.parties.length === 0) return false;
    if (f.parties.length || f.given || f.surname || f.russianPatronymic) return true;
    // An unlisted father's name before "oğlu/qızı" ("Ağababa qızı"), but not a sentence's first word ("Orderdə oğlu").
    return !t.sentenceStart && i + 1 < n && info[i + 1].kin !== undefined && SPACE_GAP.test(text.slice(t.end, toks[i + 1].start));
  };
  const weak = (i: number) => toks[i].cap && !toks[i].upper && !toks[i].initial && !info[i].stop && !info[i].reserved && !info[i].quoted
    && toks[i].fold.length >= 2 && !/^\p{Lu}$/u.test(toks[i].raw);
  const joined = (a: number, b: number) => {
    const g = text.slice(toks[a].end, toks[b].start);
    if (toks[a].initial) return /^\.[ \t]*(\r?\n)?[ \t]*$/.test(g);
    // "Veli-ogly", and a double surname "Əliyeva-Məmmədova".
    if (g === '-' || g === '–') return info[b].kin !== undefined || (strong(a) && strong(b));
    return SPACE_GAP.test(g);
  };
  const cueBefore = (i: number) => i > 0 && PERSON_CUE.test(toks[i - 1].fold) && SPACE_GAP.test(text.slice(toks[i - 1].end, toks[i].start));
  const out: Chunk[] = [];
  let i = 0;
  while (i < n) {
    // After a person word, even names we do not know start a chunk ("vətəndaşı Marco Rossi").
    const startsChunk = strong(i) || (weak(i) && cueBefore(i)) || (toks[i].initial && i + 1 < n && joined(i, i + 1) && (strong(i + 1) || toks[i + 1].initial));
    if (!startsChunk) { i++; continue; }
    const c: Chunk = { from: i, to: i, words: [], initials: [] };
    const take = (j: number) => {
      if (toks[j].initial) c.initials.push(j); else c.words.push(j);
      c.to = j;
    };
    take(i);
    let j = i + 1;
    while (j < n && joined(j - 1, j)) {
      if (info[j].kin !== undefined && c.words.length > 0 && !capLike(toks[j]) || (info[j].kin !== undefined && toks[j].upper && c.words.length > 0)) {
        c.kin = j; c.to = j; j++;
        break;
      }
      if (toks[j].initial) { take(j); j++; continue; }
      if (strong(j)) { take(j); j++; continue; }
      // An unknown capitalized word between two name words, or right before a surname ("Zenfira Məmmədova").
      if (weak(j) && j + 1 < n && joined(j, j + 1) && (strong(j + 1) || info[j + 1].kin !== undefined)) { take(j); j++; continue; }
      if (weak(j) && info[j - 1].surname && c.words.length === 1 && !toks[j].sentenceStart) { take(j); j++; continue; }
      if (weak(j) && cueBefore(c.from) && c.words.length < 3 && !isPlace(toks[j].fold)) { take(j); j++; continue; }
      break;
    }
    // A leading unknown capitalized word right before the chunk ("Zenfira Məmmədova").
    if (c.from > 0 && weak(c.from - 1) && joined(c.from - 1, c.from) && info[c.from].surname && !toks[c.from].initial) {
      c.from--; c.words.unshift(c.from);
    }
    // Initials trailing a surname ("Məmmədov Ə.V.") are part of it; a lone initial run is not a name.
    if (c.words.length > 0) out.push(c);
    i = Math.max(j, c.to + 1);
  }
  return out;
}
