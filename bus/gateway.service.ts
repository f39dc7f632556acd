import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServiceBroker, ServiceSchema } from 'moleculer';
import ApiGateway from 'moleculer-web';
import type { Catalog } from '../registry';
import { sendHubError, sendJson, toHttpError } from './http-errors';
import { correlationId, routeTable, screenRequest, verifyJsonBytes } from './http-input';
import { close, createHttpServer, listen } from './http-server';
import { renderMerged } from './metrics';
import type { ComponentHealth } from './ops.service';

export interface GatewayOptions {
  port: number;
  host: string;
  catalog: Catalog;
  maxBodyBytes: number;
  /** Actions that must have a live node for the hub to be healthy. */
  requiredActions: string[];
  /** Extra aliases added by later features (authorized lookups, delegations …). */
  aliases?: Record<string, unknown>;
  /** Paths served from the raw request, before JSON screening (the agency service's XML and signed bytes). */
  rawRoutes?: { prefix: string; handle(req: IncomingMessage, res: ServerResponse, broker: ServiceBroker): void }[];
}

/** The nodes that run the ops service, i.e. every hub process of the cluster. */
function opsNodes(broker: ServiceBroker): string[] {
  const services: any[] = broker.registry.getServiceList({ onlyAvailable: true, skipInternal: true, withActions: false });
  return [...new Set(services.filter((s) => s.name === 'ops').map((s) => s.nodeID as string))];
}

export function catalogView(catalog: Catalog) {
  return {
    statute: 'Elektron məhkəmə informasiya sistemi haqqında Əsasnamə, §11.2',
    categories: catalog.categories.map((c) => ({
      section: c.section, title: c.title, provider: c.provider, operation: c.operation, protocol: c.protocol,
      basis: c.basis, secrecy: c.secrecy, subjects: c.subjects, timeoutMs: c.timeoutMs,
      connected: catalog.connected(c.section),
    })),
    providers: Object.values(catalog.providers).map((p) => ({
      id: p.id, title: p.title, protocol: p.protocol, xroad: p.xroad,
      connected: catalog.categories.some((c) => c.provider === p.id && catalog.connected(c.section)),
    })),
  };
}

/**
 * The HTTP gateway (moleculer-web). `mappingPolicy: "restrict"`: only the aliases below exist;
 * no action is reachable as /service/action (docs/conventions.md, Moleculer: the default "all" exposes everything).
 */
export function createGatewayService(opts: GatewayOptions): ServiceSchema {
  const registryJson = JSON.stringify(catalogView(opts.catalog));

  return {
    name: 'gateway',
    mixins: [ApiGateway],
    settings: {
      // The hub owns the HTTP server (bus/http-server.ts): a busy port fails start-up at once.
      server: false,
      port: opts.port,
      ip: opts.host,
      // The correlation id is screened before Moleculer sees it (bus/http-input.ts).
      rootCallOptions(options: { requestID?: string }, req: IncomingMessage & { $requestId?: string }) { options.requestID = req.$requestId; },
      // The gateway logs no request params or bodies: they carry personal codes.
      logRequest: null,
      logResponse: null,
      logRequestParams: null,
      logResponseData: null,
      log4XXResponses: false,
      routes: [{
        path: '/',
        mappingPolicy: 'restrict',
        autoAliases: false,
        bodyParsers: { json: { limit: opts.maxBodyBytes, strict: true, verify: verifyJsonBytes }, urlencoded: false },
        aliases: {
          'GET /health'(this: any, req: IncomingMessage, res: ServerResponse) {
            this.health().then(({ status, body }: any) => sendJson(res, status, body)).catch((err: unknown) => sendHubError(res, toHttpError(err)));
          },
          'GET /metrics'(this: any, req: IncomingMessage, res: ServerResponse) {
            this.scrape().then((text: string) => {
              res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' });
              res.end(text);
            }).catch((err: unknown) => sendHubError(res, toHttpError(err)));
          },
          'GET /api/v1/registry'(req: IncomingMessage, res: ServerResponse) {
            res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(registryJson) });
            res.end(registryJson);
          },
          ...(opts.aliases ?? {}),
        },
        onError(req: IncomingMessage, res: ServerResponse, err: unknown) {
          sendHubError(res, toHttpError(err), (req as any).$ctx?.requestID);
        },
      }],
      onError(req: IncomingMessage & { $requestId?: string }, res: ServerResponse, err: unknown) {
        sendHubError(res, toHttpError(err), (req as any).$ctx?.requestID ?? req.$requestId);
      },
    },
    created(this: any) {
      this.routeTable = routeTable(this.settings.routes.flatMap((r: { aliases?: object }) => Object.keys(r.aliases ?? {})));
      this.server = createHttpServer((req, res) => this.screened(req, res));
    },
    started(this: any) {
      return listen(this.server, opts.port, opts.host);
    },
    stopped(this: any) {
      return close(this.server);
    },
    methods: {
      /** Refusals that need no route (bad percent-encoding, wrong method, not UTF-8 JSON) come first. */
      screened(this: any, req: IncomingMessage & { $requestId?: string }, res: ServerResponse) {
        req.$requestId = correlationId(req.headers);
        const raw = opts.rawRoutes?.find((r) => (req.url ?? '').startsWith(r.prefix));
        if (raw) {
          res.setHeader('X-Request-ID', req.$requestId);
          return raw.handle(req, res, this.broker);
        }
        const refusal = screenRequest(req, this.routeTable);
        if (!refusal) return this.httpHandler(req, res);
        res.setHeader('X-Request-ID', req.$requestId);
        sendHubError(res, refusal, req.$requestId);
      },
      async scrape(this: any): Promise<string> {
        const broker: ServiceBroker = this.broker;
        const per = await Promise.all(opsNodes(broker).map((nodeID) =>
          broker.call('ops.metrics', {}, { nodeID, timeout: 2000 }).catch(() => null)));
        return renderMerged(per.filter(Boolean));
      },
      async health(this: any): Promise<{ status: number; body: unknown }> {
        const broker: ServiceBroker = this.broker;
        const components: Record<string, ComponentHealth> = {};
        // Each required action (core, every connected adapter) needs a live node somewhere.
        for (const action of opts.requiredActions) {
          const ep = (broker.registry as any).getActionEndpoints(action);
          const nodes = ep ? ep.endpoints.filter((e: any) => e.isAvailable).map((e: any) => e.node.id) : [];
          components[`action:${action}`] = nodes.length > 0 ? { status: 'up', details: { nodes } } : { status: 'down' };
        }
        const reports = await Promise.all(opsNodes(broker).map((nodeID) =>
          (broker.call as any)("ops.health", {}, { nodeID, timeout: 2000 }).catch(() => ({ node: nodeID, unreachable: true }))));
        for (const r of reports) {
          if (r.unreachable) { components[`node:${r.node}`] = { status: 'down' }; continue; }
          for (const [name, c] of Object.entries(r.components as Record<string, ComponentHealth>)) components[`${name}@${r.node}`] = c;
        }
        const down = Object.values(components).some((c) => c.status === 'down');
        return { status: down ? 503 : 200, body: { status: down ? 'down' : 'up', node: broker.nodeID, components } };
      },
    },
  };
}
