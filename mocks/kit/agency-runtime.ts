/**
 * What every mock agency does around its business answer: read the request, check its signature,
 * draw and apply the configured fault, sign, deliver. An agency supplies only its protocol
 * (AgencyProtocol); the fault modes behave the same for SOAP and REST.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AgencyServer } from './agency-server';
import { type Answer, malformed, readBody, sendAnswer, sendHtmlError, sendHuge, sendSlowly, sendTruncated } from './deliver';
import { type AgencyFaults, type AnswerFault, DEFAULT_FLOOD_BYTES, DEFAULT_HUGE_BODY_BYTES, DEFAULT_OTHER_SUBJECT, FaultPicker, toFaults } from './faults';
import { type RequestVerifier, type SignerHooks, type SignerSet, signerFor } from './signers';

export interface AgencyProtocol<Ctx> {
  /** Answers requests that are not operations (e.g. GET ?wsdl); true when handled. */
  serveStatic?(req: IncomingMessage, res: ServerResponse): boolean;
  /** Cheap reading of the request: what the answer must echo. */
  context(req: IncomingMessage, raw: Buffer): Ctx;
  /** The business answer, unsigned: data, not-found, invalid request. */
  answer(ctx: Ctx, raw: Buffer): Promise<Answer> | Answer;
  /** Injected failure of the register. */
  serverError(ctx: Ctx, kind: 'error' | 'unavailable'): Answer;
  /** The request's signature did not verify. */
  signatureRejected(ctx: Ctx): Answer;
  sign(answer: Answer, hooks: SignerHooks, ctx: Ctx): Answer;
  /** A signed value altered after signing. */
  badSignature(signed: Answer): Answer;
  /** Signature wrapping: the signed content kept where a careless verifier finds it, the payload replaced. */
  wrapSignature(signed: Answer): Answer;
  /** A valid answer, split where `bytes` of insignificant padding can go. */
  hugeParts(answer: Answer): { head: Buffer; tail: Buffer };
  /**
   * The same request, asking about another subject (fault otherSubject): the business answer is
   * about `fin`, while everything that binds the answer (id, request hash, claimed subject) stays
   * this request's.
   */
  about(ctx: Ctx, fin: string): Ctx;
  /** An earlier answer relabelled with this request's message id (fault replayCurrentId). */
  withCurrentId(earlier: Answer, ctx: Ctx): Answer;
  /** An answer of about `bytes` built to make a parser work (fault attributeFlood), unsigned. */
  flood(answer: Answer, bytes: number): Answer;
}

export interface AgencyOptions {
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Object or env form "latencyMs=20,errorRate=0.1". */
  faults?: AgencyFaults | string;
  /** The agency's own signer (same as signers.default). */
  signer?: SignerHooks;
  /** Signer variants that the fault option `signer` switches to. */
  signers?: SignerSet;
  /** Called on the raw request before anything parses it; a rejection refuses the request. */
  verifier?: RequestVerifier;
  /** Largest request accepted, bytes (default 1 MiB). */
  maxRequestBytes?: number;
}

export interface MockAgency {
  /** The endpoint the hub calls. */
  readonly url: string;
  readonly port: number;
  setFaults(faults: AgencyFaults | string): Promise<void>;
  getFaults(): Readonly<AgencyFaults>;
  /** Requests seen since start (a cheap counter for tests and benchmarks). */
  readonly requests: number;
  stop(): Promise<void>;
}

