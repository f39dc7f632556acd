/**
 * Registry answers of profile v2 as a stand-in adapter would hand them to core: signed by an agency
 * key, bound to a message id, the digest of a request and the subject (contracts/registries/
 * README.md), so that evidence packets built from them verify offline like real ones. SOAP answers
 * use the mock agencies' envelope; REST answers a detached JWS with the answer parameters.
 */
import { createHash, type KeyObject } from 'node:crypto';
import type { AdapterResult, Subject } from '../../contracts/hub';
import { ANSWER_PARAM, subjectClaim } from '../../contracts/registries/xroad-profile';
import { signDetachedJws } from '../../signing/jws';
import { agencySigner } from '../../mocks';
import { answerEnvelope, type XRoadHeaders } from '../../mocks/kit/xroad-soap';

export type SignedParts = Pick<AdapterResult, 'messageId' | 'requestHash' | 'responseHash' | 'signedAnswer' | 'answerSignature'>;

const sha256 = (b: Buffer | string) => createHash('sha256').update(b);

function xroadHeaders(messageId: string, provider: string): XRoadHeaders {
  const ident = (objectType: string, fields: [string, string][]) => ({ objectType, fields });
  return {
    client: ident('SUBSYSTEM', [['xRoadInstance', 'AZ'], ['memberClass', 'GOV'], ['memberCode', '1400000001'], ['subsystemCode', 'court-hub']]),
    service: ident('SERVICE', [['xRoadInstance', 'AZ'], ['memberClass', 'GOV'], ['memberCode', '1700000000'], ['subsystemCode', provider], ['serviceCode', 'get'], ['serviceVersion', 'v1']]),
    id: messageId, userId: 'AZ-FIN-JDG0001', issue: '2(101)-1234/2026', protocolVersion: '4.0',
  };
}

/**
 * A signed answer to message `messageId` about `subject`. `protocol` picks the form; the request is
 * a stand-in whose digest the answer signs (what the hub would record as requestHash).
 */
export function signedAnswer(agency: { certPem: string; key: KeyObject }, o: {
  protocol: 'soap' | 'rest'; provider: string; messageId: string; subject: Subject; data: unknown;
}): SignedParts {
  const request = Buffer.from(`request ${o.messageId}`);
  const requestHash = sha256(request).digest();
  if (o.protocol === 'soap') {
    const who = 'fin' in o.subject ? `<fin>${o.subject.fin}</fin>` : `<voen>${o.subject.voen}</voen>`;
    const xml = answerEnvelope(xroadHeaders(o.messageId, o.provider), `<r:answer xmlns:r="urn:test:${o.provider}">${who}</r:answer>`, requestHash.toString('base64'));
    const body = Buffer.from(agencySigner(agency).soap!(xml));
    return { messageId: o.messageId, requestHash: requestHash.toString('hex'), responseHash: sha256(body).digest('hex'), signedAnswer: body.toString('base64') };
  }
  const body = Buffer.from(JSON.stringify(o.data));
  const answerSignature = signDetachedJws(body, agency, { header: {
    [ANSWER_PARAM.id]: o.messageId, [ANSWER_PARAM.requestHash]: requestHash.toString('base64'),
    [ANSWER_PARAM.subject]: subjectClaim(o.subject), [ANSWER_PARAM.issuedAt]: Math.floor(Date.now() / 1000),
  } });
  return { messageId: o.messageId, requestHash: requestHash.toString('hex'), responseHash: sha256(body).digest('hex'), signedAnswer: body.toString('base64'), answerSignature };
}
