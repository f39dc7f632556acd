/**
 * The SOAP agency kit: a mock registry over the X-Road SOAP 4.0 envelope of the EHİS profile
 * (contracts/registries/README.md) from a module's WSDL and one function per operation. The kit
 * reads the request (X-Road headers, the operation element, its `fin` / `voen`), answers the
 * business function's data in `<op>Response`, a malformed identifier with `Client.InvalidRequest`,
 * "nothing" with a `Server.NotFound` fault naming the subject in its `detail` (profile v2), and
 * does everything else through the agency runtime: signing, fault injection, tampering.
 *
 * Speed: the WSDL is read once and served from memory; per request the light DOM parses the
 * envelope once (kit/xroad-soap.ts) and the operation is read from its Body.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Subject } from '../../contracts/hub/lookup-types';
import { upstreamPath } from '../../contracts/registries/paths';
import { childElements, textContent } from '../../signing/xml/light-dom';
import type { AgencyModule } from './agency-module';
import { type AgencyOptions, type AgencyProtocol, startAgency } from './agency-runtime';
import type { Answer } from './deliver';
import { alterSignedBody, hugeSplit, wrapSignedBody } from './soap-tamper';
import { INVALID_SUBJECT_TEXT, kindOf, subjectOf, type SubjectKind, validSubject, valueOf } from './subjects';
import { xmlElements } from './xml-payload';
import { xmlFlood } from './xml-flood';
import { type FaultCode, type SoapRequestInfo, answerEnvelope, escapeXml, faultContent, missingHeaders, readSoapRequest, withMessageId } from './xroad-soap';

/** What an operation answers: the response element's content (data or ready XML), or nothing on file. */
export type SoapOperationAnswer = { payload: Record<string, unknown> } | { payloadXml: string } | { notFound: true };
export type SoapOperationFn = (subject: Subject, ctx: SoapRequestInfo) => SoapOperationAnswer;
/** An operation: its function, or the function with the subject kinds it takes (others: Client.InvalidRequest). */
export type SoapOperationMock = SoapOperationFn | { subjects: SubjectKind[]; answer: SoapOperationFn };

export interface SoapAgencySpec {
  /** Registry module id: the WSDL is contracts/registries/<id>/upstream/<id>.wsdl, the endpoint /<id>. */
  id: string;
  /** Namespace of the payload elements: the WSDL's targetNamespace. */
  namespace: string;
  /** Prefix of the payload elements in answers (prefixes carry no meaning; default "m"). */
  prefix?: string;
  operations: Record<string, SoapOperationMock>;
  /** faultstrings of this register; the EHİS defaults otherwise. Never personal data. */
  faultText?: Partial<Record<FaultCode, string>>;
}

const CONTENT_TYPE = 'text/xml; charset=utf-8';

function defaultFaultText(id: string): Record<FaultCode, string> {
  return {
    'Server.NotFound': `No record about the requested subject in the ${id} register`,
    'Client.InvalidRequest': 'Invalid request',
    'Client.InvalidSignature': 'The request signature did not verify',
    'Server.Unavailable': `The ${id} register is temporarily unavailable`,
    'Server.InternalError': `Internal error of the ${id} register`,
  };
}

interface SoapCtx extends SoapRequestInfo {
  /** Fault otherSubject: whom the business answer is about instead of the subject asked. */
  about?: Subject;
}

type Parsed = { op: string; subject: Subject } | { invalid: string };

