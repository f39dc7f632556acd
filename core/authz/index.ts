export * from './authz.types';
export { checkSigner, checkWindow, checkFresh } from './common.rules';
export { authorizeLookup, isParty, type LookupPolicyInput } from './lookup.policy';
export { authorizeAccessReport, type SubjectRequest } from './subject.policy';
export { authorizeOperator } from './operator.policy';
export { authorizeEvidenceAccess } from './evidence-access.policy';
export { signatureRefusal } from './signature-refusal';
