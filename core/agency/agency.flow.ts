/**
 * The operations of the agency service (statute 7.2.2, 7.2.5, 6.1.19), behind any transport: the
 * caller is an agency already authenticated by the transport (its WS-Security or JWS signature
 * verified against the certificate pinned for it in the directory). Every call — refused or not —
 * is audited before it is answered; a read is not answered unless its record is written.
 */
import { hash } from 'node:crypto';
import { HubError, type HubErrorCode } from '../../contracts/hub';
import type { Agency, AgencyMethod } from '../../agencies/directory.types';
import type { AuditEventInput } from '../audit/audit-types';
import type { AuditPort } from '../court/ports';
import { statusView } from '../decisions/decision.flow';
import { statusChangedEvents } from '../decisions/outbox-events';
import { canonicalBytes } from '../orders/order.canonical';
import { ID, checker } from '../orders/schema-check';
import type { ReportOutcome, StatusEntry, StatusReport } from '../store/repositories/enforcement-status';
import { ENFORCEMENT_STATUSES } from '../store/repositories/enforcement-status';
import type { OutboxEventInput } from '../store/repositories/outbox';
import type { SignedDecision } from '../store/repositories/signed-decisions';
import { checkDecisionAccess, checkMethod } from './agency.policy';
import { summaryFor, viewFor, type DecisionSummary, type DecisionView } from './decision-view';

export interface AgencyStore {
  agencyByMember(memberId: string): Promise<Agency | null>;
  agencies(ids: string[]): Promise<Agency[]>;
  decisionsForAgency(agencyId: string, o: { after: number; limit: number; enforcement: boolean }): Promise<SignedDecision[]>;
  decision(id: string): Promise<SignedDecision | null>;
  currentStatus(decisionId: string): Promise<StatusEntry | null>;
  statusHistory(decisionId: string): Promise<StatusEntry[]>;
  recordStatusReport(r: StatusReport, events: (r: StatusReport) => OutboxEventInput[]): Promise<{ outcome: ReportOutcome; current: StatusEntry | null }>;
}

export interface AgencyDeps { store: AgencyStore; audit: AuditPort }

export interface AgencyCall {
  agency: Agency;
  method: AgencyMethod;
  params: unknown;
  /** The hub's correlation id of this request. */
  requestId: string;
  /** The agency's X-Road message id. */
  messageId: string;
  transport: 'soap' | 'rest';
}

const DECISION_ID = { type: 'string', pattern: ID } as const;
const parseList = checker<{ after?: number; limit?: number }>({
  type: 'object', additionalProperties: false,
  properties: { after: { type: 'integer', minimum: 0 }, limit: { type: 'integer', minimum: 1, maximum: 100 } },
}, 'listDecisions request');
const parseId = checker<{ decisionId: string }>({ type: 'object', additionalProperties: false, required: ['decisionId'], properties: { decisionId: DECISION_ID } }, 'request');
export interface ReportParams { decisionId: string; version: number; status: StatusReport['status']; amountRecovered?: string; note?: string; reportedAt: string }
const parseReport = checker<ReportParams>({
  type: 'object', additionalProperties: false, required: ['decisionId', 'version', 'status', 'reportedAt'],
  properties: {
    decisionId: DECISION_ID,
    version: { type: 'integer', minimum: 1, maximum: 9007199254740991 },
    status: { enum: ENFORCEMENT_STATUSES },
    amountRecovered: { type: 'string', pattern: '^[0-9]{1,16}(\\.[0-9]{1,2})?$' },
    note: { type: 'string', maxLength: 500, pattern: '^[^\\p{Cc}\\p{Cs}]*$' },
    reportedAt: { type: 'string', format: 'date-time' },
  },
}, 'enforcement status report');

export type AgencyResult =
  | { method: 'listDecisions'; decisions: DecisionSummary[]; nextCursor: number }
  | { method: 'getDecision'; decision: DecisionView }
  | { method: 'getEnforcementStatus'; decisionId: string; current: ReturnType<typeof statusView> | null; history: ReturnType<typeof statusView>[] }
  | { method: 'reportEnforcementStatus'; decisionId: string; outcome: Exclude<ReportOutcome, 'conflict'>; current: ReturnType<typeof statusView> | null };

function event(call: Pick<AgencyCall, 'requestId' | 'messageId' | 'transport' | 'method'> & { agency?: Agency | null }, outcome: string, extra: Record<string, unknown> = {}, caseNumber?: string): AuditEventInput {
  return {
    type: call.method === 'reportEnforcementStatus' ? 'enforcement-status-reported' : 'agency-request', outcome, requestId: call.requestId, actor: null,
    caseNumber: caseNumber ?? null, details: { agencyId: call.agency?.id ?? null, method: call.method, transport: call.transport, messageId: call.messageId, ...extra },
  };
}