/** The operation element of the Body and its one fin / voen child. */
function parseRequest(ctx: SoapRequestInfo, namespace: string, ops: Record<string, SoapOperationMock>): Parsed {
  if (!ctx.body) return { invalid: 'Not a well-formed SOAP 1.1 envelope' };
  const kids = childElements(ctx.body);
  if (kids.length !== 1) return { invalid: 'The Body must hold exactly one operation element' };
  const opEl = kids[0];
  if (opEl.ns !== namespace || !Object.hasOwn(ops, opEl.local)) return { invalid: 'Unknown operation' };
  const spec = ops[opEl.local];
  const kinds: SubjectKind[] = typeof spec === 'function' ? ['fin', 'voen'] : spec.subjects;
  const present = kinds.flatMap((k) => childElements(opEl, namespace, k).map((el) => [k, el] as const));
  if (present.length !== 1) return { invalid: `expected exactly one of ${kinds.join(', ')}` };
  const [kind, el] = present[0];
  const subject = validSubject(kind, textContent(el).trim());
  return subject ? { op: opEl.local, subject } : { invalid: INVALID_SUBJECT_TEXT[kind] };
}

/** A SOAP mock agency of a registry module. */
export function soapAgency(spec: SoapAgencySpec): AgencyModule {
  const path = `/${spec.id}`;
  const prefix = spec.prefix ?? 'm';
  const text = { ...defaultFaultText(spec.id), ...spec.faultText };
  const xmlAnswer = (status: number, envelope: string): Answer => ({ status, headers: { 'Content-Type': CONTENT_TYPE }, body: Buffer.from(envelope) });
  const fault = (ctx: SoapRequestInfo, code: FaultCode, message = text[code], detail?: string): Answer =>
    xmlAnswer(500, answerEnvelope(ctx.headers, faultContent(code, message, detail), ctx.requestHash));
  const p = (local: string) => `${prefix}:${local}`;
  const ns = `xmlns:${prefix}="${spec.namespace}"`;

  const protocol = (wsdlXml: Buffer): AgencyProtocol<SoapCtx> => ({
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
    answer(ctx) {
      if (ctx.error) return fault(ctx, 'Client.InvalidRequest', 'Not a well-formed SOAP 1.1 envelope');
      const missing = missingHeaders(ctx.headers);
      if (missing.length) return fault(ctx, 'Client.InvalidRequest', `Missing X-Road header: ${missing.join(', ')}`);
      const parsed = parseRequest(ctx, spec.namespace, spec.operations);
      if ('invalid' in parsed) return fault(ctx, 'Client.InvalidRequest', parsed.invalid);
      const about = ctx.about ?? parsed.subject;
      const op = spec.operations[parsed.op];
      const result = (typeof op === 'function' ? op : op.answer)(about, ctx);
      if ('notFound' in result) {
        // Profile v2: the not-found fault names the subject it did not find.
        const detail = `<${p('notFound')} ${ns}><${p(kindOf(about))}>${escapeXml(valueOf(about))}</${p(kindOf(about))}></${p('notFound')}>`;
        return fault(ctx, 'Server.NotFound', text['Server.NotFound'], detail);
      }
      const inner = 'payloadXml' in result ? result.payloadXml : xmlElements(prefix, result.payload);
      const el = p(`${parsed.op}Response`);
      return xmlAnswer(200, answerEnvelope(ctx.headers, `<${el} ${ns}>${inner}</${el}>`, ctx.requestHash));
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
    about: (ctx, other) => ({ ...ctx, about: subjectOf(other) }),
    withCurrentId: (earlier, ctx) => ({ ...earlier, body: Buffer.from(withMessageId(earlier.body.toString('utf8'), ctx.headers.id ?? '')) }),
    flood(a, bytes) {
      // The flood sits where the payload would be, inside an envelope echoing this request.
      const [head, tail] = answerEnvelope({}, '\u0000').split('\u0000');
      return { status: 200, headers: { ...a.headers, 'Content-Type': CONTENT_TYPE }, body: Buffer.from(xmlFlood('attributes', bytes, { head, tail }).xml) };
    },
  });

  return {
    id: spec.id,
    protocol: 'soap',
    start(options: AgencyOptions = {}) {
      const wsdlXml = readFileSync(upstreamPath(spec.id, `${spec.id}.wsdl`));
      return startAgency(protocol(wsdlXml), options, path);
    },
  };
}
