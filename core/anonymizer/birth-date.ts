/**
 * Birth dates: a date next to a birth word ("anadan olmuş", "doğulmuş", "təvəllüdlü", "doğum
 * tarixi"). The day and month are masked and the year stays, as the Supreme Court already publishes
 * ("xx xxxxxx 2001-ci il").
 */
import type { Finding } from './types';

const MONTHS = 'yanvar|fevral|mart|aprel|may|iyun|iyul|avqust|sentyabr|oktyabr|noyabr|dekabr';
const DATE = new RegExp(
  `(?<![\\d.])(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})(?![\\d])`
  + `|(?<!\\d)(\\d{1,2})\\s+(${MONTHS})[\\p{L}]*\\s+(\\d{4})(-?\\s*(?:c[ıiuü]|nc[ıiuü])?\\s*(?:il)?)?`
  + `|(?<!\\d)(\\d{4})\\s*-?\\s*(?:c[ıiuü]|nc[ıiuü])\\s+il\\s+(\\d{1,2})\\s+(${MONTHS})[\\p{L}]*`,
  'giu');
const AFTER_CUE = /^[^.;]{0,110}?(anadan\s+ol|doğul|təvəllüd)/i;
const BEFORE_CUE = /(doğum\s+tarixi|doğulma\s+tarixi|d\.\s*t\.)[\s:]*$/i;

export function findBirthDates(text: string): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(DATE)) {
    const start = m.index!;
    const end = start + m[0].length;
    const after = text.slice(end, end + 130);
    const before = text.slice(Math.max(0, start - 30), start);
    // The birth word must follow before any other date.
    const afterCue = AFTER_CUE.exec(after);
    const cue = (afterCue && !/\d{4}/.test(after.slice(0, afterCue.index + afterCue[0].length - afterCue[1].length)))
      || BEFORE_CUE.test(before);
    if (!cue) continue;
    let mask: string;
    if (m[1]) mask = `xx.xx.${m[3]}`;
    else if (m[4]) mask = `xx xxxxxx ${m[6]}${m[7] ?? ''}`;
    else mask = m[0].replace(new RegExp(`\\s(\\d{1,2})\\s+(${MONTHS})[\\p{L}]*$`, 'iu'), ' xx xxxxxx');
    out.push({ start, end, label: 'BIRTH_DATE', mask, source: 'pattern' });
  }
  return out;
}
