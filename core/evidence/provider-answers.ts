/**
 * The registries' own signatures inside an evidence packet (statute 12.4: evidence a third party can
 * check): every answer the packet quotes is verified against the certificate pinned for its
 * provider, and its binding to the request the hub sent (contracts/registries/README.md, "Binding
 * an answer to its request") is checked against the packet's own record of that request:
 *
 * - SOAP: WS-Security over Body, Timestamp, the X-Road headers and xrd:requestHash; xrd:id is the
 *   outcome's messageId, xrd:requestHash (SHA-256) its requestHash; the Timestamp was fresh when the
 *   hub issued the packet.
 * - REST: the X-Road-Signature JWS (answerSignature) over the answer bytes; its x-road-id is the
 *   messageId, x-road-request-hash the requestHash, sub the order's subject, iat within the
 *   freshness window of the packet's issue time.
 * - both: the answer bytes are the ones whose digest the packet records (responseHash).
 *
 * Where a SOAP answer names its subject depends on the registry's schema: that is shown by the
 * packet's data and was checked by the hub when it accepted the answer; REST answers name it in
 * the signed `sub`, checked here.
 */
import { hash, type KeyObject } from 'node:crypto';
import { HubError } from '../../contracts/hub';
import {
  ANSWER_CLOCK_SKEW_MS, ANSWER_MAX_AGE_MS, ANSWER_PARAM, DEFAULT_REQUEST_HASH_ALGORITHM, subjectClaim,
} from '../../contracts/registries/xroad-profile';
import { isSigningError } from '../../signing/errors';
import { verifyDetachedJws } from '../../signing/jws';
import { verifyEnvelope, XROAD_HEADERS, XROAD_REQUEST_HASH } from '../../signing/wss';
import type { EvidenceOutcome, EvidencePacket } from './evidence.packet';

/**
 * The trust decision for a provider's answers (its pinned certificate), or undefined when none is
 * known; for a scatter-gather category, asked with the institution's id.
 */
export type ProviderTrustOf = (provider: string) => ((certDer: Buffer | undefined) => Promise<KeyObject>) | undefined;

export interface ProviderAnswerCheck {
  section: string;
  provider: string;
  protocol: 'soap' | 'rest';
  /** SHA-256 of the certificate that signed the answer, hex. */
  signerCertSha256: string;
}

function invalid(o: EvidenceOutcome, reason: string, cause?: unknown): HubError {
  return new HubError('HUB_ERR_EVIDENCE_PROVIDER_INVALID', {
    message: `The answer of ${o.provider ?? 'an unnamed provider'} for ${o.section} is not authentic or not bound to its request: ${reason}`,
    details: { section: o.section, provider: o.provider, reason }, cause,
  });
}

const sha256 = (b: Buffer) => hash('sha256', b, 'hex');
const hexToBase64 = (hex: string | undefined) => (hex && /^[0-9a-f]{64}$/.test(hex) ? Buffer.from(hex, 'hex').toString('base64') : undefined);

/** Checks every signed registry answer in a packet whose hub signature was already verified. Throws on the first that fails. */
export async function verifyProviderAnswers(packet: EvidencePacket, trustOf: ProviderTrustOf): Promise<ProviderAnswerCheck[]> {
  const issuedAt = new Date(packet.issuedAt);
  const checks: ProviderAnswerCheck[] = [];
  // A scatter-gather category quotes one signed answer per institution, each signed with that
  // institution's own certificate (pinned under the institution's id).
  const answers: EvidenceOutcome[] = packet.outcomes.flatMap((o) => (o.institutions
    ? o.institutions.map((i) => ({ ...i, section: o.section, provider: i.institution }))
    : [o]));
  for (const o of answers) {
    if (o.signedAnswer === undefined) continue;
    const trust = o.provider ? trustOf(o.provider) : undefined;
    if (!trust) throw invalid(o, `no certificate is pinned for provider ${o.provider ?? '(none)'}`);
    const body = Buffer.from(o.signedAnswer, 'base64');
    if (o.responseHash !== sha256(body)) throw invalid(o, 'the answer bytes are not the ones whose digest the packet records');
    const requestHash = hexToBase64(o.requestHash);
    if (!o.messageId || !requestHash) throw invalid(o, 'the packet records no message id or request hash for it');
    let signerDer: Buffer | undefined;
    // The trust callback sees the certificate the answer carries; remember which one passed.
    const recording = async (der: Buffer | undefined) => { const k = await trust(der); signerDer = der; return k; };
    try {
      if (o.answerSignature !== undefined) {
        const { header } = await verifyDetachedJws(body, o.answerSignature, recording);
        if (header[ANSWER_PARAM.id] !== o.messageId) throw invalid(o, 'its signed x-road-id is not the message id');
        if (header[ANSWER_PARAM.requestHash] !== requestHash) throw invalid(o, 'its signed request hash is not the request\'s');
        if (header[ANSWER_PARAM.subject] !== subjectClaim(packet.order.subject)) throw invalid(o, 'its signed subject is not the order\'s');
        const iat = header[ANSWER_PARAM.issuedAt];
        const t = typeof iat === 'number' ? iat * 1000 : NaN;
        if (!(t <= issuedAt.getTime() + ANSWER_CLOCK_SKEW_MS && t >= issuedAt.getTime() - ANSWER_MAX_AGE_MS - ANSWER_CLOCK_SKEW_MS)) {
          throw invalid(o, 'its signed time is outside the freshness window of the packet');
        }
        checks.push({ section: o.section, provider: o.provider!, protocol: 'rest', signerCertSha256: sha256(signerDer!) });
      } else {
        const v = await verifyEnvelope(body, {
          trust: recording, now: issuedAt, requiredRefs: ['Body', 'Timestamp', ...XROAD_HEADERS, XROAD_REQUEST_HASH],
        });
        if (v.headers.id !== o.messageId) throw invalid(o, 'its signed xrd:id is not the message id');
        const rh = v.headers.requestHash;
        if (rh?.algorithmId !== DEFAULT_REQUEST_HASH_ALGORITHM || rh.value !== requestHash) throw invalid(o, 'its signed xrd:requestHash is not the request\'s');
        checks.push({ section: o.section, provider: o.provider!, protocol: 'soap', signerCertSha256: sha256(v.signerCertDer) });
      }
    } catch (err) {
      if (HubError.is(err)) throw err;
      throw invalid(o, isSigningError(err) ? `its signature does not verify (${err.reason})` : 'its signature does not verify', err);
    }
  }
  return checks;
}
