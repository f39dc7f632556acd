/**
 * Persons acting in an official capacity stay in clear (policy "Keep"): judges, clerks, prosecutors,
 * advocates as counsel, enforcement officers, police, experts, notaries, representatives of public
 * bodies. They are recognised by a role word right before the name ("hakim", "icra məmuru"), by the
 * role noun right after it ("… oğlunun sədrliyi", "… katibliyi"), by a list after a plural role word
 * ("hakimlər A, B və C-dən ibarət"), and later by their name once seen in one of those places.
 */
import type { Token } from './normalize';
import type { KeptSpan } from './types';

// The role word itself (any case form). "nümayəndə", "əməkdaş", "sədr" count only for a public body.
const OFFICIAL_WORD = /^(hakim(i|in|inin|lər|ləri)?|katib(i|in|inin)?|prokuror(u|un|unun|lar)?|ittihamçı(sı|sının)?|vəkil(i|in|inin|ləri)?|müdafiəçi(si|sinin|lər|ləri)?|məmur(u|unun|ları)?|ekspert(i|in|inin|lər)?|notarius(u|un|unun)?|müstəntiq(i|in)?|təhqiqatçı(sı)?|inspektor(u|un)?|müvəkkil(i|inin)?|müfəttiş(i|inin)?|mayor(u|unun)?|kapitan(ı|ının)?|leytenant(ı|ının)?|polkovnik(i)?|serjant(ı)?|məruzəçi)$/;
const BODY_BOUND_WORD = /^(nümayəndə(si|sinin|ləri)?|əməkdaş(ı|ları|ının)?|sədr(i|inin)?|rəis(i|inin)?)$/;
const PLURAL_WORD = /(lər|lar|ləri|ları)$/;
const POST_WORD = /^(sədrliyi|katibliyi|məruzəsi|sədrliyi|sədrlik)$/;
const BODY_HINT = /^(nazirliy|nazirlik|idarə|xidmət|komitə|agentliy|hakimiyyət|bələdiyyə|fond|şöbə|mərkəz|prokurorluq|prokurorluğ|orqan|polis|inspeksiya|komissiya)/;
const COMPANY_HINT = /^(mmc|asc|qsc|kb|şirkət|bank)/;
const LIST_FILLER = /^(və|sədrlik|edən|məruzəçi|sədrliyi)$/;

export interface CueResult { official: boolean; plural: boolean }

/** Whether the name chunk starting at token `from` has an official's role word right before it. */
export function roleBefore(text: string, toks: Token[], from: number, bodies: KeptSpan[]): CueResult {
  const p = toks[from - 1];
  if (!p) return { official: false, plural: false };
  const g = text.slice(p.end, toks[from].start);
  if (!/^[\s–—:(-]*$/.test(g) || /\n\s*\n/.test(g)) return { official: false, plural: false };
  if (OFFICIAL_WORD.test(p.fold) && p.fold !== 'hakimiyyət') return { official: true, plural: PLURAL_WORD.test(p.fold) };
  if (BODY_BOUND_WORD.test(p.fold)) {
    const prev = toks[from - 2];
    if (prev && /^(polis|polisi)$/.test(prev.fold)) return { official: true, plural: PLURAL_WORD.test(p.fold) };
    // A public body named within the few words before the role word, and no company in between.
    for (let k = from - 2; k >= Math.max(0, from - 10); k--) {
      const t = toks[k];
      if (COMPANY_HINT.test(t.fold)) break;
      if ((t.cap && BODY_HINT.test(t.fold)) || /^(polis|orqan)/.test(t.fold) || bodies.some((b) => b.kind !== 'company' && b.end <= p.start && b.end >= t.start && t.start >= b.start)) {
        return { official: true, plural: PLURAL_WORD.test(p.fold) };
      }
    }
  }
  return { official: false, plural: false };
}

/** "X-in sədrliyi ilə", "X-in katibliyi": the role noun right after the name. */
export function roleAfter(text: string, toks: Token[], to: number): boolean {
  const n = toks[to + 1];
  return !!n && /^\s+$/.test(text.slice(toks[to].end, n.start)) && POST_WORD.test(n.fold);
}

/** Whether the text between two chunks only continues a list of officials ("…, B (məruzəçi) və C"). */
export function listContinues(text: string, toks: Token[], prevTo: number, from: number): boolean {
  const g = text.slice(toks[prevTo].end, toks[from].start);
  if (/\n\s*\n/.test(g) && !/^\s+$/.test(g)) return false;
  for (let k = prevTo + 1; k < from; k++) if (!LIST_FILLER.test(toks[k].fold)) return false;
  // Only commas, brackets and spaces besides the filler words; a line break continues a signature block.
  return /^[\s,()\p{L}]*$/u.test(g) && !/[.;:]/.test(g);
}
