/** Canonical model of the refugees and IDP committee (statute 11.2.16). */
import type { Money } from '../common-model';

/** A state allowance paid to the person for the status. */
export interface IdpAllowance {
  /** monthly-food: the monthly allowance for food of every IDP. */
  kind: 'monthly-food';
  monthly: Money;
  since: string;
  /** null: still paid; the date it stopped (the return to the home district). */
  until: string | null;
}

/** 11.2.16, getIdpStatus: a person not in the register is "not found". */
export interface IdpStatus {
  subject: { fin: string };
  status: 'idp' | 'refugee';
  certificateNumber: string;
  registeredOn: string;
  /** The district the person was displaced from. */
  originDistrict: string;
  /** Where the person is settled now. */
  settledAt: string;
  familyMembers: number;
  /** Returned to a liberated district under the Great Return programme. */
  returned: boolean;
  /** When the person returned (null: not returned). */
  returnedOn: string | null;
  allowances: IdpAllowance[];
}
