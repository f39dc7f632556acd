/** Canonical models of the state real-estate register (statute 11.2.5 and 11.2.6). */
import type { Encumbrance, Subject } from '../common-model';

export type PropertyKind = 'apartment' | 'house' | 'land' | 'non-residential';
export type RightType = 'ownership' | 'joint-ownership' | 'use' | 'lease';

export interface RealEstateRight {
  /** The register's record number of the property. */
  registryNumber: string;
  cadastralNumber: string;
  kind: PropertyKind;
  address: string;
  areaSqm: number;
  rightType: RightType;
  /** The subject's share as a fraction, e.g. "1/1", "1/2". */
  share: string;
  registeredOn: string;
  /** The document the right was registered on (sale contract, inheritance certificate, …). */
  basisDocument: string;
}

/** 11.2.5, getRealEstateRights. */
export interface RealEstateRights {
  subject: Subject;
  rights: RealEstateRight[];
}

export interface RealEstateEncumbrance extends Encumbrance {
  registryNumber: string;
  cadastralNumber: string;
  address: string;
}

/** 11.2.6, getEncumbrances: restrictions on the subject's real estate. */
export interface RealEstateEncumbrances {
  subject: Subject;
  encumbrances: RealEstateEncumbrance[];
}
