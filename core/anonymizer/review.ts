/**
 * Review of a draft (12.6: the judge or authorized staff approves what will be published): the
 * reviewer adds a replacement the anonymizer missed or undoes one it should not have made, then the
 * detection is rendered again. Pure functions over a Detection; nothing is stored here.
 */
import { tokenize } from './normalize';
import { splits } from './morphology';
import type { Detection, Finding, Label } from './types';

export interface AddReplacement {
  start: number;
  end: number;
  label: Label;
  /** For PERSON: an existing person's id (same token), or omitted for a new person. */
  personId?: string;
}

/** Adds a replacement; findings it overlaps are dropped (the reviewer's span wins). */
export function addReplacement(text: string, d: Detection, add: AddReplacement): Detection {
  if (add.start < 0 || add.end > text.length || add.start >= add.end) throw new RangeError('replacement outside the text');
  let persons = d.persons;
  let personId = add.personId;
  if (add.label === 'PERSON' && (!personId || !persons.some((p) => p.id === personId))) {
    const n = persons.filter((p) => !p.known && /^r\d+$/.test(p.id)).length + 1;
    personId = `r${n}`;
    persons = [...persons, { id: personId, token: `Şəxs${persons.filter((p) => !p.known).length + 1}`, known: false }];
  }
  const last = tokenize(text.slice(add.start, add.end)).pop();
  const f: Finding = {
    start: add.start, end: add.end, label: add.label, source: 'review',
    ...(add.label === 'PERSON' ? { personId, grammar: { case: last ? splits(last.fold).slice(-1)[0].info.case : 'nom', plural: false, foreign: false } } : {}),
  };
  if (f.grammar && last) {
    // The reviewer marks the whole word; keep the case only when the word clearly carries one.
    const s = splits(last.fold);
    f.grammar.case = s.length > 1 && s[s.length - 1].suffix.length >= 2 ? s[s.length - 1].info.case : 'nom';
  }
  const findings = d.findings.filter((x) => x.end <= add.start || x.start >= add.end);
  return { ...d, findings: [...findings, f].sort((a, b) => a.start - b.start), persons };
}

/** Undoes the replacement that covers [start, end) exactly; the text stays in clear there. */
export function undoReplacement(d: Detection, span: { start: number; end: number }): Detection {
  const findings = d.findings.filter((x) => !(x.start === span.start && x.end === span.end));
  if (findings.length === d.findings.length) throw new RangeError('no replacement at that span');
  return { ...d, findings };
}
