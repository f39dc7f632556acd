/**
 * The real signing/ functions bound into the engines' seams (seams.ts). The bus calls these with the
 * hub key and each provider's trust decision; tests use them with throw-away test certificates.
 */
import { SigningError } from '../../signing/errors';
import { signDetachedJws, verifyDetachedJws, type JwsTrust } from '../../signing/jws';
import { signEnvelope, verifyEnvelope, type VerifyEnvelopeOptions, type WssSigner } from '../../signing/wss';
import type { RestSign, RestVerify, SoapSign, SoapVerify } from './seams';
import { SOAP_REF_IDS } from './xroad-envelope';

/** WS-Security over Body and the six X-Road headers (contracts/registries/README.md), plus the Timestamp. */
export function wssSign(signer: WssSigner): SoapSign {
  const refIds = [...SOAP_REF_IDS];
  return (xml) => signEnvelope(xml, signer, { refIds });
}

/**
 * Pass the provider's trust callback. No replay cache here: the kit consumes the message id only
 * after the answer is bound to its request (answer-binding.ts, replay-guard.ts), in a cache all
 * nodes share; consuming it inside the verifier would let a misdirected answer use up a real id.
 */
export function wssVerify(opts: Omit<VerifyEnvelopeOptions, 'replayCache'>): SoapVerify {
  const o = { ...opts, replayCache: undefined };
  return (raw) => verifyEnvelope(raw, o);
}

export function jwsSign(signer: WssSigner): RestSign {
  return (body, params) => signDetachedJws(body, signer, { header: params });
}

/** An answer without X-Road-Signature is not authentically signed. */
export function jwsVerify(trust: JwsTrust): RestVerify {
  return async (body, jws) => {
    if (!jws) throw new SigningError('missing-element', 'X-Road-Signature header');
    const { header } = await verifyDetachedJws(body, jws, trust);
    return { header };
  };
}
