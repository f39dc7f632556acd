/**
 * Stand-in signers for the mock's signing hooks: a SHA-256 "signature" over the element the real
 * WS-Security signature would reference (the Body with wsu:Id="body") or over the REST body. They
 * let the fault tests observe tampering without PKI; the real signers are signing/wss and
 * signing/jws, wired by the launcher.
 */
import { createHash } from 'node:crypto';
import type { SignerHooks } from '../../../../mocks';

const SIG_NS = 'urn:test:fake-signature';

function digest(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('base64url');
}

/** The element carrying wsu:Id="body", wherever it is (the naive lookup a wrapping attack fools). */
export function elementWithBodyId(xml: string): string | undefined {
  const m = /<([A-Za-z_][\w.-]*:)?Body\b[^>]*wsu:Id="body"[^>]*>/.exec(xml);
  if (!m) return undefined;
  const end = xml.indexOf(`</${m[1] ?? ''}Body>`, m.index);
  return xml.slice(m.index, end + `</${m[1] ?? ''}Body>`.length);
}

/** The SOAP Body that is the Envelope's child (the one a mapper would read). */
export function envelopeBody(xml: string): string {
  const header = xml.lastIndexOf('</SOAP-ENV:Header>');
  const start = xml.indexOf('<SOAP-ENV:Body', header);
  const end = xml.lastIndexOf('</SOAP-ENV:Body>');
  return xml.slice(start, end + '</SOAP-ENV:Body>'.length);
}

export function fakeSigner(label: string): SignerHooks {
  return {
    soap: (xml) => {
      const body = elementWithBodyId(xml)!;
      const sig = `<fs:Signature xmlns:fs="${SIG_NS}" signer="${label}">${digest(body)}</fs:Signature>`;
      return xml.replace('</SOAP-ENV:Header>', `${sig}</SOAP-ENV:Header>`);
    },
    rest: (body, params) => ({
      'X-Road-Signature': `${Buffer.from(JSON.stringify({ alg: 'test', signer: label, ...params })).toString('base64url')}..${digest(body)}`,
    }),
  };
}

/** Which signer signed, and whether the digest matches what it references. */
export function checkSoap(xml: string): { signer?: string; referencedValid: boolean } {
  const m = /<fs:Signature xmlns:fs="urn:test:fake-signature" signer="([^"]+)">([^<]+)<\/fs:Signature>/.exec(xml);
  const referenced = elementWithBodyId(xml);
  return { signer: m?.[1], referencedValid: !!m && !!referenced && digest(referenced) === m[2] };
}

export function checkRest(body: Buffer, jws: string | undefined): { signer?: string; valid: boolean; attachedPayload?: Buffer; params?: Record<string, unknown> } {
  if (!jws) return { valid: false };
  const [h, payload, sig] = jws.split('.');
  const header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8')) as { signer: string };
  return {
    signer: header.signer,
    params: header,
    valid: payload === '' && digest(body) === sig,
    attachedPayload: payload ? Buffer.from(payload, 'base64url') : undefined,
  };
}
