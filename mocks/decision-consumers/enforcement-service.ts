/**
 * The enforcement service ("Elektron icra") as a mock decision consumer (statute 6.1.19):
 * - takes the hub's transferDecision over EHİS SOAP (contracts/agencies/enforcement-transfer.wsdl):
 *   the hub's WS-Security checked by the launcher's verifier, the answer signed by the agency and
 *   bound to the request (xrd:requestHash); idempotent by decision id — a decision sent again is
 *   answered with the same proceeding, `already-accepted`;
 * - takes the hub's signed callbacks like any agency;
 * - works each new proceeding on a schedule and reports its progress back to the hub through the
 *   agency service (the `report` hook the launcher wires: a signed reportEnforcementStatus), with a
 *   version per decision that only grows: opened → in-progress → amount-recovered → completed.
 *   A report the hub did not take is sent again at the next step.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { childElements, onlyChild, textContent } from '../../signing/xml/light-dom';
import type { RequestVerifier, SignerHooks } from '../kit/signers';
import { answerEnvelope, escapeXml, faultContent, readSoapRequest, type FaultCode, type SoapRequestInfo } from '../kit/xroad-soap';
import { callbackHandler, type PushedEvent } from './callback-endpoint';
import { sendJson, startConsumerServer, type ConsumerServer } from './consumer-server';

export const TRANSFER_NS = 'http://icra.gov.az/xroad/court-transfer/v1';

export type EnforcementStatusName = 'opened' | 'in-progress' | 'amount-recovered' | 'completed' | 'returned';
export interface StatusReportOut { decisionId: string; proceedingNumber: string; version: number; status: EnforcementStatusName; amountRecovered?: string; note?: string; reportedAt: string }

export interface Proceeding {
  decisionId: string;
  proceedingNumber: string;
  caseNumber: string;
  acceptedAt: string;
  actions: string[];
  transfers: number;
  /** Reports made (accepted by the hub) and the next one to make. */
  reported: StatusReportOut[];
  next: number;
}

/** The demo plan of a proceeding: what is reported at each step. */
export const DEMO_PLAN: { status: EnforcementStatusName; amountRecovered?: string; note?: string }[] = [
  { status: 'opened', note: 'Proceeding opened' },
  { status: 'in-progress', note: 'Accounts arrested by the bank' },
  { status: 'amount-recovered', amountRecovered: '1500.00', note: 'Partial recovery' },
  { status: 'completed', amountRecovered: '3000.00', note: 'Recovered in full' },
];

export interface EnforcementService {
  url: string;
  transferUrl: string;
  callbackUrl: string;
  proceedings: Map<string, Proceeding>;
  events: PushedEvent[];
  /** Runs one step of every proceeding now (tests; the timer does it every stepMs). */
  step(): Promise<void>;
  server: ConsumerServer;
  close(): Promise<void>;
}

