/**
 * The court's agency service over EHİS REST (contracts/agencies/court.openapi.json): the REST v2
 * profile of docs/ehis-profiles.md reversed. The agency signs its request with a detached JWS in
 * X-Road-Signature (RFC 7515 appendix F) whose protected header binds the method (`htm`), the
 * request-target (`htu`), `x-road-client`, `x-road-id` and `iat`; the hub verifies it with the
 * certificate pinned for that client in the agencies directory and signs its answer the same way,
 * binding `x-road-id` and `x-road-request-hash`.
 */
import { HubError, type HubErrorCode } from '../../contracts/hub';
import { ERROR_CATALOGUE, CATEGORY_POLICY } from '../../contracts/hub/error-catalogue';
import { AGENCY_METHODS, type AgencyMethod } from '../../agencies/directory.types';
import { refuseAgencyRequest, runAgencyCall, type AgencyDeps } from '../../core/agency/agency.flow';
import { restRequestHash } from '../../contracts/registries/xroad-profile';
import { signDetachedJws, verifyDetachedJws } from '../../signing/jws';
import type { PathValidator } from '../../signing/pki';
import type { WssSigner } from '../../signing/wss';
import type { ReplayGuard } from '../kit/replay-guard';
import { firstUse } from './court-soap';
import { agencyTrust, pinnedAgency, type AgencyDirectoryPort } from './agency-trust';

export const REST_PREFIX = '/ehis/court/v1';
const SKEW_S = 60;
const MAX_AGE_S = 300;

export interface CourtRestDeps extends AgencyDeps {
  directory: AgencyDirectoryPort;
  validator: PathValidator;
  hub: WssSigner;
  replay: ReplayGuard;
  now?: () => Date;
}

export interface RestRequest {
  method: string;
  /** The request-target as on the request line (path and query). */
  target: string;
  headers: Record<string, string | undefined>;
  body: Buffer;
}

export interface RestAnswer { status: number; headers: Record<string, string>; body: string }

const ID = '[A-Za-z0-9][A-Za-z0-9._:-]{7,127}';
const ROUTES: { method: string; path: RegExp; op: AgencyMethod | 'listMethods' | 'allowedMethods' }[] = [
  { method: 'GET', path: /^\/decisions$/, op: 'listDecisions' },
  { method: 'GET', path: new RegExp(`^/decisions/(${ID})$`), op: 'getDecision' },
  { method: 'GET', path: new RegExp(`^/decisions/(${ID})/enforcement-status$`), op: 'getEnforcementStatus' },
  { method: 'POST', path: new RegExp(`^/decisions/(${ID})/enforcement-status$`), op: 'reportEnforcementStatus' },
  { method: 'GET', path: /^\/methods$/, op: 'listMethods' },
  { method: 'GET', path: /^\/allowed-methods$/, op: 'allowedMethods' },
];

function problem(code: HubErrorCode): { status: number; body: Record<string, unknown> } {
  const entry = ERROR_CATALOGUE[code] ?? ERROR_CATALOGUE.HUB_ERR_SYSTEM_INTERNAL;
  const status = code === 'HUB_ERR_AGENCY_SIGNATURE_INVALID' ? 401 : ('httpStatus' in entry && entry.httpStatus) || CATEGORY_POLICY[entry.category].httpStatus;
  return { status, body: { type: `https://court.gov.az/problems/${code}`, title: entry.message, status, code } };
}

function query(target: string): Record<string, unknown> {
  const q = target.indexOf('?');
  const out: Record<string, unknown> = {};
  if (q < 0) return out;
  for (const [k, v] of new URLSearchParams(target.slice(q + 1))) out[k] = /^[0-9]{1,16}$/.test(v) ? Number(v) : v;
  return out;
}

