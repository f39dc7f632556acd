/**
 * The bank, the migration service and the property register as mock decision consumers: each takes
 * the hub's signed callbacks and acts on the ones that concern it — the bank arrests accounts, the
 * migration service records a travel ban, the property register an encumbrance — keeping a ledger
 * of what it did (GET /ledger), by decision and with the event id it acted on. What a party's
 * accounts, passports or parcels are stays the agency's own business: the ledger names the
 * decision, the case and the action, not the party.
 */
import type { RequestVerifier, SignerHooks } from '../kit/signers';
import { callbackHandler, type PushedEvent } from './callback-endpoint';
import { sendJson, startConsumerServer, type ConsumerServer } from './consumer-server';

export interface LedgerEntry {
  decisionId: string; caseNumber?: string; action: string; eventId: string; eventType: string; seq: number; at: string;
  /** Whom the order concerns, as the agency read the decision back from the hub (its signed getDecision). */
  parties?: { role: string; fin?: string; voen?: string }[];
}

export interface ActingAgency { id: string; callbackUrl: string; ledger: LedgerEntry[]; events: PushedEvent[]; server: ConsumerServer; close(): Promise<void> }

/** Which actions each mock agency carries out when a decision naming them enters legal force. */
export const ACTS: Record<string, string[]> = {
  'demo-bank': ['arrest-accounts', 'release-accounts'],
  migration: ['travel-ban', 'lift-travel-ban'],
  property: ['encumbrance', 'lift-encumbrance'],
};

export type DecisionReader = (decisionId: string) => Promise<{ parties?: { role: string; fin?: string; voen?: string }[] }>;

export async function startActingAgency(o: { id: string; host?: string; port?: number; verifier: RequestVerifier; signer: SignerHooks; pull?: DecisionReader }): Promise<ActingAgency> {
  const ledger: LedgerEntry[] = [];
  const events: PushedEvent[] = [];
  const acts = new Set(ACTS[o.id] ?? []);
  const onEvent = (e: PushedEvent) => {
    events.push(e);
    const actions = Array.isArray(e.payload?.actions) ? (e.payload.actions as unknown[]).filter((a): a is string => typeof a === 'string') : [];
    const at = new Date().toISOString();
    for (const action of actions) {
      if (e.type === 'decision-in-force' && acts.has(action)) {
        const entry: LedgerEntry = { decisionId: e.decisionId, caseNumber: typeof e.payload.caseNumber === 'string' ? e.payload.caseNumber : undefined, action, eventId: e.eventId, eventType: e.type, seq: e.seq, at };
        ledger.push(entry);
        // The callback names the decision and the action; whom it concerns the agency reads back itself.
        o.pull?.(e.decisionId).then((d) => { entry.parties = d.parties?.map(({ role, fin, voen }) => ({ role, fin, voen })); }, () => undefined);
      }
    }
  };
  const server = await startConsumerServer({
    host: o.host, port: o.port,
    routes: {
      'POST /court-events': callbackHandler({ verifier: o.verifier, signer: o.signer, onEvent }),
      'GET /ledger': (_req, res) => sendJson(res, 200, { agency: o.id, ledger, events: events.map((e) => ({ eventId: e.eventId, type: e.type, decisionId: e.decisionId, seq: e.seq })) }),
    },
  });
  return { id: o.id, callbackUrl: `${server.url}/court-events`, ledger, events, server, close: () => server.close() };
}
