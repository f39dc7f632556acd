/**
 * Pure mapper of the population register's getPersonResponse (contracts/registries/population/
 * upstream/population.xsd) to the canonical model (contracts/registries/models.ts PopulationPerson).
 * Input: the verified payload element only (the engine hands over nothing unsigned). Any element
 * missing or repeated is a shape we do not know: it throws and the engine reports a bad answer.
 */
import type { AdapterCallParams } from '../../contracts/hub';
import type { PopulationPerson } from '../../contracts/registries/models';
import { onlyChild, textContent, type XmlElement } from '../../signing/xml/light-dom';
import type { MapResult } from '../kit/descriptor';
import { xmlText } from '../kit/xml-text';

export const POPULATION_NS = 'http://population.gov.az/xroad/v1';

/** getPerson request payload (population.xsd element getPerson). */
export function buildGetPerson(params: AdapterCallParams): string {
  if (!('fin' in params.subject)) throw new TypeError('getPerson takes a FIN');
  return `<pop:getPerson xmlns:pop="${POPULATION_NS}"><pop:fin>${xmlText(params.subject.fin)}</pop:fin></pop:getPerson>`;
}

function child(el: XmlElement, local: string): XmlElement {
  const c = onlyChild(el, POPULATION_NS, local);
  if (!c) throw new Error(`population answer: expected exactly one ${local} in ${el.local}`);
  return c;
}

function text(el: XmlElement, local: string): string {
  return textContent(child(el, local)).trim();
}

export function mapGetPersonResponse(payload: XmlElement): MapResult<PopulationPerson> {
  const p = child(payload, 'person');
  const a = child(p, 'address');
  const d = child(p, 'identityDocument');
  // Enumerations and formats are checked by the model schema afterwards (model.schema.json).
  return {
    outcome: 'ok',
    data: {
      fin: text(p, 'fin'),
      surname: text(p, 'surname'),
      givenName: text(p, 'givenName'),
      patronymic: text(p, 'patronymic'),
      birthDate: text(p, 'birthDate'),
      gender: text(p, 'gender') as PopulationPerson['gender'],
      citizenship: text(p, 'citizenship'),
      civilStatus: text(p, 'civilStatus') as PopulationPerson['civilStatus'],
      address: { city: text(a, 'city'), district: text(a, 'district'), street: text(a, 'street') },
      identityDocument: {
        type: text(d, 'type') as PopulationPerson['identityDocument']['type'],
        series: text(d, 'series'),
        number: text(d, 'number'),
        issuedOn: text(d, 'issuedOn'),
        validUntil: text(d, 'validUntil'),
        status: text(d, 'status') as PopulationPerson['identityDocument']['status'],
      },
    },
  };
}
