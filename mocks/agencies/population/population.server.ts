/**
 * Mock population register (11.2.22): a node-soap server (`soap.listen`) serving population.wsdl
 * and answering getPerson from the synthetic population, in the X-Road SOAP 4.0 envelope of the
 * EHİS profile (echoed headers with wsu:Ids, faults per contracts/registries/README.md).
 *
 * Speed: the WSDL is parsed once at start and served from a precomputed buffer; per request the
 * mock reads the headers with one saxes pass and lets node-soap parse the body and serialize the
 * answer; the envelope around it is string concatenation.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import * as soap from 'soap';
import { populationWsdlPath } from '../../../contracts/registries/paths';
import { type AgencyOptions, type AgencyProtocol, type MockAgency, startAgency } from '../../kit/agency-runtime';
import type { Answer } from '../../kit/deliver';
import { xmlFlood } from '../../kit/xml-flood';
import { type FaultCode, NS, type SoapRequestInfo, answerEnvelope, escapeXml, faultContent, missingHeaders, readSoapRequest, withMessageId } from '../../kit/xroad-soap';
import { FAULT_TEXT, populationServices } from './population.service';
import { alterSignedBody, hugeSplit, wrapSignedBody } from './soap-tamper';

export const POPULATION_PATH = '/population';
const CONTENT_TYPE = 'text/xml; charset=utf-8';
const POP_NS = 'http://population.gov.az/xroad/v1';
const GET_PERSON = `{${POP_NS}}getPerson`;

/** Loads the WSDL into node-soap once (resolving its XSD imports from the contracts folder). */
async function createSoapServer(): Promise<{ soapServer: soap.Server; wsdlXml: Buffer }> {
  const wsdlPath = populationWsdlPath();
  const xml = readFileSync(wsdlPath, 'utf8');
  // soap.listen needs an http server to attach to; requests reach node-soap through
  // processRequest below, after the mock has buffered and verified them.
  const holder = createServer();
  const soapServer = await new Promise<soap.Server>((resolve, reject) => {
    const s = soap.listen(holder, {
      path: POPULATION_PATH,
      services: populationServices,
      xml,
      uri: wsdlPath,
      envelopeKey: 'SOAP-ENV',
      suppressStack: true,
      // Deferred: the callback may fire before soap.listen has returned `s`.
      callback: (err: unknown) => setImmediate(() => (err ? reject(err) : resolve(s))),
    } as soap.IServerOptions);
  });
  return { soapServer, wsdlXml: Buffer.from(xml) };
}

function xmlAnswer(status: number, envelope: string): Answer {
  return { status, headers: { 'Content-Type': CONTENT_TYPE }, body: Buffer.from(envelope) };
}

function fault(ctx: SoapRequestInfo, code: FaultCode, text = FAULT_TEXT[code], detail?: string): Answer {
  return xmlAnswer(500, answerEnvelope(ctx.headers, faultContent(code, text, detail), ctx.requestHash));
}

/** The FIN element of the getPerson request payload (the Body content), as sent. */
function requestedFin(ctx: SoapRequestInfo): string | undefined {
  const m = /<(?:[A-Za-z_][\w.-]*:)?fin\b[^>]*>([^<]*)</.exec(ctx.body?.content ?? '');
  return m?.[1].trim();
}

/** population.xsd notFound: the Server.NotFound fault names the FIN it did not find (profile v2). */
function notFoundDetail(fin: string): string {
  return `<pop:notFound xmlns:pop="${POP_NS}"><pop:fin>${escapeXml(fin)}</pop:fin></pop:notFound>`;
}

/** The Body content node-soap produced (its own envelope is replaced by the X-Road one). */
function bodyContent(envelope: string): string {
  const open = envelope.indexOf('<SOAP-ENV:Body>');
  const close = envelope.lastIndexOf('</SOAP-ENV:Body>');
  if (open < 0 || close < 0) throw new Error('node-soap produced no Body');
  return envelope.slice(open + '<SOAP-ENV:Body>'.length, close);
}

/**
 * The request reduced to its Body for node-soap: the headers are already read (and echoed by the
 * mock), and parsing them again through the WSDL would cost three quarters of the request time.
 */
