/**
 * The JSON body of a HubError answer, `{ error: { code, category, message, details, requestId } }`
 * (contracts/hub/openapi.yaml HubErrorBody), bounded whatever the request was: the first 50
 * schema violations and their total count, short messages, and none of the database's own names
 * (SQLSTATE, constraint, table) — those stay in the hub's logs and its catalogue code.
 */
import type { HubError } from '../contracts/hub';

export const ERROR_BODY_LIMITS = { violations: 50, violationChars: 200, messageChars: 500 } as const;

/** Keys the store puts in details for the hub's own use (core/store/store-errors.ts); never sent to a client. */
const STORE_INTERNALS = new Set(['sqlState', 'constraint', 'table', 'column', 'schema']);

export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function publicDetails(details: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!details) return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(details)) {
    if (STORE_INTERNALS.has(key) || key === 'violationCount') continue;
    if (key === 'violations' && Array.isArray(value)) {
      out.violations = value.slice(0, ERROR_BODY_LIMITS.violations).map((v) => clip(String(v), ERROR_BODY_LIMITS.violationChars));
      out.violationCount = typeof details.violationCount === 'number' ? details.violationCount : value.length;
      continue;
    }
    out[key] = value;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

export function errorBody(err: HubError, requestId?: string): { error: Record<string, unknown> } {
  return {
    error: {
      code: err.code,
      category: err.category,
      message: clip(err.message, ERROR_BODY_LIMITS.messageChars),
      details: publicDetails(err.details),
      requestId,
    },
  };
}
