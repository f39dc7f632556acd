/**
 * Signing hooks backed by signing/: WS-Security over the Body, the Timestamp and every echoed
 * X-Road header including xrd:requestHash (contracts/registries/README.md), and a detached JWS over
 * REST bodies carrying the answer's binding parameters. The launcher (npm start, tests, benchmarks)
 * passes an agency certificate and key; the broken variants (untrusted, expired, revoked) are the
 * same hooks with other certificates.
 */
import type { KeyObject } from 'node:crypto';
import { signDetachedJws } from '../../signing/jws';
import { signEnvelope } from '../../signing/wss';
import { SIGNED_IDS } from './xroad-soap';
import type { SignerHooks } from './signers';

const KNOWN_IDS = Object.values(SIGNED_IDS);

/** The X-Road ids present in an answer (a fault for a request without some header echoes fewer). */
function presentIds(xml: string): string[] {
  return KNOWN_IDS.filter((id) => xml.includes(`wsu:Id="${id}"`));
}

export function agencySigner(signer: { certPem: string; key: KeyObject }): SignerHooks {
  return {
    soap: (xml) => signEnvelope(xml, signer, { refIds: presentIds(xml) }),
    rest: (body, params) => ({ 'X-Road-Signature': signDetachedJws(body, signer, { header: params }) }),
  };
}
