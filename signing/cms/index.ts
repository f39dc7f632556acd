export { signDetached } from './sign-detached';
export { issuerChain, type IssuerChain } from './issuer-chain';
export type { SignOptions, SignerInput } from './sign-detached';
export { verifyDetached } from './verify-detached';
export type { VerifyOptions, VerifiedSignature } from './verify-detached';
