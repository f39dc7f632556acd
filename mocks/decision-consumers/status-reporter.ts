/**
 * How the mock enforcement service reports progress: reportEnforcementStatus of the court's agency
 * service over EHİS REST (contracts/agencies/court.openapi.json), signed with the agency's key in
 * the REST v2 profile (X-Road-Client, X-Road-Id, X-Road-Signature binding method, target, client,
 * id and time). The launcher passes the signing hook: mocks/ holds no keys. A report the hub did
 * not apply (any non-2xx) rejects, so the service sends it again at its next step.
 */
import { randomUUID } from 'node:crypto';
import type { StatusReportOut } from './enforcement-service';

export function restStatusReporter(o: { hubUrl: string; client: string; sign(body: Buffer, params: Record<string, unknown>): string }) {
  return async (r: StatusReportOut): Promise<void> => {
    const target = `/ehis/court/v1/decisions/${encodeURIComponent(r.decisionId)}/enforcement-status`;
    const report: Record<string, unknown> = { version: r.version, status: r.status, reportedAt: r.reportedAt };
    if (r.amountRecovered) report.amountRecovered = r.amountRecovered;
    if (r.note) report.note = `${r.note} (${r.proceedingNumber})`;
    const body = Buffer.from(JSON.stringify(report));
    const id = randomUUID();
    const jws = o.sign(body, { htm: 'POST', htu: target, 'x-road-client': o.client, 'x-road-id': id, iat: Math.floor(Date.now() / 1000) });
    const res = await fetch(`${o.hubUrl}${target}`, {
      method: 'POST', body, signal: AbortSignal.timeout(10_000),
      headers: { 'Content-Type': 'application/json', 'X-Road-Client': o.client, 'X-Road-Id': id, 'X-Road-Signature': jws },
    });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`the hub answered ${res.status}`);
  };
}

/**
 * How a mock agency pulls a decision it was told of: getDecision of the agency service over EHİS
 * REST, signed with its own key; the answer is taken only if the hub's signature over it checks
 * out (the launcher's `verify`, pinned hub certificate). Resolves to the decision as the hub shows
 * it to this agency (minimized by the directory's rules).
 */
export function restDecisionReader(o: {
  hubUrl: string; client: string; sign(body: Buffer, params: Record<string, unknown>): string;
  verify(body: Buffer, headers: Readonly<Record<string, string | string[] | undefined>>): Promise<void>;
}) {
  return async (decisionId: string): Promise<{ parties?: { role: string; fin?: string; voen?: string }[]; actions?: string[] }> => {
    const target = `/ehis/court/v1/decisions/${encodeURIComponent(decisionId)}`;
    const id = randomUUID();
    const jws = o.sign(Buffer.alloc(0), { htm: 'GET', htu: target, 'x-road-client': o.client, 'x-road-id': id, iat: Math.floor(Date.now() / 1000) });
    const res = await fetch(`${o.hubUrl}${target}`, { signal: AbortSignal.timeout(10_000), headers: { 'X-Road-Client': o.client, 'X-Road-Id': id, 'X-Road-Signature': jws } });
    const body = Buffer.from(await res.arrayBuffer());
    if (!res.ok) throw new Error(`the hub answered ${res.status}`);
    await o.verify(body, { 'x-road-signature': res.headers.get('x-road-signature') ?? undefined });
    return (JSON.parse(body.toString('utf8')) as { decision: { parties?: { role: string; fin?: string; voen?: string }[]; actions?: string[] } }).decision;
  };
}
