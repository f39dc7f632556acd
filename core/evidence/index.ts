export * from './evidence.packet';
export { signEvidence, verifyEvidence } from './evidence.sign';
export { attachContent, detachContent } from './cms-attach';
export { verifyProviderAnswers } from './provider-answers';
export type { ProviderAnswerCheck, ProviderTrustOf } from './provider-answers';
