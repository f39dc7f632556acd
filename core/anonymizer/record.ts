/**
 * One JSON line of batch use (`npm run -s anonymize`): `{ id, text, parties }` in,
 * `{ id, text_out, spans }` out, spans with input offsets and a label, as docs/anonymization.md fixes.
 */
import { HubError } from '../../contracts/hub';
import { anonymize } from './anonymize';
import type { AnonymizeOptions, Label, Party } from './types';

export interface AnonymizeInput { id: string; text: string; parties?: Party[] }
export interface AnonymizeOutput { id: string; text_out: string; spans: { start: number; end: number; label: Label }[] }

function validParties(v: unknown): v is Party[] {
  return Array.isArray(v) && v.every((p) => p && typeof p.name === 'string' && typeof p.role === 'string' && (p.type === 'person' || p.type === 'entity'));
}

export function anonymizeRecord(input: unknown, options: AnonymizeOptions = {}): AnonymizeOutput {
  const r = input as AnonymizeInput;
  if (!r || typeof r !== 'object' || typeof r.id !== 'string' || typeof r.text !== 'string' || (r.parties !== undefined && !validParties(r.parties))) {
    throw new HubError('HUB_ERR_VALIDATION_BAD_REQUEST', { message: 'a line must be { "id": string, "text": string, "parties": [{ "name", "role", "type": "person"|"entity" }] }' });
  }
  const res = anonymize(r.text, r.parties ?? [], options);
  return { id: r.id, text_out: res.textOut, spans: res.spans.map((s) => ({ start: s.start, end: s.end, label: s.label })) };
}
