/**
 * Subject binding (contracts/registries/README.md, "Binding an answer to its request"): an answer —
 * data or not-found — counts only when it names the very subject the hub asked about, at the place
 * the operation's descriptor declares (`answerSubject`). The kit checks it on the verified answer,
 * before any mapper runs; a mapper never sees the subject asked, so it cannot copy it to pass.
 * Details name the operation and a reason, never the subjects (personal data).
 */
import { HubError, subjectKind, type Subject } from '../../contracts/hub';
import { subjectClaim } from '../../contracts/registries/xroad-profile';
import { onlyChild, textContent, type XmlElement } from '../../signing/xml/light-dom';
import type { AdapterDescriptor } from './descriptor';
import { upstreamError, type UpstreamWhere } from './upstream-errors';

export type AnswerKind = 'data' | 'not-found';

/** The value the subject has for its kind: the FIN or the VÖEN. */
export function subjectValue(s: Subject): string {
  return 'fin' in s ? s.fin : s.voen;
}

/**
 * Start-up check: every operation declares both places for every subject kind it serves, in a
 * form the kit can read. A descriptor that forgets one does not load: configuration is checked once, at start-up.
 */
export function checkSubjectLocations(d: AdapterDescriptor): void {
  const problems: string[] = [];
  for (const op of d.operations) {
    const at = (op as { answerSubject?: { data?: Record<string, unknown>; notFound?: Record<string, unknown> } }).answerSubject;
    for (const kind of op.subjects) {
      for (const which of ['data', 'notFound'] as const) {
        const loc = at?.[which]?.[kind];
        const ok = d.protocol === 'soap'
          ? Array.isArray(loc) && loc.length > 0 && loc.every((s) => typeof s === 'string' && /^[A-Za-z_][-\w.]*$/.test(s))
          : typeof loc === 'string' && /^(\/([^~/]|~[01])*)+$/.test(loc);
        if (!ok) problems.push(`${op.name}: answerSubject.${which}.${kind}`);
      }
    }
  }
  if (problems.length) {
    throw new HubError('HUB_ERR_CONFIG_INVALID', {
      message: `Adapter ${d.provider} does not say where its answers name their subject: ${problems.join(', ')}`,
      details: { provider: d.provider, missing: problems },
    });
  }
}

/** The text at an element path (exactly one element per step, in `ns`), trimmed; undefined if absent. */
export function xmlSubjectAt(from: XmlElement | undefined, ns: string, path: readonly string[]): string | undefined {
  let el = from;
  for (const step of path) {
    if (!el) return undefined;
    el = onlyChild(el, ns, step);
  }
  return el ? textContent(el).trim() : undefined;
}

/** The string at a JSON Pointer (RFC 6901 §4); undefined when absent or not a string. */
export function jsonSubjectAt(doc: unknown, pointer: string): string | undefined {
  let v: unknown = doc;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (v === null || typeof v !== 'object') return undefined;
    if (Array.isArray(v)) {
      if (!/^(0|[1-9][0-9]*)$/.test(key)) return undefined;
      v = v[Number(key)];
    } else {
      if (!Object.prototype.hasOwnProperty.call(v, key)) return undefined;
      v = (v as Record<string, unknown>)[key];
    }
  }
  return typeof v === 'string' ? v : undefined;
}

/** Throws HUB_ERR_UPSTREAM_SUBJECT_MISMATCH unless `named` is exactly the subject asked. */
export function requireSubject(named: string | undefined, asked: Subject, where: UpstreamWhere, kind: AnswerKind, place = 'answer'): void {
  if (named === subjectValue(asked)) return;
  throw upstreamError('HUB_ERR_UPSTREAM_SUBJECT_MISMATCH', where, {
    answer: kind, place, reason: named === undefined ? 'subject-missing' : 'other-subject', subjectKind: subjectKind(asked),
  });
}

/** REST: the answer's signed `sub` parameter must name the subject asked ("fin:…" / "voen:…"). */
export function requireSubjectClaim(claim: unknown, asked: Subject, where: UpstreamWhere, kind: AnswerKind): void {
  if (claim === subjectClaim(asked)) return;
  throw upstreamError('HUB_ERR_UPSTREAM_SUBJECT_MISMATCH', where, {
    answer: kind, place: 'signature', reason: claim === undefined ? 'subject-missing' : 'other-subject', subjectKind: subjectKind(asked),
  });
}
