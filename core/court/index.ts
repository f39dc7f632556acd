export { createCourtService } from './court.service';
export { courtStore } from './court-store';
export { recoverAbandoned, type RecoveryReport } from './recovery.flow';
export { ANSWER_MARGIN_MS } from './deadlines';
export type { CourtServiceDeps, CourtStore, RecoveryStore, AuditPort, AccessReporter, CaseInput, PersonInput } from './ports';
export type { CourtLookupResult, LookupOutcomeView } from './lookup.flow';
export type { IdentityCheckResult } from './identity.flow';
export type { DelegationResult } from './delegation.flow';
