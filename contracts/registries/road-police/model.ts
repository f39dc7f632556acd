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

/*
 * The canonical answers of getVehicles and getDrivingLicences (model.<operation>.schema.json), what
 * the adapter returns: codes with their Azerbaijani labels, null for what is not set.
 */
export interface CodedValue<C extends string = string> { code: C; label: string }

export interface EncumbranceModel {
  type: CodedValue<Encumbrance['type']>;
  holder: { name: string; fin: string | null; voen: string | null };
  basis: { kind: CodedValue<Encumbrance['basis']['kind']>; number: string; date: string; issuer: string };
  registeredOn: string;
  until: string | null;
}

export interface VehicleModel {
  plate: string;
  vin: string;
  make: string;
  model: string;
  year: number;
  colour: string;
  kind: CodedValue<Vehicle['kind']>;
  registeredOn: string;
  encumbrances: EncumbranceModel[];
}

export interface VehiclesModel {
  subject: Subject;
  vehicles: VehicleModel[];
}

export interface DrivingLicenceModel {
  number: string;
  categories: CodedValue[];
  issuedOn: string;
  validUntil: string;
  status: CodedValue<DrivingLicence['status']>;
  suspension: { until: string; basis: string } | null;
}

export interface DrivingLicencesModel {
  subject: { fin: string };
  licences: DrivingLicenceModel[];
}
