/**
 * The agencies that consume court decisions, as mocks that act on what they receive (statute
 * 6.1.19): the enforcement service (transfer over SOAP, callbacks, status reports back on a
 * schedule), one bank, the migration service and the property register (callbacks, each acting on
 * its own kind of order). `npm start` runs them beside the registry mocks; the agencies directory
 * (agencies/directory.json) points each agency's callback here through its callbackEnv.
 */
import type { RequestVerifier, SignerHooks } from '../kit/signers';
import { startActingAgency, type ActingAgency, type DecisionReader } from './acting-agency';
import { startEnforcementService, type EnforcementService, type StatusReportOut } from './enforcement-service';

export const ACTING_AGENCIES = ['demo-bank', 'migration', 'property'] as const;

export interface DecisionConsumersOptions {
  host?: string;
  /** Fixed ports (npm run mocks); 0 or absent: free ports. */
  ports?: Partial<Record<'enforcement' | (typeof ACTING_AGENCIES)[number], number>>;
  verifyHubSoap: RequestVerifier;
  verifyHubRest: RequestVerifier;
  /** Each agency's signing hooks (its own certificate). */
  signers: Record<string, SignerHooks>;
  report?: (r: StatusReportOut) => Promise<void>;
  /** How each acting agency reads a decision back from the hub (getDecision, signed with its key). */
  pull?: Record<string, DecisionReader>;
  stepMs?: number;
}

export interface DecisionConsumers {
  enforcement: EnforcementService;
  agencies: Record<string, ActingAgency>;
  /** agency id → callback URL (the directory's callbackUrl). */
  callbacks: Record<string, string>;
  stop(): Promise<void>;
}

export async function startDecisionConsumers(o: DecisionConsumersOptions): Promise<DecisionConsumers> {
  const started: { close(): Promise<void> }[] = [];
  try {
    const enforcement = await startEnforcementService({
      host: o.host, port: o.ports?.enforcement, verifySoap: o.verifyHubSoap, verifyRest: o.verifyHubRest,
      signer: o.signers.enforcement ?? {}, report: o.report, stepMs: o.stepMs,
    });
    started.push(enforcement);
    const agencies: Record<string, ActingAgency> = {};
    for (const id of ACTING_AGENCIES) {
      agencies[id] = await startActingAgency({ id, host: o.host, port: o.ports?.[id], verifier: o.verifyHubRest, signer: o.signers[id] ?? {}, pull: o.pull?.[id] });
      started.push(agencies[id]);
    }
    const callbacks: Record<string, string> = { enforcement: enforcement.callbackUrl };
    for (const [id, a] of Object.entries(agencies)) callbacks[id] = a.callbackUrl;
    return { enforcement, agencies, callbacks, async stop() { await Promise.all(started.map((s) => s.close())); } };
  } catch (err) {
    await Promise.all(started.map((s) => s.close()));
    throw err;
  }
}

export type { StatusReportOut, EnforcementService, ActingAgency };
export { DEMO_PLAN } from './enforcement-service';
