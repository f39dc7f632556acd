/**
 * publication.deadlines (statute 12.6): an operator's signed request → every decision whose
 * publication is overdue, due soon or pending, most urgent first. No personal data: decision ids,
 * case numbers, courts and dates.
 */
import { isDenied } from '../authz/authz.types';
import { authorizeOperator } from '../authz/operator.policy';
import { audit, type CallCtx, type Court, nonceKeepUntil, refuse, verifySigned } from '../court/signed-request';
import type { AuditEventInput } from '../audit/audit-types';
import { deadlineReport, type DeadlineReport } from './deadlines';
import type { PublicationDeps } from './ports';
import { parseDeadlinesRequest } from './requests.schema';

export async function runDeadlines(c: Court, p: PublicationDeps & { signedDecisionsSql: string }, ctx: CallCtx, body: unknown): Promise<DeadlineReport> {
  const ev = (outcome: string, actor?: string, details: Record<string, unknown> = {}): AuditEventInput => ({ type: 'publication-deadlines-read', outcome, requestId: ctx.requestId, actor: actor ?? null, details });
  const { document: d, signer } = await verifySigned(c, body, { key: 'request', parse: parseDeadlinesRequest, refusal: (code) => [ev(code)] });
  const roster = signer.fin ? await c.deps.store.roster(signer.fin) : null;
  const nonceFresh = await c.deps.store.claimNonce(d.nonce, nonceKeepUntil(c, d));
  const verdict = authorizeOperator({ signer, roster, request: d, now: c.now(), nonceFresh, limits: c.limits });
  if (isDenied(verdict)) return refuse(c, [ev(verdict.deny, signer.fin)], verdict.deny);
  const report = await deadlineReport(p.db, p.signedDecisionsSql, c.now(), p.warnDays);
  await audit(c, [ev('issued', signer.fin, { overdue: report.counts.overdue, dueSoon: report.counts['due-soon'] })]);
  return report;
}
