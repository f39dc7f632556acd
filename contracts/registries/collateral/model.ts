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

/**
 * The canonical model the collateral adapter returns (model.getCollateral.schema.json): the pledge
 * register's answer with its codes and their Azerbaijani labels, amounts as decimal strings. The
 * interfaces above are the synthetic world's records (mocks/world), from which the mock register answers.
 */
export interface Coded<C extends string = string> { code: C; label: string }
export interface DecimalMoney { amount: string; currency: Money['currency'] }

export interface PledgesAnswer {
  subject: Subject;
  pledges: {
    registrationNumber: string;
    propertyKind: Coded<CollateralItem['kind']>;
    description: string;
    pledgor: PartyRef;
    securedAmount: DecimalMoney;
    registeredOn: string;
    status: Coded<CollateralItem['status']>;
  }[];
}
