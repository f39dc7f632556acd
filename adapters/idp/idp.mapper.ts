/**
 * Pure mapper of the refugees and IDP committee's getIdpStatusResponse (contracts/registries/idp/
 * upstream/idp.xsd) to the canonical model (model.getIdpStatus.schema.json, statute 11.2.16). Input:
 * the verified payload element only. A required element missing or repeated is a shape we do not
 * know: it throws and the engine reports a bad answer. Codes and formats are checked by the model
 * schema afterwards.
 */
import type { AdapterCallParams } from '../../contracts/hub';
import type { XmlElement } from '../../signing/xml/light-dom';
import type { MapResult } from '../kit/descriptor';
import { payloadReader, type Amount, type Coded } from '../kit/payload-reader';
import { xmlText } from '../kit/xml-text';

export const IDP_NS = 'http://idp.gov.az/xroad/v1';

export interface IdpAllowance {
  kind: Coded;
  monthlyAmount: Amount;
  since: string;
  until: string | null;
}

export interface IdpStatus {
  subject: { fin: string };
  status: Coded;
  certificateNumber: string;
  since: string;
  originDistrict: string;
  currentSettlement: string;
  familyMembers: number;
  returnedOn: string | null;
  allowances: IdpAllowance[];
}

const r = payloadReader(IDP_NS, 'idp answer');

/** getIdpStatus request payload (idp.xsd element getIdpStatus). */
export function buildGetIdpStatus(params: AdapterCallParams): string {
  if (!('fin' in params.subject)) throw new TypeError('getIdpStatus takes a FIN');
  return `<idp:getIdpStatus xmlns:idp="${IDP_NS}"><idp:fin>${xmlText(params.subject.fin)}</idp:fin></idp:getIdpStatus>`;
}

export function mapGetIdpStatusResponse(payload: XmlElement): MapResult<IdpStatus> {
  return {
    outcome: 'ok',
    data: {
      subject: { fin: r.text(r.one(payload, 'subject'), 'fin') },
      status: r.coded(payload, 'status'),
      certificateNumber: r.text(payload, 'certificateNumber'),
      since: r.text(payload, 'since'),
      originDistrict: r.text(payload, 'originDistrict'),
      currentSettlement: r.text(payload, 'currentSettlement'),
      familyMembers: r.int(payload, 'familyMembers'),
      returnedOn: r.optText(payload, 'returnedOn'),
      allowances: r.many(r.one(payload, 'allowances'), 'allowance').map((a) => ({
        kind: r.coded(a, 'kind'), monthlyAmount: r.amount(a, 'monthlyAmount'), since: r.text(a, 'since'), until: r.optText(a, 'until'),
      })),
    },
  };
}
