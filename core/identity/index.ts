export * from './identity-request';
export { authorizeIdentityCheck, type IdentityPolicyInput } from './identity.policy';
export { matchIdentity, notFoundVerdict, type IdentityVerdict, type FieldVerdict, type DocumentStatus } from './identity.match';