async function write(deps: AgencyDeps, events: AuditEventInput[]): Promise<void> {
  try {
    await deps.audit.appendAll(events);
  } catch (err) {
    if (HubError.is(err, 'HUB_ERR_AUDIT_WRITE_FAILED')) throw err;
    throw new HubError('HUB_ERR_AUDIT_WRITE_FAILED', { details: { reason: HubError.is(err) ? err.code : 'unexpected' } });
  }
}

/** A request refused before its caller was known (no signature, a wrong one, an unknown agency): audited, then thrown. */
export async function refuseAgencyRequest(deps: AgencyDeps, call: Pick<AgencyCall, 'requestId' | 'messageId' | 'transport'> & { method: string; agency?: Agency | null }, code: HubErrorCode): Promise<never> {
  await write(deps, [event(call as AgencyCall, code)]);
  throw new HubError(code, { origin: 'client' });
}

async function refuse(deps: AgencyDeps, call: AgencyCall, code: HubErrorCode, extra: Record<string, unknown> = {}, caseNumber?: string): Promise<never> {
  await write(deps, [event(call, code, extra, caseNumber)]);
  throw new HubError(code, { origin: 'client' });
}

function params<T>(deps: AgencyDeps, call: AgencyCall, parse: (v: unknown) => T): Promise<T> {
  try {
    return Promise.resolve(parse(call.params));
  } catch (err) {
    return write(deps, [event(call, HubError.is(err) ? err.code : 'HUB_ERR_VALIDATION_BAD_REQUEST')]).then(() => { throw err; });
  }
}

export async function runAgencyCall(deps: AgencyDeps, call: AgencyCall): Promise<AgencyResult> {
  const { store } = deps;
  const { agency } = call;
  const denied = checkMethod(agency, call.method);
  if (denied) return refuse(deps, call, denied);

  if (call.method === 'listDecisions') {
    const p = await params(deps, call, parseList);
    const rows = await store.decisionsForAgency(agency.id, { after: p.after ?? 0, limit: p.limit ?? 50, enforcement: agency.rules.enforcement });
    const decisions = rows.map((d) => summaryFor(d, agency));
    const nextCursor = decisions.length ? decisions[decisions.length - 1].cursor : p.after ?? 0;
    await write(deps, [event(call, 'ok', { after: p.after ?? 0, count: decisions.length, decisionIds: decisions.map((d) => d.decisionId) })]);
    return { method: 'listDecisions', decisions, nextCursor };
  }

  const p = call.method === 'reportEnforcementStatus' ? await params(deps, call, parseReport) : await params(deps, call, parseId);
  const d = await store.decision(p.decisionId);
  const noAccess = checkDecisionAccess(agency, d);
  if (noAccess) return refuse(deps, call, noAccess, { decisionId: p.decisionId });
  const decision = d as SignedDecision;

  if (call.method === 'getDecision') {
    const view = viewFor(decision, agency);
    await write(deps, [event(call, 'ok', { decisionId: decision.id, documentSha256: view.documentSha256 }, decision.caseNumber)]);
    return { method: 'getDecision', decision: view };
  }
  if (call.method === 'getEnforcementStatus') {
    const [current, history] = await Promise.all([store.currentStatus(decision.id), store.statusHistory(decision.id)]);
    await write(deps, [event(call, 'ok', { decisionId: decision.id, versions: history.length }, decision.caseNumber)]);
    return { method: 'getEnforcementStatus', decisionId: decision.id, current: current ? statusView(current) : null, history: history.map(statusView) };
  }

  // reportEnforcementStatus (6.1.19): the enforcement service only (checkMethod), for a decision to be enforced.
  const r = p as ReportParams;
  if (!decision.toEnforce) return refuse(deps, call, 'HUB_ERR_AGENCY_NOT_ADDRESSED', { decisionId: decision.id }, decision.caseNumber);
  const content = { decisionId: r.decisionId, version: r.version, status: r.status, amountRecovered: r.amountRecovered ?? null, note: r.note ?? null, reportedAt: new Date(r.reportedAt).toISOString() };
  const report: StatusReport = {
    ...content, agencyId: agency.id, reportedAt: new Date(content.reportedAt),
    reportSha256: hash('sha256', canonicalBytes(content), 'hex'),
  };
  // Recorded as received before it changes anything (fail closed), then with what it did.
  await write(deps, [event(call, 'received', { decisionId: decision.id, version: r.version, status: r.status, reportSha256: report.reportSha256 }, decision.caseNumber)]);
  const agencies = await store.agencies(decision.addressees.map((a) => a.agencyId));
  const res = await store.recordStatusReport(report, (x) => statusChangedEvents(decision, x, agencies));
  if (res.outcome === 'conflict') return refuse(deps, call, 'HUB_ERR_ENFORCEMENT_REPORT_CONFLICT', { decisionId: decision.id, version: r.version }, decision.caseNumber);
  await write(deps, [event(call, res.outcome, { decisionId: decision.id, version: r.version, currentVersion: res.current?.version ?? null }, decision.caseNumber)]);
  return { method: 'reportEnforcementStatus', decisionId: decision.id, outcome: res.outcome, current: res.current ? statusView(res.current) : null };
}
