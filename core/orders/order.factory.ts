/** Builds a fresh lookup order (CLI `court-hub order create`): new orderId and nonce, a short validity window. */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Subject } from '../../contracts/hub';
import { parseOrder } from './order.schema';
import type { LookupOrder, OrderBasis } from './order.types';

export const DEFAULT_ORDER_TTL_MS = 15 * 60_000;

export interface NewOrder {
  caseNumber: string;
  subject: Subject;
  categories: string[];
  decisionId?: string;
  purpose?: string;
  now?: Date;
  ttlMs?: number;
  /** Scatter-gather sections: the institutions to ask (a follow-up order). */
  institutions?: Record<string, string[]>;
  followUpOf?: string;
}

export function newNonce(): string {
  return randomBytes(18).toString('base64url');
}

export function createOrder(o: NewOrder): LookupOrder {
  const now = o.now ?? new Date();
  const basis: OrderBasis = o.decisionId ? { kind: 'decision', decisionId: o.decisionId } : { kind: 'request' };
  return parseOrder({
    orderId: randomUUID(),
    caseNumber: o.caseNumber,
    subject: o.subject,
    categories: o.categories,
    basis,
    purpose: o.purpose ?? 'Court proceedings (statute 11.2)',
    issuedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + (o.ttlMs ?? DEFAULT_ORDER_TTL_MS)).toISOString(),
    nonce: newNonce(),
    ...(o.institutions ? { institutions: o.institutions } : {}),
    ...(o.followUpOf ? { followUpOf: o.followUpOf } : {}),
  });
}

/** "5ZK8F3R" → {fin}, "1401234561" → {voen}; anything else is left to the schema to refuse. */
export function subjectFromId(id: string): Subject {
  return /^[0-9]{10}$/.test(id) ? { voen: id } : { fin: id };
}
