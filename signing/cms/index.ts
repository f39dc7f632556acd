export { signDetached } from './sign-detached';
export type { SignOptions, SignerInput } from './sign-detached';
export { verifyDetached } from './verify-detached';
export type { VerifyOptions, VerifiedSignature } from './verify-detached';
