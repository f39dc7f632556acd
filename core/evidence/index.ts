export * from './evidence.packet';
export { signEvidence, verifyEvidence } from './evidence.sign';
export { attachContent, detachContent } from './cms-attach';
