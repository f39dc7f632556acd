/** Canonical models of the road police registers (statute 11.2.8 and 11.2.9). */
import type { Encumbrance, Subject } from '../common-model';

export interface Vehicle {
  plate: string;
  vin: string;
  make: string;
  model: string;
  year: number;
  colour: string;
  kind: 'car' | 'truck' | 'bus' | 'motorcycle' | 'trailer';
  registeredOn: string;
  encumbrances: Encumbrance[];
}

/** 11.2.8, getVehicles. */
export interface Vehicles {
  subject: Subject;
  vehicles: Vehicle[];
}

export interface DrivingLicence {
  number: string;
  categories: string[];
  issuedOn: string;
  validUntil: string;
  status: 'valid' | 'expired' | 'suspended' | 'revoked';
  /** Set when suspended: until when and on what basis. */
  suspension: { until: string; basis: string } | null;
}

/** 11.2.9, getDrivingLicences. */
export interface DrivingLicences {
  subject: { fin: string };
  licences: DrivingLicence[];
}
