/** Canonical model of the refugees and IDP committee (statute 11.2.16). */

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
}
