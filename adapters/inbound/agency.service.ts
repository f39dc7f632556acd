/**
 * The agency service on the bus: `agency.soap` and `agency.rest` take the raw request as it came
 * (bytes, method, target, headers) and verify the agency's signature themselves — a gateway is
 * not the only way onto the bus, so no caller identity is taken from params or ctx.meta.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Context, ServiceSchema } from 'moleculer';
import type { Agency } from '../../agencies/directory.types';
import { agenciesContractsDir } from '../../contracts/agencies/paths';
import { agencyStore } from '../../core/agency/agency-store';
import type { AuditPort } from '../../core/court/ports';
import type { Db } from '../../core/store/db';
import { listAgencies } from '../../core/store/repositories/agencies';
import type { PathValidator } from '../../signing/pki';
import type { WssSigner } from '../../signing/wss';
import { memoryReplayGuard, type ReplayGuard } from '../kit/replay-guard';
import { createCourtRest } from './court-rest';
import { createCourtSoap, type HubXroad } from './court-soap';

const DIRECTORY_TTL_MS = 5_000;

export interface AgencyServiceDeps {
  db: Db;
  audit: AuditPort;
  validator: PathValidator;
  hub: WssSigner;
  hubXroad: HubXroad;
  /** Message ids of agency requests seen: with NATS the JetStream bucket every node shares; default this process's memory. */
  replay?: ReplayGuard;
}

export function createAgencyService(deps: AgencyServiceDeps): ServiceSchema {
  const store = agencyStore(deps.db);
  const replay = deps.replay ?? memoryReplayGuard();
  // The directory changes only when a core node starts (agencies/directory.json): a short cache saves a query per request.
  let cached: { at: number; list: Promise<Agency[]> } | undefined;
  const directory = {
    activeAgencies(): Promise<Agency[]> {
      const now = Date.now();
      if (!cached || now - cached.at > DIRECTORY_TTL_MS) {
        const list = listAgencies(deps.db).then((all) => all.filter((a) => a.active));
        list.catch(() => { if (cached?.list === list) cached = undefined; });
        cached = { at: now, list };
      }
      return cached.list;
    },
  };
  let wsdl: Buffer | undefined;
  const common = { store, audit: deps.audit, directory, validator: deps.validator, hub: deps.hub, replay };
  const soap = createCourtSoap({ ...common, hubXroad: deps.hubXroad, wsdl: () => (wsdl ??= readFileSync(join(agenciesContractsDir(), 'court.wsdl'))) });
  const rest = createCourtRest(common);
  const rid = (ctx: Context) => ctx.requestID ?? ctx.id;
  return {
    name: 'agency',
    async stopped() { await replay.close(); },
    actions: {
      soap: {
        async handler(ctx: Context<{ body: string }>) {
          return soap(Buffer.from(String(ctx.params?.body ?? ''), 'base64'), rid(ctx));
        },
      },
      rest: {
        async handler(ctx: Context<{ method: string; target: string; headers: Record<string, string>; body: string }>) {
          const p = ctx.params ?? ({} as never);
          return rest({ method: String(p.method), target: String(p.target), headers: p.headers ?? {}, body: Buffer.from(String(p.body ?? ''), 'base64') }, rid(ctx));
        },
      },
    },
  };
}
