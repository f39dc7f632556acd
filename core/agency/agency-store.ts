/** The agency service's store port over the store of record. */
import type { Agency } from '../../agencies/directory.types';
import type { Db } from '../store/db';
import { getAgency, getAgencyByMember } from '../store/repositories/agencies';
import { currentStatus, recordStatusReport, statusHistory } from '../store/repositories/enforcement-status';
import { decisionsForAgency, getSignedDecision } from '../store/repositories/signed-decisions';
import type { AgencyStore } from './agency.flow';

export function agencyStore(db: Db): AgencyStore {
  return {
    agencyByMember: (m) => getAgencyByMember(db, m),
    agencies: async (ids) => (await Promise.all([...new Set(ids)].map((id) => getAgency(db, id)))).filter((a): a is Agency => a !== null),
    decisionsForAgency: (id, o) => decisionsForAgency(db, id, o),
    decision: (id) => getSignedDecision(db, id),
    currentStatus: (id) => currentStatus(db, id),
    statusHistory: (id) => statusHistory(db, id),
    recordStatusReport: (r, ev) => recordStatusReport(db, r, ev),
  };
}
