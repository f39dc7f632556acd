export * from './delegation.types';
export { authorizeDelegation, type DelegationPolicyInput } from './delegation.policy';
