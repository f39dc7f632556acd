/**
 * Turns what a caller hands to `append` into what is stored: identifiers replaced by HMACs,
 * everything checked. A malformed event, or one whose details would carry personal data in the
 * clear, is refused (HUB_ERR_AUDIT_INVALID_EVENT): the trail must never become the leak.
 */
import { HubError } from '../../contracts/hub';
import { AUDIT_EVENT_TYPES, type AuditEventInput, type AuditEventType } from './audit-types';
import { identifierHmac, type HmacKey } from './identifiers';

/** The stored form before it is placed in the chain (no seq, prevHash or hash yet). */
export interface PreparedEvent {
  at: string;
  type: AuditEventType;
  requestId: string;
  actor: string | null;
  subject: string | null;
  caseNumber: string | null;
  categories: string[];
  outcome: string;
  details: Record<string, unknown>;
}

const TYPES = new Set<string>(AUDIT_EVENT_TYPES);
const TOKEN = /^[A-Za-z0-9_.:()/-]{1,120}$/;
const CATEGORY = /^\d+(\.\d+)*$/;
const MAX_DETAILS_BYTES = 8192;
/** Keys that name personal data; details use ids, codes and digests instead. */
const PERSONAL_KEYS = new Set(['fin', 'voen', 'name', 'surname', 'givenname', 'patronymic', 'fullname', 'birthdate',
  'dateofbirth', 'documentnumber', 'phone', 'email', 'address', 'subject', 'actor', 'person']);

function invalid(rule: string, field: string): HubError {
  return new HubError('HUB_ERR_AUDIT_INVALID_EVENT', { details: { field, rule } });
}

/**
 * Throws on the first value that is not plain JSON, has a personal-data key or carries one of the
 * identifiers in the clear. `path` is built only for the error (most events have none).
 */
function checkDetails(value: unknown, path: () => string, clear: readonly string[]): void {
  if (typeof value === 'string') {
    if (clear.length === 0) return;
    const upper = value.toUpperCase();
    for (const id of clear) if (upper.includes(id)) throw invalid('identifier in the clear', path());
    return;
  }
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      if (i in value) checkDetails(value[i], () => `${path()}[${i}]`, clear); // a hole is null in JSON, as forEach skips it
    }
    return;
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const k of Object.keys(value)) {
      if (PERSONAL_KEYS.has(k.toLowerCase())) throw invalid('personal-data key', `${path()}.${k}`);
      checkDetails((value as Record<string, unknown>)[k], () => `${path()}.${k}`, clear);
    }
    return;
  }
  throw invalid('plain JSON only', path());
}

const DETAILS = () => 'details';

/** `at` as a Date or already as its ISO 8601 form (one for every event of an append). */
export function prepareEvent(e: AuditEventInput, key: HmacKey, at: Date | string): PreparedEvent {
  if (!e || typeof e !== 'object') throw invalid('object', 'event');
  if (!TYPES.has(e.type)) throw invalid('known type', 'type');
  if (typeof e.requestId !== 'string' || !TOKEN.test(e.requestId)) throw invalid('token', 'requestId');
  if (typeof e.outcome !== 'string' || !TOKEN.test(e.outcome)) throw invalid('token', 'outcome');
  if (e.caseNumber != null && (typeof e.caseNumber !== 'string' || !TOKEN.test(e.caseNumber))) throw invalid('token', 'caseNumber');
  const categories = [...(e.categories ?? [])];
  if (!categories.every((c) => typeof c === 'string' && CATEGORY.test(c))) throw invalid('section numbers', 'categories');
  if (e.actor != null && (typeof e.actor !== 'string' || e.actor.trim() === '')) throw invalid('FIN', 'actor');
  const subject = e.subject ?? null;
  if (subject !== null && !('fin' in subject && typeof subject.fin === 'string') && !('voen' in subject && typeof subject.voen === 'string')) {
    throw invalid('{fin} or {voen}', 'subject');
  }
  const details = e.details ?? {};
  const clear: string[] = [];
  const actorId = e.actor?.trim().toUpperCase();
  if (actorId) clear.push(actorId);
  const subjectId = subject ? ('fin' in subject ? subject.fin : subject.voen).trim().toUpperCase() : '';
  if (subjectId) clear.push(subjectId);
  checkDetails(details, DETAILS, clear);
  const detailsJson = JSON.stringify(details);
  if (Buffer.byteLength(detailsJson) > MAX_DETAILS_BYTES) throw invalid(`at most ${MAX_DETAILS_BYTES} bytes`, 'details');
  return {
    at: typeof at === 'string' ? at : at.toISOString(),
    type: e.type,
    requestId: e.requestId,
    actor: e.actor != null ? identifierHmac(key, { fin: e.actor }) : null,
    subject: subject ? identifierHmac(key, subject) : null,
    caseNumber: e.caseNumber ?? null,
    categories,
    outcome: e.outcome,
    // Through JSON once, so the hash covers exactly what jsonb will give back.
    details: JSON.parse(detailsJson) as Record<string, unknown>,
  };
}
