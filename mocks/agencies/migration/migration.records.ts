/**
 * The border and migration service's answers (statute 11.2.10 getBorderCrossings, 11.2.11
 * getTravelBans) from the synthetic world, laid out as migration.xsd: codes with the service's
 * Azerbaijani labels.
 */
import type { BorderCrossings, TravelBans } from '../../../contracts/registries/migration/model';

const DIRECTION = { exit: 'Çıxış', entry: 'Giriş' } as const;
const BASIS = { 'court-decision': 'Məhkəmə qərarı', 'enforcement-proceeding': 'İcra icraatı', 'investigator-order': 'Müstəntiqin qərarı' } as const;
const BAN_STATUS = { active: 'Qüvvədədir', lifted: 'Götürülüb' } as const;

export function borderCrossingsPayload(b: BorderCrossings): Record<string, unknown> {
  return {
    subject: { fin: b.subject.fin },
    crossings: {
      crossing: b.crossings.map((c) => ({
        at: c.at, direction: { code: c.direction, label: DIRECTION[c.direction] }, checkpoint: c.checkpoint,
        country: c.country, document: c.document, vehiclePlate: c.vehiclePlate,
      })),
    },
  };
}

export function travelBansPayload(t: TravelBans): Record<string, unknown> {
  return {
    subject: { fin: t.subject.fin },
    barred: t.barred,
    bans: {
      ban: t.bans.map((b) => ({
        banNumber: b.banNumber,
        basis: { kind: { code: b.basis.kind, label: BASIS[b.basis.kind] }, number: b.basis.number, date: b.basis.date, issuer: b.basis.issuer },
        since: b.since, until: b.until, status: { code: b.status, label: BAN_STATUS[b.status] },
      })),
    },
  };
}