function bodyOnlyEnvelope(body: NonNullable<SoapRequestInfo['body']>): string {
  let decls = '';
  for (const [prefix, uri] of Object.entries(body.xmlns)) {
    if (prefix !== 'mockenv') decls += prefix ? ` xmlns:${prefix}="${escapeXml(uri)}"` : ` xmlns="${escapeXml(uri)}"`;
  }
  return `<mockenv:Envelope xmlns:mockenv="${NS.soapenv}"${decls}><mockenv:Body>${body.content}</mockenv:Body></mockenv:Envelope>`;
}

function populationProtocol(soapServer: soap.Server, wsdlXml: Buffer): AgencyProtocol<SoapRequestInfo> {
  return {
    serveStatic(req: IncomingMessage, res: ServerResponse): boolean {
      if (req.method !== 'GET') return false;
      if (/\?wsdl$/i.test(req.url ?? '')) {
        res.writeHead(200, { 'Content-Type': CONTENT_TYPE, 'Content-Length': String(wsdlXml.length) });
        res.end(wsdlXml);
      } else {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('GET ?wsdl for the service description\n');
      }
      return true;
    },
    context: (_req, raw) => readSoapRequest(raw),
    async answer(ctx, raw) {
      if (ctx.error) return fault(ctx, 'Client.InvalidRequest', 'Not a well-formed SOAP 1.1 envelope');
      const missing = missingHeaders(ctx.headers);
      if (missing.length) return fault(ctx, 'Client.InvalidRequest', `Missing X-Road header: ${missing.join(', ')}`);
      if (ctx.operation !== GET_PERSON) return fault(ctx, 'Client.InvalidRequest', 'Unknown operation');
      // No SOAPAction: node-soap then picks the operation by the Body element, checked above.
      const out = await soapServer.processRequest(ctx.body ? bodyOnlyEnvelope(ctx.body) : raw.toString('utf8'), { headers: { 'content-type': CONTENT_TYPE }, url: POPULATION_PATH });
      const content = bodyContent(out.body);
      if (content.includes(':Server.NotFound</faultcode>')) return fault(ctx, 'Server.NotFound', FAULT_TEXT['Server.NotFound'], notFoundDetail(requestedFin(ctx) ?? ''));
      return xmlAnswer(out.statusCode ?? 200, answerEnvelope(ctx.headers, content, ctx.requestHash));
    },
    serverError: (ctx, kind) => fault(ctx, kind === 'error' ? 'Server.InternalError' : 'Server.Unavailable'),
    signatureRejected: (ctx) => fault(ctx, 'Client.InvalidSignature'),
    sign: (answer, hooks) => (hooks.soap ? { ...answer, body: Buffer.from(hooks.soap(answer.body.toString('utf8'))) } : answer),
    badSignature: (a) => ({ ...a, body: Buffer.from(alterSignedBody(a.body.toString('utf8'))) }),
    wrapSignature: (a) => ({ ...a, body: Buffer.from(wrapSignedBody(a.body.toString('utf8'))) }),
    hugeParts(a) {
      const { head, tail } = hugeSplit(a.body.toString('utf8'));
      return { head: Buffer.from(head), tail: Buffer.from(tail) };
    },
    about(ctx, fin) {
      if (!ctx.body) return ctx;
      const content = ctx.body.content.replace(/(<(?:[A-Za-z_][\w.-]*:)?fin\b[^>]*>)[^<]*/, `$1${escapeXml(fin)}`);
      return { ...ctx, body: { ...ctx.body, content } };
    },
    withCurrentId: (earlier, ctx) => ({ ...earlier, body: Buffer.from(withMessageId(earlier.body.toString('utf8'), ctx.headers.id ?? '')) }),
    flood(a, bytes) {
      // The flood sits where the payload would be, inside an envelope echoing this request.
      const [head, tail] = answerEnvelope({}, '\u0000').split('\u0000');
      return { status: 200, headers: { ...a.headers, 'Content-Type': CONTENT_TYPE }, body: Buffer.from(xmlFlood('attributes', bytes, { head, tail }).xml) };
    },
  };
}

/** Starts the mock population register; `url` is its SOAP endpoint, `${url}?wsdl` its WSDL. */
export async function startPopulationMock(options: AgencyOptions = {}): Promise<MockAgency> {
  const { soapServer, wsdlXml } = await createSoapServer();
  return startAgency(populationProtocol(soapServer, wsdlXml), options, POPULATION_PATH);
}
