/**
 * Every fault mode of the mock agencies, observed over real HTTP, for the SOAP and the REST agency
 * alike; after each scenario the faults are healed and the agency must answer normally again.
 */
import type { MockAgency } from '../../../mocks';
import { checkRest, checkSoap, fakeSigner } from './support/fake-signers';
import { PROBES, type Probe, unparsable } from './support/probes';

describe.each(PROBES.map((p) => [p.name, p] as const))('mock %s agency under fault injection', (_name, probe: Probe) => {
  let agency: MockAgency;
  const seenRaw: Buffer[] = [];
  let rejectNext = false;

  beforeAll(async () => {
    agency = await probe.start({
      signer: fakeSigner('agency'),
      signers: { expired: fakeSigner('expired'), untrusted: fakeSigner('untrusted') },
      verifier: async (raw) => {
        seenRaw.push(raw);
        if (rejectNext) throw new Error('bad request signature');
      },
    });
  });
  afterAll(() => agency.stop());

  afterEach(async () => {
    rejectNext = false;
    await agency.setFaults({});
    const res = await probe.ask(agency, { id: 'after-fault' });
    // The agency stays up and healthy after every fault.
    expect(res.error).toBeUndefined();
    expect(res.status).toBe(200);
    expect(probe.payload(res.body)).toEqual(probe.expected);
  });

  it('No faults. Result: the golden answer, signed by the agency signer, echoing the message id', async () => {
    const res = await probe.ask(agency, { id: 'msg-ok' });
    expect(res.status).toBe(200);
    expect(probe.payload(res.body)).toEqual(probe.expected);
    expect(probe.echoedId(res)).toBe('msg-ok');
    expect(probe.signature(res)).toEqual({ signer: 'agency', valid: true });
  });

  it('latencyMs 400 and a client that waits 50 ms. Result: the client times out before any answer', async () => {
    await agency.setFaults({ latencyMs: 400 });
    const res = await probe.ask(agency, { timeoutMs: 50 });
    expect(res.status).toBeUndefined();
    expect(res.error?.code).toBe('ETIMEDOUT');
  });

  it('latencyMs 30 and a patient client. Result: the normal answer', async () => {
    await agency.setFaults('latencyMs=30');
    const res = await probe.ask(agency);
    expect(probe.payload(res.body)).toEqual(probe.expected);
  });

  it('errorRate 1. Result: a signed server error', async () => {
    await agency.setFaults({ errorRate: 1 });
    const res = await probe.ask(agency);
    expect(res.status).toBe(500);
    expect(probe.errorCode(res)).toBe(probe.serverErrorCode.error);
    expect(probe.signature(res).valid).toBe(true);
  });

  it('unavailableRate 1. Result: the register says it is unavailable', async () => {
    await agency.setFaults({ unavailableRate: 1 });
    const res = await probe.ask(agency);
    expect(res.status).toBe(probe.protocol === 'rest' ? 503 : 500);
    expect(probe.errorCode(res)).toBe(probe.serverErrorCode.unavailable);
  });

  it('htmlErrorRate 1. Result: a proxy error page, 502 text/html', async () => {
    await agency.setFaults({ htmlErrorRate: 1 });
    const res = await probe.ask(agency);
    expect(res.status).toBe(502);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body.toString()).toMatch(/502 Bad Gateway/);
  });

  it('wrongContentTypeRate 1. Result: the normal payload labelled text/html', async () => {
    await agency.setFaults({ wrongContentTypeRate: 1 });
    const res = await probe.ask(agency);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(probe.payload(res.body)).toEqual(probe.expected);
  });

  it('malformedRate 1. Result: a complete HTTP answer whose payload does not parse', async () => {
    await agency.setFaults({ malformedRate: 1 });
    const res = await probe.ask(agency);
    expect(res.error).toBeUndefined();
    expect(res.status).toBe(200);
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(unparsable(probe, res.body)).toBe(true);
  });

  it('truncatedRate 1. Result: the connection ends before the announced Content-Length', async () => {
    await agency.setFaults({ truncatedRate: 1 });
    const res = await probe.ask(agency);
    expect(res.status).toBe(200);
    expect(res.error?.code).toBe('ECONNRESET');
    expect(res.body.length).toBeLessThan(Number(res.headers['content-length']));
  });

  it('resetRate 1. Result: the connection is reset, no HTTP answer at all', async () => {
    await agency.setFaults({ resetRate: 1 });
    const res = await probe.ask(agency);
    expect(res.status).toBeUndefined();
    expect(res.error?.code).toMatch(/ECONNRESET|EPIPE/);
  });

  it('slowBodyRate 1. Result: the normal answer, trickling in several chunks', async () => {
    await agency.setFaults({ slowBodyRate: 1, slowBodyMs: 100 });
    const res = await probe.ask(agency);
    expect(res.chunks).toBeGreaterThan(1);
    expect(probe.payload(res.body)).toEqual(probe.expected);
  });

  it('hugeBodyRate 1 with the default size. Result: at least 20 MB, chunked, no Content-Length', async () => {
    await agency.setFaults({ hugeBodyRate: 1 });
    const res = await probe.ask(agency);
    expect(res.status).toBe(200);
    expect(res.headers['content-length']).toBeUndefined();
    expect(res.body.length).toBeGreaterThanOrEqual(20 * 1024 * 1024);
  });

  it('hugeBodyRate 1 with hugeBodyBytes 1 MB. Result: still a valid document: only a size limit can refuse it', async () => {
    await agency.setFaults({ hugeBodyRate: 1, hugeBodyBytes: 1024 * 1024 });
    const res = await probe.ask(agency);
    expect(res.body.length).toBeGreaterThan(1024 * 1024);
    expect(probe.payload(res.body)).toEqual(probe.expected);
  });

  it('refused. Result: connection refused; healed, the same URL answers again', async () => {
    await agency.setFaults({ refused: true });
    const res = await probe.ask(agency);
    expect(res.error?.code).toBe('ECONNREFUSED');
  });

  it('badSignatureRate 1. Result: one signed value altered, the signature no longer holds', async () => {
    await agency.setFaults({ badSignatureRate: 1 });
    const res = await probe.ask(agency);
    expect(res.status).toBe(200);
    expect(probe.signature(res)).toEqual({ signer: 'agency', valid: false });
    expect(probe.payload(res.body)).not.toEqual(probe.expected);
  });

  it('wrappedSignatureRate 1. Result: the signed content still verifies where it was moved, but the consumed payload is the attacker\'s', async () => {
    await agency.setFaults({ wrappedSignatureRate: 1 });
    const res = await probe.ask(agency);
    expect(probe.signature(res).valid).toBe(false);
    expect(probe.payload(res.body)).not.toEqual(probe.expected);
    const text = res.body.toString('utf8');
    if (probe.protocol === 'soap') {
      // The signed Body (wsu:Id="body") now sits in a header wrapper, its digest intact.
      expect(text.indexOf('wsu:Id="body"')).toBeLessThan(text.indexOf('</SOAP-ENV:Header>'));
      expect(checkSoap(text).referencedValid).toBe(true);
    } else {
      const attached = checkRest(res.body, res.headers['x-road-signature'] as string).attachedPayload;
      expect(JSON.parse(attached!.toString('utf8'))).toEqual(probe.expected);
    }
  });

  it('replayRate 1 after a normal exchange. Result: the earlier answer again, byte for byte, with the old message id', async () => {
    const first = await probe.ask(agency, { id: 'first-message' });
    await agency.setFaults({ replayRate: 1 });
    const replayed = await probe.ask(agency, { id: 'second-message' });
    expect(probe.echoedId(replayed)).toBe('first-message');
    expect(replayed.body.equals(first.body)).toBe(true);
  });

  it('replayCurrentIdRate 1 after an exchange about another person. Result: that earlier answer, relabelled with this request\'s message id', async () => {
    const first = await probe.ask(agency, { id: 'about-someone-else', subject: probe.other });
    await agency.setFaults({ replayCurrentIdRate: 1 });
    const replayed = await probe.ask(agency, { id: 'current-message' });
    expect(probe.echoedId(replayed)).toBe('current-message');
    expect(probe.subjectOf(replayed.body)).toBe(probe.other);
    if (probe.protocol === 'rest') {
      expect(replayed.body.equals(first.body)).toBe(true);
      expect(replayed.headers['x-road-signature']).toBe(first.headers['x-road-signature']);
    } else {
      expect(replayed.body.toString()).toBe(first.body.toString().replace('>about-someone-else<', '>current-message<'));
    }
  });

  it('otherSubjectRate 1 with another subject on file. Result: a fresh answer to THIS message about that other subject', async () => {
    await agency.setFaults({ otherSubjectRate: 1, otherSubject: probe.other });
    const res = await probe.ask(agency, { id: 'asked-about-the-ok-subject' });
    expect(res.status).toBe(200);
    expect(probe.echoedId(res)).toBe('asked-about-the-ok-subject');
    expect(probe.subjectOf(res.body)).toBe(probe.other);
    expect(probe.signature(res).valid).toBe(true);
  });

  it('otherSubjectRate 1 with an otherSubject in no register (env form). Result: a fresh not-found to THIS message naming that other subject', async () => {
    await agency.setFaults(`otherSubjectRate=1,otherSubject=${probe.notFound}`);
    const res = await probe.ask(agency, { id: 'asked-about-the-ok-subject' });
    expect(res.status).toBe(probe.protocol === 'rest' ? 404 : 500);
    expect(probe.echoedId(res)).toBe('asked-about-the-ok-subject');
    expect(probe.subjectOf(res.body)).toBe(probe.notFound);
  });

  it('attributeFloodRate 1. Result: an unsigned answer just under 1 MiB, one element with about 100,000 attributes (or members)', async () => {
    await agency.setFaults({ attributeFloodRate: 1 });
    const res = await probe.ask(agency);
    expect(res.status).toBe(200);
    expect(res.body.length).toBeLessThan(1024 * 1024);
    expect(res.body.length).toBeGreaterThan(1000 * 1024);
    expect((res.body.toString().match(/="1"|":1/g) ?? []).length).toBeGreaterThan(90_000);
  });

  it('signer=expired. Result: answers signed by the expired-certificate signer; healed, by the agency again', async () => {
    await agency.setFaults({ signer: 'expired' });
    const res = await probe.ask(agency);
    expect(probe.signature(res)).toEqual({ signer: 'expired', valid: true });
  });

  it('signer=revoked when no revoked signer was provided. Result: setFaults rejects and the faults stay as they were', async () => {
    await agency.setFaults({ signer: 'untrusted' });
    await expect(agency.setFaults({ signer: 'revoked' })).rejects.toThrow(/signer "revoked"/);
    expect(agency.getFaults()).toEqual({ signer: 'untrusted' });
    expect(probe.signature(await probe.ask(agency)).signer).toBe('untrusted');
  });

  it('A request whose signature the verifier rejects. Result: a signed refusal; the verifier saw the raw bytes', async () => {
    rejectNext = true;
    seenRaw.length = 0;
    const res = await probe.ask(agency, { id: 'unsigned' });
    expect(probe.errorCode(res)).toBe(probe.serverErrorCode.signature);
    expect(probe.signature(res).valid).toBe(true);
    expect(seenRaw).toHaveLength(1);
    if (probe.protocol === 'soap') expect(seenRaw[0].toString('utf8')).toContain('>unsigned</xrd:id>');
  });
});