export function createCourtRest(deps: CourtRestDeps) {
  const now = deps.now ?? (() => new Date());

  function answer(status: number, body: unknown, bind: { id?: string; requestHash?: string }, contentType = 'application/json'): RestAnswer {
    const text = JSON.stringify(body);
    const header: Record<string, unknown> = { iat: Math.floor(now().getTime() / 1000) };
    if (bind.id) header['x-road-id'] = bind.id;
    if (bind.requestHash) header['x-road-request-hash'] = bind.requestHash;
    const jws = signDetachedJws(Buffer.from(text), deps.hub, { header });
    return { status, headers: { 'Content-Type': contentType, 'X-Road-Signature': jws, ...(bind.id ? { 'X-Road-Id': bind.id } : {}) }, body: text };
  }

  return async function handle(req: RestRequest, requestId: string): Promise<RestAnswer> {
    const h = (n: string) => req.headers[n.toLowerCase()];
    const path = req.target.split('?')[0].slice(REST_PREFIX.length);
    const route = ROUTES.find((r) => r.method === req.method && r.path.test(path));
    const jws = h('X-Road-Signature');
    const requestHash = jws ? restRequestHash(jws, req.body) : undefined;
    const base = { requestId, messageId: h('X-Road-Id') ?? '', transport: 'rest' as const, method: route?.op ?? 'unknown' };
    let bind: { id?: string; requestHash?: string } = {};
    try {
      const agencies = await deps.directory.activeAgencies();
      let certDer: Buffer | undefined;
      let header: Record<string, unknown>;
      try {
        if (!jws) throw new Error('unsigned');
        const trust = agencyTrust(deps.validator, agencies);
        ({ header } = await verifyDetachedJws(req.body, jws, async (der) => { certDer = der; return trust(der); }));
      } catch {
        return await refuseAgencyRequest(deps, base, 'HUB_ERR_AGENCY_SIGNATURE_INVALID');
      }
      // The signed parameters must be this very request, now, from the client it names.
      const iat = Number(header.iat);
      const t = now().getTime() / 1000;
      const bound = header.htm === req.method && header.htu === req.target && header['x-road-client'] === h('X-Road-Client') &&
        typeof header['x-road-id'] === 'string' && header['x-road-id'] === h('X-Road-Id') &&
        Number.isFinite(iat) && iat <= t + SKEW_S && iat >= t - MAX_AGE_S - SKEW_S;
      const agency = bound ? pinnedAgency(agencies, String(header['x-road-client']), certDer as Buffer) : null;
      if (!bound || !agency || !(await firstUse(deps.replay, agency.id, String(header['x-road-id'])))) return await refuseAgencyRequest(deps, base, 'HUB_ERR_AGENCY_SIGNATURE_INVALID');
      bind = { id: String(header['x-road-id']), requestHash };
      const call = { ...base, agency, messageId: bind.id as string };
      if (!route) return await refuseAgencyRequest(deps, call, 'HUB_ERR_VALIDATION_NOT_FOUND');
      if (route.op === 'listMethods' || route.op === 'allowedMethods') {
        await deps.audit.appendAll([{ type: 'agency-request', outcome: 'ok', requestId, actor: null, details: { agencyId: agency.id, method: route.op, transport: 'rest', messageId: bind.id } }]);
        return answer(200, { methods: route.op === 'listMethods' ? [...AGENCY_METHODS] : agency.rules.methods }, bind);
      }
      const id = route.path.exec(path)?.[1];
      let params: unknown = query(req.target);
      if (route.op === 'getDecision' || route.op === 'getEnforcementStatus') params = { decisionId: id };
      if (route.op === 'reportEnforcementStatus') {
        let body: unknown;
        try { body = JSON.parse(req.body.toString('utf8')); } catch { return await refuseAgencyRequest(deps, call, 'HUB_ERR_VALIDATION_BAD_JSON'); }
        if (body === null || typeof body !== 'object' || Array.isArray(body) || ('decisionId' in body && (body as { decisionId: unknown }).decisionId !== id)) {
          return await refuseAgencyRequest(deps, call, 'HUB_ERR_VALIDATION_BAD_REQUEST');
        }
        params = { ...body, decisionId: id };
      }
      const r = await runAgencyCall(deps, { ...call, method: route.op, params });
      const { method: _m, ...out } = r;
      return answer(200, out, bind);
    } catch (err) {
      const p = problem(HubError.is(err) ? err.code : 'HUB_ERR_SYSTEM_INTERNAL');
      return answer(p.status, p.body, bind, 'application/problem+json');
    }
  };
}
