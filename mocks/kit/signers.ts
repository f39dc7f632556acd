/**
 * Signing hooks of the mock agencies. The mocks do not sign by themselves: whoever starts them
 * passes hooks (signing/wss signEnvelope and signing/jws signDetachedJws bound to an agency key),
 * so mocks/ needs no key material and tests can also pass hooks that sign with bad keys.
 */
import type { SignerVariant } from './faults';

export interface SignerHooks {
  /** Signs a whole SOAP envelope (WS-Security) over every wsu:Id it carries; returns the signed envelope. */
  soap?: (xml: string) => string;
  /**
   * Signs a REST body; returns headers to add, e.g. { 'X-Road-Signature': jws }. `params` are the
   * answer's protected header parameters of profile v2 (x-road-id, x-road-request-hash, sub, iat:
   * contracts/registries/xroad-profile.ts ANSWER_PARAM), to be signed with the body.
   */
  rest?: (body: Buffer, params: Readonly<Record<string, unknown>>) => Record<string, string>;
}

/** The agency's own signer and the broken variants that fault injection can switch to. */
export type SignerSet = Partial<Record<SignerVariant, SignerHooks>>;

/** Checks that the variant a fault config asks for was provided. */
export function signerFor(signers: SignerSet, variant: SignerVariant | undefined): SignerHooks | undefined {
  const name = variant ?? 'default';
  const hooks = signers[name];
  if (!hooks && name !== 'default') throw new Error(`signer "${name}" requested by the fault config but not provided`);
  return hooks;
}

/** Verifies the signature of an incoming request; rejects to refuse it. */
export type RequestVerifier = (raw: Buffer, headers: Readonly<Record<string, string | string[] | undefined>>) => Promise<void>;