export async function startEnforcementService(o: {
  host?: string; port?: number;
  /** The hub's WS-Security on transfers, the hub's JWS on callbacks. */
  verifySoap: RequestVerifier; verifyRest: RequestVerifier;
  signer: SignerHooks;
  /** Sends a status report to the hub's agency service; rejects when the hub did not take it. */
  report?: (r: StatusReportOut) => Promise<void>;
  /** Time between two steps of a proceeding (0: only step()). Default 3000. */
  stepMs?: number;
  plan?: typeof DEMO_PLAN;
}): Promise<EnforcementService> {
  const proceedings = new Map<string, Proceeding>();
  const events: PushedEvent[] = [];
  const plan = o.plan ?? DEMO_PLAN;
  let counter = 0;

  const soap = (res: ServerResponse, status: number, ctx: SoapRequestInfo, content: string) => {
    const xml = answerEnvelope(ctx.headers, content, ctx.requestHash);
    const body = Buffer.from(o.signer.soap ? o.signer.soap(xml) : xml);
    res.writeHead(status, { 'Content-Type': 'text/xml; charset=utf-8', 'Content-Length': String(body.length) }).end(body);
  };
  const fault = (res: ServerResponse, ctx: SoapRequestInfo, code: FaultCode, message: string, detail?: string) => soap(res, 500, ctx, faultContent(code, message, detail));

  async function transfer(req: IncomingMessage, res: ServerResponse, raw: Buffer): Promise<void> {
    const ctx = readSoapRequest(raw);
    if (ctx.error || !ctx.body) return fault(res, ctx, 'Client.InvalidRequest', 'Not a well-formed SOAP 1.1 envelope');
    try {
      await o.verifySoap(raw, req.headers);
    } catch {
      return fault(res, ctx, 'Client.InvalidSignature', 'The request signature did not verify');
    }
    const kids = childElements(ctx.body);
    const op = kids.length === 1 && kids[0].ns === TRANSFER_NS && kids[0].local === 'transferDecision' ? kids[0] : undefined;
    if (!op) return fault(res, ctx, 'Client.InvalidRequest', 'Unknown operation');
    const text = (name: string) => { const e = onlyChild(op, TRANSFER_NS, name); return e ? textContent(e).trim() : ''; };
    const decisionId = text('decisionId');
    if (!decisionId || !text('legalForceAt') || childElements(op, TRANSFER_NS, 'party').length === 0) {
      return fault(res, ctx, 'Client.InvalidRequest', 'The transfer misses the decision, its entry into force or its parties',
        `<t:invalidTransfer xmlns:t="${TRANSFER_NS}"><t:decisionId>${escapeXml(decisionId || '-')}</t:decisionId><t:reason>incomplete</t:reason></t:invalidTransfer>`);
    }
    let p = proceedings.get(decisionId);
    const fresh = !p;
    if (!p) {
      counter += 1;
      p = {
        decisionId, caseNumber: text('caseNumber'), proceedingNumber: `ICRA-${new Date().getUTCFullYear()}-${String(counter).padStart(6, '0')}`,
        acceptedAt: new Date().toISOString(), actions: childElements(op, TRANSFER_NS, 'action').map((e) => textContent(e).trim()), transfers: 0, reported: [], next: 0,
      };
      proceedings.set(decisionId, p);
    }
    p.transfers += 1;
    soap(res, 200, ctx, `<t:transferDecisionResponse xmlns:t="${TRANSFER_NS}"><t:decisionId>${escapeXml(decisionId)}</t:decisionId>` +
      `<t:proceedingNumber>${escapeXml(p.proceedingNumber)}</t:proceedingNumber><t:status>${fresh ? 'accepted' : 'already-accepted'}</t:status>` +
      `<t:acceptedAt>${p.acceptedAt}</t:acceptedAt></t:transferDecisionResponse>`);
  }

  const stepMs = o.stepMs ?? 3000;
  let stepping: Promise<void> | null = null;
  async function stepOnce(): Promise<void> {
    if (!o.report) return;
    for (const p of proceedings.values()) {
      if (p.next >= plan.length) continue;
      // A proceeding opens a step after the transfer was accepted, not at once.
      if (p.next === 0 && Date.now() - Date.parse(p.acceptedAt) < stepMs) continue;
      const s = plan[p.next];
      const r: StatusReportOut = { decisionId: p.decisionId, proceedingNumber: p.proceedingNumber, version: p.next + 1, status: s.status, amountRecovered: s.amountRecovered, note: s.note, reportedAt: new Date().toISOString() };
      try {
        await o.report(r);
        p.reported.push(r);
        p.next += 1;
      } catch { /* the hub did not take it: the same report again at the next step */ }
    }
  }
  const step = () => (stepping ??= stepOnce().finally(() => { stepping = null; }));
  const timer = stepMs > 0 ? setInterval(() => void step(), stepMs) : null;
  timer?.unref();

  const server = await startConsumerServer({
    host: o.host, port: o.port,
    routes: {
      'POST /enforcement-transfer': transfer,
      'POST /court-events': callbackHandler({ verifier: o.verifyRest, signer: o.signer, onEvent: (e) => { events.push(e); } }),
      'GET /ledger': (_req, res) => sendJson(res, 200, { agency: 'enforcement', proceedings: [...proceedings.values()], events: events.map((e) => ({ eventId: e.eventId, type: e.type, decisionId: e.decisionId, seq: e.seq })) }),
    },
  });
  return {
    url: server.url, transferUrl: `${server.url}/enforcement-transfer`, callbackUrl: `${server.url}/court-events`,
    proceedings, events, step, server,
    async close() { if (timer) clearInterval(timer); await stepping; await server.close(); },
  };
}
