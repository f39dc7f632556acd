/**
 * Signing and verifying evidence packets. Choice (documented in contracts/hub/openapi.yaml and
 * the README): an ATTACHED CMS SignedData (RFC 5652 §5.2, CAdES-BES attributes) whose eContent
 * is the RFC 8785 canonical JSON of the packet, signed by the hub's certificate with its issuing
 * CA embedded. One file, verifiable offline with only the root certificate:
 *
 *   openssl cms -verify -inform DER -in packet.p7s -CAfile root.pem -out packet.json
 *   court-hub verify-evidence packet.p7s --trust root.pem
 */
import { HubError } from '../../contracts/hub';
import { isSigningError } from '../../signing/errors';
import { canonicalBytes } from '../orders/order.canonical';
import type { DocumentSigner, SignatureVerifier, VerifiedDocumentSigner } from '../orders/signature.port';
import { attachContent, detachContent } from './cms-attach';
import { EVIDENCE_TYPE, type EvidencePacket } from './evidence.packet';

export async function signEvidence(packet: EvidencePacket, signer: DocumentSigner): Promise<Buffer> {
  const content = canonicalBytes(packet);
  return attachContent(await signer.sign(content), content);
}

function invalid(reason: string): HubError {
  return new HubError('HUB_ERR_EVIDENCE_INVALID', { details: { reason } });
}

/** Checks the hub's signature (path to a trusted root, revocation) and returns the packet it covers. */
export async function verifyEvidence(der: Buffer, verifier: SignatureVerifier): Promise<{ packet: EvidencePacket; signer: VerifiedDocumentSigner }> {
  let content: Buffer;
  let detached: Buffer;
  try {
    ({ content, detached } = detachContent(der));
  } catch (err) {
    throw invalid(isSigningError(err) ? err.reason : 'malformed');
  }
  let signer: VerifiedDocumentSigner;
  try {
    signer = await verifier.verify(content, detached);
  } catch (err) {
    throw invalid(isSigningError(err) ? err.reason : 'bad-signature');
  }
  let packet: EvidencePacket;
  try {
    packet = JSON.parse(content.toString('utf8')) as EvidencePacket;
  } catch {
    throw invalid('content is not JSON');
  }
  if (packet?.type !== EVIDENCE_TYPE || packet.version !== 1) throw invalid('not an evidence packet');
  // What was signed is the canonical form; anything else was not produced by the hub.
  if (!canonicalBytes(packet).equals(content)) throw invalid('content is not canonical JSON');
  return { packet, signer };
}
