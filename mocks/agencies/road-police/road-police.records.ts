/**
 * The road police registers' answers (statute 11.2.8 getVehicles, 11.2.9 getDrivingLicences) from
 * the synthetic world, laid out as road-police.xsd: codes with the register's Azerbaijani labels.
 */
import type { Encumbrance } from '../../../contracts/registries/common-model';
import type { DrivingLicences, Vehicles } from '../../../contracts/registries/road-police/model';

const VEHICLE_KIND = { car: 'Minik avtomobili', truck: 'Yük avtomobili', bus: 'Avtobus', motorcycle: 'Motosiklet', trailer: 'Qoşqu' } as const;
const ENCUMBRANCE = { arrest: 'Həbs', pledge: 'Girov', ban: 'Qadağa', lease: 'İcarə', mortgage: 'İpoteka' } as const;
const BASIS = {
  'court-decision': 'Məhkəmə qərarı', 'enforcement-order': 'İcra məmurunun qərarı', 'pledge-contract': 'Girov müqaviləsi',
  'mortgage-contract': 'İpoteka müqaviləsi', 'lease-contract': 'İcarə müqaviləsi', 'investigator-order': 'Müstəntiqin qərarı',
} as const;
/** Categories of the Vienna Convention on Road Traffic (1968), Annex 6, as a licence prints them. */
const CATEGORY: Readonly<Record<string, string>> = {
  A: 'Motosikletlər', A1: 'Yüngül motosikletlər', B: 'Minik avtomobilləri (3500 kq-dək)', B1: 'Motorlu üçtəkərli və dördtəkərli nəqliyyat vasitələri',
  BE: 'Qoşqulu B kateqoriyalı avtomobillər', C: 'Yük avtomobilləri (3500 kq-dan çox)', C1: 'Yük avtomobilləri (3500–7500 kq)',
  CE: 'Qoşqulu C kateqoriyalı avtomobillər', C1E: 'Qoşqulu C1 kateqoriyalı avtomobillər', D: 'Avtobuslar',
  D1: 'Kiçik avtobuslar (16 oturacağadək)', DE: 'Qoşqulu D kateqoriyalı avtobuslar', D1E: 'Qoşqulu D1 kateqoriyalı avtobuslar',
};
const LICENCE_STATUS = { valid: 'Qüvvədədir', expired: 'Müddəti bitib', suspended: 'Dayandırılıb', revoked: 'Ləğv edilib' } as const;

function encumbrance(e: Encumbrance) {
  return {
    type: { code: e.type, label: ENCUMBRANCE[e.type] },
    holder: { name: e.holder.name, fin: e.holder.fin ?? null, voen: e.holder.voen ?? null },
    basis: { kind: { code: e.basis.kind, label: BASIS[e.basis.kind] }, number: e.basis.number, date: e.basis.date, issuer: e.basis.issuer },
    registeredOn: e.registeredOn,
    until: e.until,
  };
}

export function vehiclesPayload(v: Vehicles): Record<string, unknown> {
  return {
    subject: 'fin' in v.subject ? { fin: v.subject.fin } : { voen: v.subject.voen },
    vehicles: {
      vehicle: v.vehicles.map((x) => ({
        plate: x.plate, vin: x.vin, make: x.make, model: x.model, year: x.year, colour: x.colour,
        kind: { code: x.kind, label: VEHICLE_KIND[x.kind] }, registeredOn: x.registeredOn,
        encumbrances: { encumbrance: x.encumbrances.map(encumbrance) },
      })),
    },
  };
}

export function drivingLicencesPayload(d: DrivingLicences): Record<string, unknown> {
  return {
    subject: { fin: d.subject.fin },
    licences: {
      licence: d.licences.map((l) => ({
        number: l.number,
        categories: {
          category: l.categories.map((c) => {
            if (!CATEGORY[c]) throw new Error(`unknown licence category ${c}`);
            return { code: c, label: CATEGORY[c] };
          }),
        },
        issuedOn: l.issuedOn, validUntil: l.validUntil,
        status: { code: l.status, label: LICENCE_STATUS[l.status] },
        suspension: l.suspension ? { until: l.suspension.until, basis: l.suspension.basis } : null,
      })),
    },
  };
}
