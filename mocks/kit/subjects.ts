/** Subjects as the mock agencies read them from requests (contracts/registries/identifiers.ts). */
import type { Subject } from '../../contracts/hub/lookup-types';
import { isFin, isVoen } from '../../contracts/registries/identifiers';

export type SubjectKind = 'fin' | 'voen';

/** What a register says of a malformed identifier (no personal data: the value is never echoed). */
export const INVALID_SUBJECT_TEXT: Readonly<Record<SubjectKind, string>> = {
  fin: 'fin: expected 7 characters of [0-9A-Z]',
  voen: 'voen: expected 10 digits',
};

export function validSubject(kind: SubjectKind, value: unknown): Subject | undefined {
  if (kind === 'fin') return isFin(value) ? { fin: value } : undefined;
  return isVoen(value) ? { voen: value } : undefined;
}

/** The subject a bare identifier stands for (fault otherSubject): 10 digits a VÖEN, else a FIN. */
export function subjectOf(value: string): Subject {
  return isVoen(value) ? { voen: value } : { fin: value };
}

export function kindOf(s: Subject): SubjectKind {
  return 'fin' in s ? 'fin' : 'voen';
}

export function valueOf(s: Subject): string {
  return 'fin' in s ? s.fin : s.voen;
}
