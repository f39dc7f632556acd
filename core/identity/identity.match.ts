/**
 * Compares what the party presented with the population register's record (9.1.2) and keeps
 * only the verdicts: per field match / mismatch, and the presented document's status. Nothing
 * else of the record leaves this function — not the registered name when it differs, not the
 * address, not the other documents.
 */
import type { IdentityRequest } from './identity-request';

export type FieldVerdict = 'match' | 'mismatch';
export type DocumentStatus = 'valid' | 'expired' | 'lost' | 'revoked' | 'not-matching';

export interface IdentityVerdict {
  found: boolean;
  fields: {
    surname: FieldVerdict;
    givenName: FieldVerdict;
    patronymic?: FieldVerdict;
    birthDate: FieldVerdict;
    documentNumber: FieldVerdict;
  };
  /** Status of the presented document; `not-matching` when its number is not the registered one. */
  documentStatus: DocumentStatus;
}

/** The subset of the population model (contracts/registries/population) read here. */
interface PersonRecord {
  surname?: unknown;
  givenName?: unknown;
  patronymic?: unknown;
  birthDate?: unknown;
  identityDocument?: { series?: unknown; number?: unknown; validUntil?: unknown; status?: unknown };
}

/**
 * Azerbaijani letters compare by the az locale (İ/i, I/ı); spacing and Unicode form do not matter.
 * Upper case in az differs from the default mapping only in i → İ (Unicode SpecialCasing.txt,
 * the conditional mappings for tr and az); the default mapping already gives ı → I. Mapped so,
 * without looking the locale up for every field of every check.
 */
function norm(s: unknown): string {
  if (typeof s !== 'string') return '\u0000';
  const t = s.normalize('NFC').replace(/\s+/g, ' ').trim();
  return (t.indexOf('i') === -1 ? t : t.replace(/i/g, '\u0130')).toUpperCase();
}

function verdict(a: unknown, b: unknown): FieldVerdict {
  const na = norm(a);
  return na !== '\u0000' && na === norm(b) ? 'match' : 'mismatch';
}

function documentMatches(presented: string, doc: PersonRecord['identityDocument']): boolean {
  const p = presented.replace(/\s+/g, '').toUpperCase();
  const number = typeof doc?.number === 'string' ? doc.number : undefined;
  const series = typeof doc?.series === 'string' ? doc.series : '';
  return number !== undefined && (p === `${series}${number}`.toUpperCase() || p === number);
}

export function matchIdentity(req: IdentityRequest, record: unknown, today: string): IdentityVerdict {
  const r = (record ?? {}) as PersonRecord;
  const fields: IdentityVerdict['fields'] = {
    surname: verdict(req.surname, r.surname),
    givenName: verdict(req.givenName, r.givenName),
    birthDate: verdict(req.birthDate, r.birthDate),
    documentNumber: documentMatches(req.documentNumber, r.identityDocument) ? 'match' : 'mismatch',
  };
  if (req.patronymic !== undefined) fields.patronymic = verdict(req.patronymic, r.patronymic);
  let documentStatus: DocumentStatus = 'not-matching';
  if (fields.documentNumber === 'match') {
    const status = r.identityDocument?.status;
    const validUntil = r.identityDocument?.validUntil;
    documentStatus = status === 'lost' || status === 'revoked' || status === 'expired' ? status
      : typeof validUntil === 'string' && validUntil < today ? 'expired'
        : status === 'valid' ? 'valid' : 'not-matching';
  }
  return { found: true, fields, documentStatus };
}

export function notFoundVerdict(req: IdentityRequest): IdentityVerdict {
  const fields: IdentityVerdict['fields'] = { surname: 'mismatch', givenName: 'mismatch', birthDate: 'mismatch', documentNumber: 'mismatch' };
  if (req.patronymic !== undefined) fields.patronymic = 'mismatch';
  return { found: false, fields, documentStatus: 'not-matching' };
}
