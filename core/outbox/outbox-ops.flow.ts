/**
 * What an operator may do with the agencies' outbox: see the dead letters (events an agency never
 * acknowledged after every retry) and send one again. Each is a request signed by an active
 * operator, like the case-management system's changes (deny by default), and audited, refusals
 * included. The view names events, agencies, decisions and reason codes — never the payload,
 * which carries the parties' data.
 */
import { HubError } from '../../contracts/hub';
import type { AuditEventInput } from '../audit/audit-types';
import { isDenied } from '../authz/authz.types';
import { authorizeOperator } from '../authz/operator.policy';
import type { Court, CallCtx } from '../court/signed-request';
import { audit, nonceKeepUntil, refuse, verifySigned } from '../court/signed-request';
import { checker, NONCE } from '../orders/schema-check';
import type { Db } from '../store/db';
import { deadLetters, requeueDead } from './outbox-store';

const WINDOW = {
  issuedAt: { type: 'string', format: 'date-time' },
  expiresAt: { type: 'string', format: 'date-time' },
  nonce: { type: 'string', pattern: NONCE },
} as const;

export interface DeadLetterRequest { issuedAt: string; expiresAt: string; nonce: string; limit?: number }
export const parseDeadLetterRequest = checker<DeadLetterRequest>({
  type: 'object', additionalProperties: false, required: ['issuedAt', 'expiresAt', 'nonce'],
  properties: { limit: { type: 'integer', minimum: 1, maximum: 1000 }, ...WINDOW },
}, 'dead-letter request');

export interface RequeueRequest { issuedAt: string; expiresAt: string; nonce: string; eventId: string }
export const parseRequeueRequest = checker<RequeueRequest>({
  type: 'object', additionalProperties: false, required: ['eventId', 'issuedAt', 'expiresAt', 'nonce'],
  properties: { eventId: { type: 'string', format: 'uuid' }, ...WINDOW },
}, 'requeue request');

async function operatorOnly<T extends { issuedAt: string; expiresAt: string; nonce: string }>(
  c: Court, ctx: CallCtx, body: unknown, parse: (v: unknown) => T, action: string,
): Promise<{ doc: T; ev: (outcome: string, details?: Record<string, unknown>) => AuditEventInput }> {
  const mk = (outcome: string, actor?: string, details: Record<string, unknown> = {}): AuditEventInput => ({
    type: 'outbox-operated', outcome, requestId: ctx.requestId, actor: actor ?? null, details: { action, ...details },
  });
  const { document: d, signer } = await verifySigned(c, body, { key: 'request', parse, refusal: (code) => [mk(code)] });
  const roster = signer.fin ? await c.deps.store.roster(signer.fin) : null;
  const nonceFresh = await c.deps.store.claimNonce(d.nonce, nonceKeepUntil(c, d));
  const verdict = authorizeOperator({ signer, roster, request: d, now: c.now(), nonceFresh, limits: c.limits });
  if (isDenied(verdict)) return refuse(c, [mk(verdict.deny, signer.fin)], verdict.deny);
  return { doc: d, ev: (outcome, details) => mk(outcome, signer.fin, details) };
}

export async function runDeadLetterView(c: Court, db: Db, ctx: CallCtx, body: unknown) {
  const { doc, ev } = await operatorOnly(c, ctx, body, parseDeadLetterRequest, 'dead-letter-view');
  const events = await deadLetters(db, doc.limit ?? 100);
  await audit(c, [ev('viewed', { events: events.length })]);
  return { generatedAt: c.now().toISOString(), events: events.map((e) => ({ ...e, createdAt: new Date(e.createdAt).toISOString() })) };
}

export async function runRequeue(c: Court, db: Db, ctx: CallCtx, body: unknown) {
  const { doc, ev } = await operatorOnly(c, ctx, body, parseRequeueRequest, 'requeue');
  // Audited before it takes effect: fail closed.
  await audit(c, [ev('requeued', { eventId: doc.eventId })]);
  if (!(await requeueDead(db, doc.eventId))) {
    throw new HubError('HUB_ERR_VALIDATION_NOT_FOUND', { origin: 'client', message: 'No dead event with this id (it may have been delivered or sent again already)' });
  }
  return { eventId: doc.eventId, state: 'pending' };
}
