/** Canonical model of the unified register of inspections (statute 11.2.25). */
import type { Money, Subject } from '../common-model';

export interface Inspection {
  inspectionNumber: string;
  authority: string;
  kind: 'planned' | 'unplanned';
  startedOn: string;
  endedOn: string | null;
  result: 'in-progress' | 'no-violations' | 'violations-found';
  fines: Money | null;
}

/** 11.2.25, getInspections: inspections of the subject's business. */
export interface Inspections {
  subject: Subject;
  inspections: Inspection[];
}
