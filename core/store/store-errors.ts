/**
 * Database errors become HubErrors here, once. PostgreSQL's own messages can quote row values
 * ("Key (fin)=(…) already exists"), which may be personal data, so neither the message nor
 * the raw error is carried on: only the SQLSTATE and the names of the constraint and table.
 */
import { HubError } from '../../contracts/hub';

interface PgLikeError { code?: unknown; constraint?: unknown; table?: unknown; errno?: unknown; syscall?: unknown }

/** SQLSTATE classes that mean "the server is not there or went away": worth retrying later. */
const UNAVAILABLE_CLASSES = ['08', '57', '53'];
const UNAVAILABLE_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);

export function toStoreError(err: unknown): HubError {
  if (err instanceof HubError) return err;
  const e = (err ?? {}) as PgLikeError;
  const code = typeof e.code === 'string' ? e.code : undefined;
  const details: Record<string, unknown> = {};
  if (code) details.sqlState = code;
  if (typeof e.constraint === 'string') details.constraint = e.constraint;
  if (typeof e.table === 'string') details.table = e.table;
  const message = err instanceof Error ? err.message : '';
  const unavailable = (code !== undefined && (UNAVAILABLE_NODE_CODES.has(code) || (code.length === 5 && UNAVAILABLE_CLASSES.includes(code.slice(0, 2)))))
    || /Connection terminated|Client was closed|Cannot use a pool after calling end/i.test(message);
  return new HubError(unavailable ? 'HUB_ERR_STORE_UNAVAILABLE' : 'HUB_ERR_STORE_FAILED', { details });
}

/** 23505: the row breaks a unique constraint (an insert-or-fail lost the race). */
export function isUniqueViolation(err: unknown): boolean {
  return err instanceof HubError && err.details?.sqlState === '23505';
}
