/**
 * The directory of agencies that consume court decisions (statute 7.2.2, 7.2.5: the owner exchanges
 * data with other state bodies over EHİS). Data, not code: `agencies/directory.json` lists each
 * agency's X-Road member, its pinned certificate, its callback and what it may receive; the owner
 * changes the file, never the code.
 */
export const AGENCY_METHODS = ['listDecisions', 'getDecision', 'getEnforcementStatus', 'reportEnforcementStatus'] as const;
export type AgencyMethod = (typeof AGENCY_METHODS)[number];

export const PARTY_FIELDS = ['role', 'fin', 'voen', 'name'] as const;
export type PartyField = (typeof PARTY_FIELDS)[number];

export interface AgencyRules {
  /** Decision kinds the agency may be addressed with (judgment, sentence, ruling, order, decision). */
  decisionKinds: string[];
  /** Actions the agency may be asked to take (arrest-accounts, travel-ban, encumbrance …). */
  actions: string[];
  /** 6.1.19: the enforcement service sees every decision to be enforced and reports its status. */
  enforcement: boolean;
  /** Data minimization: which fields of the concerned parties the agency receives. */
  partyFields: PartyField[];
  /** Whether the agency receives the operative part of the decision's text. */
  operativePart: boolean;
  /** The operations of the agency service it may call (X-Road allowedMethods). */
  methods: AgencyMethod[];
}

export interface AgencyEntry {
  id: string;
  title: { az: string; en: string };
  /** X-Road member: AZ/GOV/<code>/<subsystem>. */
  xroad: { instance: string; memberClass: string; memberCode: string; subsystemCode: string };
  /**
   * The pinned certificate: `sha256:<hex>` of the DER, or `pki:<name>` for the agency certificate
   * of that name in the hub's PKI directory (the demo PKI).
   */
  certificate: string;
  /** Where the hub pushes events (signed, v2 REST profile); absent: the agency only pulls. */
  callbackUrl?: string;
  /** Env variable that overrides callbackUrl (the mock agencies' port). */
  callbackEnv?: string;
  rules: AgencyRules;
}

/** An agency as the hub uses it: the pin resolved to a SHA-256. */
export interface Agency {
  id: string;
  memberId: string;
  certSha256: string;
  callbackUrl: string | null;
  rules: AgencyRules;
  active: boolean;
}

export const memberIdOf = (x: AgencyEntry['xroad']): string => `${x.instance}/${x.memberClass}/${x.memberCode}/${x.subsystemCode}`;