export async function startAgency<Ctx>(protocol: AgencyProtocol<Ctx>, options: AgencyOptions, path: string): Promise<MockAgency> {
  const server = new AgencyServer(options.host ?? '127.0.0.1', options.port ?? 0);
  const signers: SignerSet = { ...options.signers, default: options.signer ?? options.signers?.default };
  const maxRequestBytes = options.maxRequestBytes ?? 1024 * 1024;
  let faults = toFaults(options.faults);
  let picker = new FaultPicker(faults);
  let hooks = signerFor(signers, faults.signer);
  let lastAnswer: Answer | undefined;
  let requests = 0;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    requests++;
    if (protocol.serveStatic?.(req, res)) return;
    const fault = picker.next();
    if (fault === 'reset') {
      req.socket.destroy();
      return;
    }
    const raw = await readBody(req, maxRequestBytes);
    if (faults.latencyMs) await new Promise((r) => setTimeout(r, faults.latencyMs).unref());
    if (res.destroyed) return;
    if (fault === 'htmlError') return sendHtmlError(res);
    const ctx = protocol.context(req, raw);
    let answer: Answer;
    let verified = true;
    if (options.verifier) {
      verified = await options.verifier(raw, req.headers).then(() => true, () => false);
    }
    if (!verified) answer = protocol.signatureRejected(ctx);
    else if (fault === 'error' || fault === 'unavailable') answer = protocol.serverError(ctx, fault);
    else if (fault === 'otherSubject') answer = await protocol.answer(protocol.about(ctx, faults.otherSubject ?? DEFAULT_OTHER_SUBJECT), raw);
    else answer = await protocol.answer(ctx, raw);
    if (fault === 'attributeFlood') return sendAnswer(res, protocol.flood(answer, faults.floodBytes ?? DEFAULT_FLOOD_BYTES));
    if (fault === 'hugeBody') {
      const { head, tail } = protocol.hugeParts(answer);
      return sendHuge(res, answer.status, answer.headers, head, faults.hugeBodyBytes ?? DEFAULT_HUGE_BODY_BYTES, tail);
    }
    if (hooks) answer = protocol.sign(answer, hooks, ctx);
    answer = tamper(fault, answer, ctx);
    deliver(fault, res, answer);
  };

  const tamper = (fault: AnswerFault | undefined, answer: Answer, ctx: Ctx): Answer => {
    switch (fault) {
      case 'badSignature': return protocol.badSignature(answer);
      case 'wrappedSignature': return protocol.wrapSignature(answer);
      case 'malformed': return { ...answer, body: malformed(answer.body) };
      case 'wrongContentType': return { ...answer, headers: { ...answer.headers, 'Content-Type': 'text/html; charset=utf-8' } };
      case 'replay': {
        const previous = lastAnswer;
        lastAnswer ??= answer;
        return previous ?? answer;
      }
      case 'replayCurrentId': {
        const previous = lastAnswer;
        lastAnswer ??= answer;
        return previous ? protocol.withCurrentId(previous, ctx) : answer;
      }
      default:
        if (fault === undefined) lastAnswer = answer;
        return answer;
    }
  };

  const deliver = (fault: AnswerFault | undefined, res: ServerResponse, answer: Answer): void => {
    if (fault === 'truncated') sendTruncated(res, answer);
    else if (fault === 'slowBody') sendSlowly(res, answer, faults.slowBodyMs);
    else sendAnswer(res, answer);
  };

  server.http.on('request', (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((e) => { if (process.env.MOCK_DEBUG) console.error(e);
      // A request that broke the mock itself (e.g. an oversized upload): close it, stay up.
      if (!res.headersSent) sendAnswer(res, { status: 500, headers: { 'Content-Type': 'text/plain' }, body: Buffer.from('mock agency error\n') });
      else res.destroy();
    });
  });

  if (!faults.refused) await server.listen();
  else await server.listen().then(() => server.refuse());

  return {
    get url() {
      return `${server.origin}${path}`;
    },
    get port() {
      return server.port;
    },
    get requests() {
      return requests;
    },
    async setFaults(next) {
      const parsed = toFaults(next);
      const nextHooks = signerFor(signers, parsed.signer);
      faults = parsed;
      picker = new FaultPicker(parsed);
      hooks = nextHooks;
      if (parsed.refused) await server.refuse();
      else await server.listen();
    },
    getFaults: () => faults,
    stop: () => server.stop(),
  };
}
