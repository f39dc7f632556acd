/**
 * Canonical models the adapters return (README.md of this folder; JSON Schemas in
 * <provider>/model.schema.json). The wire payloads have the same field names.
 */
export type CivilStatus = 'single' | 'married' | 'divorced' | 'widowed';
export type DocumentStatus = 'valid' | 'expired' | 'lost' | 'revoked';
export type DocumentType = 'ID_CARD' | 'PASSPORT' | 'RESIDENCE_PERMIT';

export interface PersonAddress {
  city: string;
  district: string;
  street: string;
}

export interface IdentityDocument {
  type: DocumentType;
  series: string;
  number: string;
  /** ISO date, YYYY-MM-DD */
  issuedOn: string;
  validUntil: string;
  status: DocumentStatus;
}

/** 11.2.22: population register, getPerson. */
export interface PopulationPerson {
  fin: string;
  surname: string;
  givenName: string;
  /** Father's given name + "oğlu" (son of) or "qızı" (daughter of). */
  patronymic: string;
  birthDate: string;
  gender: 'M' | 'F';
  /** ISO 3166-1 alpha-3 */
  citizenship: string;
  civilStatus: CivilStatus;
  address: PersonAddress;
  identityDocument: IdentityDocument;
}

export type MobileOperator = 'Azercell' | 'Bakcell' | 'Nar';
export type NumberStatus = 'active' | 'suspended' | 'terminated';

export interface PhoneNumber {
  /** E.164, e.g. +994501234567 */
  msisdn: string;
  operator: MobileOperator;
  registeredOn: string;
  status: NumberStatus;
}

/** 11.2.3: telecom register, phone numbers of a person. */
export interface PhoneNumbers {
  fin: string;
  numbers: PhoneNumber[];
}
