/** core/audit: the tamper-evident audit trail (8.2.15) and the access report (13.3). */
export * from './audit-types';
export { createAuditTrail, type AuditTrail, type AuditTrailOptions } from './audit-trail';
export { verifyAuditChain, type VerifyChainOptions, type VerifyChainResult, type ChainBreak, type ChainProblem } from './verify-chain';
export { runAuditVerify, type AuditVerifyIo } from './audit-verify-cli';
export { accessReport, type AccessReportLine } from './access-report';
export { identifierHmac, type HmacKey } from './identifiers';
export { checkpointBytes, writeCheckpoint, CHECKPOINT_KIND } from './checkpoints';
export { hashEvent, GENESIS_HASH, type ChainedEvent } from './event-hash';
