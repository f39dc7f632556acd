/** Canonical model of the movable property pledge register (statute 11.2.15). */
import type { Money, PartyRef, Subject } from '../common-model';

/** A thing encumbered in favour of the subject, who holds the mortgage or pledge. */
export interface CollateralItem {
  registrationNumber: string;
  kind: 'movable' | 'immovable';
  description: string;
  pledgor: PartyRef;
  securedAmount: Money;
  registeredOn: string;
  status: 'active' | 'released';
}

/** 11.2.15, getCollateral. */
export interface Collateral {
  subject: Subject;
  items: CollateralItem[];
}
