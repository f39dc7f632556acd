/**
 * One role token per person for the whole document, as the Supreme Court already publishes:
 * parties by their procedural role ("İddiaçı", "Cavabdeh1", "Cavabdeh2"), others as "Şahid1" or
 * "Şəxs1". A number is added only when two persons share a role. The token carries the replaced
 * word's case after a hyphen ("Cavabdeh1-in"), so the sentence stays grammatical.
 */
import { lowerAz } from './normalize';
import { tokenSuffix } from './morphology';
import type { Finding, Party, PersonRef } from './types';
import type { PersonEntry } from './persons-by-cue';

const ROLE_TOKENS: [RegExp, string][] = [
  [/^iddiaçı/, 'İddiaçı'], [/^cavabdeh/, 'Cavabdeh'], [/^üçüncü şəxs/, 'ÜçüncüŞəxs'],
  [/^təqsirləndirilən/, 'Təqsirləndirilən'], [/^zərərçəkmiş/, 'Zərərçəkmiş'], [/^məhkum/, 'Məhkum'],
  [/^borclu/, 'Borclu'], [/^tələbkar/, 'Tələbkar'], [/^şikayətçi/, 'Şikayətçi'], [/^ərizəçi/, 'Ərizəçi'],
  [/^kreditor/, 'Kreditor'], [/^maraqlı/, 'MaraqlıŞəxs'], [/^inzibati/, 'Şəxs'], [/^şahid/, 'Şahid'],
];

export function roleBase(role: string): string {
  const r = lowerAz(role.trim());
  for (const [re, token] of ROLE_TOKENS) if (re.test(r)) return token;
  const first = role.trim().split(/\s+/)[0] ?? 'Tərəf';
  return first ? first[0].toLocaleUpperCase('az') + first.slice(1) : 'Tərəf';
}

/** Tokens for every person found, numbered within a role only when the role is shared. */
export function assignTokens(persons: PersonEntry[], parties: Party[]): PersonRef[] {
  const bases = persons.map((p) => (p.known ? roleBase(parties[p.party!].role) : p.witness ? 'Şahid' : 'Şəxs'));
  // Listed parties count for their role even when the text never names them.
  const count = new Map<string, number>();
  parties.forEach((p) => count.set(roleBase(p.role), (count.get(roleBase(p.role)) ?? 0) + 1));
  bases.forEach((b, i) => { if (!persons[i].known) count.set(b, (count.get(b) ?? 0) + 1); });
  const next = new Map<string, number>();
  const byParty = new Map<number, number>();
  parties.forEach((p, i) => {
    const b = roleBase(p.role);
    const n = (next.get(b) ?? 0) + 1;
    next.set(b, n);
    byParty.set(i, n);
  });
  return persons.map((p, i) => {
    const b = bases[i];
    let n: number;
    if (p.known) n = byParty.get(p.party!)!;
    else { n = (next.get(b) ?? 0) + 1; next.set(b, n); }
    const token = (count.get(b) ?? 0) > 1 ? `${b}${n}` : b;
    return { id: p.id, token, known: p.known, ...(p.known ? { party: p.party } : {}) };
  });
}

/** The text that replaces one person mention. */
export function personReplacement(f: Finding, token: string): string {
  if (!f.grammar || f.grammar.foreign) return token;
  const suffix = tokenSuffix(token, { case: f.grammar.case, plural: f.grammar.plural });
  return suffix ? `${token}-${suffix}` : token;
}
