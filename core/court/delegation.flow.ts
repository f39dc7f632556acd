/**
 * court.delegate (statute 9.1.2): the judge presiding over a case signs a delegation naming
 * court staff and a window; the hub keeps it (with the judge's signature) and audits it.
 */
import type { AuditEventInput } from '../audit/audit-types';
import { isDenied } from '../authz/authz.types';
import { authorizeDelegation } from '../delegations/delegation.policy';
import { parseDelegation, type DelegationDocument } from '../delegations/delegation.types';
import { CallCtx, Court, audit, nonceKeepUntil, refuse, verifySigned } from './signed-request';

export interface DelegationResult { delegationId: string; caseNumber: string; staffCount: number; validFrom: string; validUntil: string }

export async function runDelegation(c: Court, ctx: CallCtx, body: unknown): Promise<DelegationResult> {
  const ev = (outcome: string, d?: DelegationDocument, actor?: string, details: Record<string, unknown> = {}): AuditEventInput => ({
    type: 'delegation-registered', outcome, requestId: ctx.requestId, actor: actor ?? null, caseNumber: d?.caseNumber ?? null,
    details: { ...(d ? { delegationId: d.delegationId } : {}), ...details },
  });
  const { document: d, signature, signer } = await verifySigned(c, body, {
    key: 'delegation',
    parse: parseDelegation,
    refusal: (code, doc) => [ev(code, doc)],
  });
  const fin = signer.fin;
  const { store } = c.deps;
  const [roster, caseRecord, staff] = await Promise.all([
    fin ? store.roster(fin) : Promise.resolve(null),
    store.courtCase(d.caseNumber),
    store.rosterMany(d.staffFins),
  ]);
  const nonceFresh = await store.claimNonce(d.nonce, nonceKeepUntil(c, d));
  const verdict = authorizeDelegation({ signer, delegation: d, now: c.now(), caseRecord, roster, staff, nonceFresh, limits: c.limits });
  if (isDenied(verdict)) return refuse(c, [ev(verdict.deny, d, fin)], verdict.deny);

  await audit(c, [ev('registered', d, fin, { staffCount: d.staffFins.length, validFrom: d.validFrom, validUntil: d.validUntil })]);
  const inserted = await store.insertDelegation({
    id: d.delegationId, caseNumber: d.caseNumber, judgeFin: fin as string, staffFins: d.staffFins,
    validFrom: new Date(d.validFrom), validUntil: new Date(d.validUntil), signature,
  });
  if (!inserted) return refuse(c, [ev('HUB_ERR_AUTHZ_ORDER_ID_REUSED', d, fin)], 'HUB_ERR_AUTHZ_ORDER_ID_REUSED');
  return { delegationId: d.delegationId, caseNumber: d.caseNumber, staffCount: d.staffFins.length, validFrom: d.validFrom, validUntil: d.validUntil };
}
