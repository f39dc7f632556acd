/** Canonical model of one utility's answer (statute 11.2.17, scatter-gather over three). */
import type { Money, Subject } from '../common-model';

export interface UtilitySubscription {
  accountNumber: string;
  service: 'electricity' | 'water' | 'gas';
  address: string;
  since: string;
  status: 'active' | 'disconnected' | 'closed';
  debt: Money;
  lastPaymentOn: string | null;
}

/** 11.2.17, getUtilityAccounts at one utility. */
export interface UtilityAccounts {
  subject: Subject;
  utility: { id: string; name: string };
  subscriptions: UtilitySubscription[];
}
