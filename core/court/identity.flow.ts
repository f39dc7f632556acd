/**
 * court.verifyIdentity (statute 9.1.2): a clerk's own signed request, under a judge's
 * delegation for the case → the population register (11.2.22, through lookups.run) → per-field
 * match / mismatch and the document's status. The registry's record never leaves this function.
 */
import type { LookupResult } from '../../contracts/hub';
import { HubError, isHubErrorCode, type HubErrorCode } from '../../contracts/hub';
import type { AuditEventInput } from '../audit/audit-types';
import { isDenied } from '../authz/authz.types';
import { IDENTITY_SECTION, parseIdentityRequest, type IdentityRequest } from '../identity/identity-request';
import { authorizeIdentityCheck } from '../identity/identity.policy';
import { matchIdentity, notFoundVerdict, type IdentityVerdict } from '../identity/identity.match';
import type { DelegationView } from '../delegations/delegation.types';
import { budgetOf } from './deadlines';
import { isAdmissionRefused } from './order-admission';
import { CallCtx, Court, audit, nonceKeepUntil, refuse, verifySigned, xroadUserId } from './signed-request';

export interface IdentityCheckResult extends IdentityVerdict {
  requestId: string;
  caseNumber: string;
}

export async function runIdentityCheck(c: Court, ctx: CallCtx, body: unknown): Promise<IdentityCheckResult> {
  const requestId = ctx.requestId;
  const budget = budgetOf(c, ctx.timeoutMs);
  const ev = (type: AuditEventInput['type'], outcome: string, r?: IdentityRequest, actor?: string, details: Record<string, unknown> = {}): AuditEventInput => ({
    type, outcome, requestId, actor: actor ?? null, subject: r?.subject ?? null, caseNumber: r?.caseNumber ?? null, categories: [IDENTITY_SECTION], details,
  });

  const { document: req, signer } = await verifySigned(c, body, {
    key: 'request',
    parse: parseIdentityRequest,
    refusal: (code, r) => [ev('identity-verified', code, r)],
  });
  const fin = signer.fin;
  const { store } = c.deps;
  const now = c.now();
  const clerk = fin as string;
  const started = (delegations: DelegationView[]): AuditEventInput[] => {
    const inForce = delegations.find((d) => d.revokedAt === null && d.validFrom <= now && now < d.validUntil);
    return [
      ev('delegation-used', 'used', req, clerk, { delegationId: inForce?.id ?? 'unknown' }),
      ev('provider-call-started', 'started', req, clerk, { provider: 'population' }),
    ];
  };

  // One round trip to admit and authorize when the policy allows the check on this node's cached
  // facts: the nonce is claimed with the audit records, if those facts are still current and the
  // nonce new (store migrations/010); otherwise the way below decides with fresh facts.
  let admitted = false;
  const kept = fin !== undefined && store.cachedIdentityFacts ? await store.cachedIdentityFacts(fin, req.caseNumber).catch(() => null) : null;
  if (kept && !isDenied(authorizeIdentityCheck({
    signer, request: req, now, caseRecord: kept.courtCase, roster: kept.roster, delegations: kept.delegations, nonceFresh: true, limits: c.limits,
  }))) {
    try {
      const admission = { generation: kept.generation, nonce: req.nonce, nonceExpiresAt: nonceKeepUntil(c, req) };
      await audit(c, started(kept.delegations), { deadline: budget.registriesBy, admission });
      admitted = true;
    } catch (err) {
      if (!isAdmissionRefused(err)) throw err;
      if (HubError.is(err) && err.details?.factsMoved === true) store.forgetFacts?.();
    }
  }
  if (!admitted) {
    // One round trip: the clerk's roster entry, the case, the delegations, and the nonce's single use.
    const { roster, courtCase: caseRecord, delegations, nonceFresh } = await store.identityFacts(fin ?? null, req.caseNumber, req.nonce, nonceKeepUntil(c, req));
    const verdict = authorizeIdentityCheck({ signer, request: req, now, caseRecord, roster, delegations, nonceFresh, limits: c.limits });
    if (isDenied(verdict)) return refuse(c, [ev('identity-verified', verdict.deny, req, fin)], verdict.deny);
    await audit(c, started(delegations), { deadline: budget.registriesBy });
  }

  let result: LookupResult;
  try {
    result = await ctx.call<LookupResult>('lookups.run', {
      subject: req.subject, categories: [IDENTITY_SECTION], caseNumber: req.caseNumber, requesterId: xroadUserId(clerk),
      deadline: budget.registriesBy,
    }, { timeout: Math.max(1, budget.answerBy - Date.now()) });
  } catch (err) {
    const code: HubErrorCode = HubError.is(err) ? err.code : 'HUB_ERR_BUS_UNAVAILABLE';
    await audit(c, [ev('provider-call-ended', code, req, clerk, { provider: 'population' })], { deadline: budget.answerBy });
    throw HubError.is(err) ? err : new HubError('HUB_ERR_BUS_UNAVAILABLE');
  }
  const o = result.outcomes[0];
  const ended = ev('provider-call-ended', o?.error?.code ?? o?.status ?? 'error', req, clerk, {
    provider: o?.provider ?? 'population', status: o?.status ?? 'error',
    ...(o?.messageId ? { messageId: o.messageId } : {}), ...(o?.responseHash ? { responseHash: o.responseHash } : {}),
  });
  if (!o || (o.status !== 'ok' && o.status !== 'not-found')) {
    await audit(c, [ended], { deadline: budget.answerBy });
    // Never a false "no match": a registry failure is reported as such (docs/conventions.md §4).
    const code = o?.error?.code;
    throw new HubError(code && isHubErrorCode(code) ? code : 'HUB_ERR_UPSTREAM_BAD_ANSWER');
  }
  const today = now.toISOString().slice(0, 10);
  const v = o.status === 'ok' ? matchIdentity(req, o.data, today) : notFoundVerdict(req);
  const allMatch = v.found && Object.values(v.fields).every((f) => f === 'match');
  await audit(c, [ended, ev('identity-verified', v.found ? (allMatch ? 'match' : 'mismatch') : 'not-found', req, clerk, {
    // Counts only: the audit trail refuses field names of personal data as keys, and needs no more.
    documentStatus: v.documentStatus,
    fieldsChecked: Object.keys(v.fields).length, fieldsMatched: Object.values(v.fields).filter((f) => f === 'match').length,
  })], { deadline: budget.answerBy });
  return { requestId, caseNumber: req.caseNumber, ...v };
}
