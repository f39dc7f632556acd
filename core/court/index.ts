export { createCourtService } from './court.service';
export { courtStore } from './court-store';
export type { CourtServiceDeps, CourtStore, AuditPort, AccessReporter, CaseInput, PersonInput } from './ports';
export type { CourtLookupResult, LookupOutcomeView } from './lookup.flow';
export type { IdentityCheckResult } from './identity.flow';
export type { DelegationResult } from './delegation.flow';
