/** Canonical model of the unified register of inspections (statute 11.2.25). */
import type { Money, Subject } from '../common-model';

/** A measure the inspecting body imposed after finding violations. */
export interface InspectionSanction {
  kind: 'fine' | 'warning' | 'order-to-remedy' | 'activity-suspension';
  /** The fine; null for measures without an amount. */
  amount: Money | null;
  /** Code article the measure rests on, e.g. "Inzibati Xətalar Məcəlləsi, maddə 411.1". */
  article: string;
  /** A fine: paid or not; an order: complied with or not; a warning: executed at once. */
  executed: boolean;
}

export interface Inspection {
  inspectionNumber: string;
  authority: string;
  kind: 'planned' | 'unplanned';
  startedOn: string;
  endedOn: string | null;
  result: 'in-progress' | 'no-violations' | 'violations-found';
  fines: Money | null;
  /** The act that allowed the inspection (law article, the body's order number). */
  legalBasis: string;
  /** Violations found, one sentence each; empty when none or still in progress. */
  findings: string[];
  sanctions: InspectionSanction[];
}

/** 11.2.25, getInspections: inspections of the subject's business. */
export interface Inspections {
  subject: Subject;
  /** The business inspected: the company, or the person's registration as an entrepreneur. */
  business: { voen: string; name: string };
  inspections: Inspection[];
}

/**
 * The canonical model the inspections adapter returns (model.getInspections.schema.json): the
 * register's answer with its codes and their Azerbaijani labels, amounts as decimal strings. The
 * interfaces above are the synthetic world's records (mocks/world), from which the mock answers.
 */
export interface Coded<C extends string = string> { code: C; label: string }
export interface DecimalMoney { amount: string; currency: Money['currency'] }

export interface InspectionAnswer {
  inspectionNumber: string;
  authority: string;
  kind: Coded<Inspection['kind']>;
  legalBasis: string;
  startedOn: string;
  endedOn: string | null;
  status: Coded<Inspection['result']>;
  findings: string[];
  sanctions: { kind: Coded<InspectionSanction['kind']>; amount: DecimalMoney | null; article: string; executed: boolean }[];
}

export interface InspectionsAnswer {
  subject: Subject;
  business: { voen: string; name: string };
  inspections: InspectionAnswer[];
}
