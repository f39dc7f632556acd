/**
 * Pure mapper of the internal affairs register's getCriminalRecordsResponse (contracts/registries/
 * police/upstream/police.xsd) to the canonical model (model.getCriminalRecords.schema.json), statute
 * 11.2.7. Input: the verified payload element only. A missing or repeated element is a shape we do
 * not know: it throws and the engine reports a bad answer. A clean record is data (not wanted, empty
 * lists), never "not found".
 */
import type { AdapterCallParams } from '../../contracts/hub';
import type { CriminalRecordsModel, MoneyText } from '../../contracts/registries/police/model';
import type { XmlElement } from '../../signing/xml/light-dom';
import type { MapResult } from '../kit/descriptor';
import { payloadReader } from '../kit/payload-reader';
import { xmlText } from '../kit/xml-text';

export const POLICE_NS = 'http://police.gov.az/xroad/v1';

const x = payloadReader(POLICE_NS, 'police answer');

/** getCriminalRecords request payload (police.xsd element getCriminalRecords). */
export function buildGetCriminalRecords(params: AdapterCallParams): string {
  if (!('fin' in params.subject)) throw new TypeError('getCriminalRecords takes a FIN');
  return `<pol:getCriminalRecords xmlns:pol="${POLICE_NS}"><pol:fin>${xmlText(params.subject.fin)}</pol:fin></pol:getCriminalRecords>`;
}

function money(el: XmlElement, local: string): MoneyText {
  const m = x.one(el, local);
  return { amount: x.text(m, 'amount'), currency: x.text(m, 'currency') as MoneyText['currency'] };
}

function articles(el: XmlElement) {
  return x.list(el, 'articles', 'article').map((a) => ({ code: x.text(a, 'code'), label: x.text(a, 'label') }));
}

export function mapGetCriminalRecordsResponse(payload: XmlElement): MapResult<CriminalRecordsModel> {
  const w = x.one(payload, 'wanted');
  const kind = x.opt(w, 'kind');
  return {
    outcome: 'ok',
    data: {
      subject: { fin: x.text(x.one(payload, 'subject'), 'fin') },
      wanted: {
        wanted: x.bool(w, 'wanted'),
        since: x.optText(w, 'since'),
        authority: x.optText(w, 'authority'),
        kind: kind ? x.codedElements(w, 'kind') : null,
      },
      criminalCases: x.list(payload, 'criminalCases', 'case').map((c) => ({
        caseNumber: x.text(c, 'caseNumber'),
        articles: articles(c),
        openedOn: x.text(c, 'openedOn'),
        role: x.codedElements(c, 'role'),
        status: x.codedElements(c, 'status'),
      })),
      convictions: x.list(payload, 'convictions', 'conviction').map((c) => ({
        court: x.text(c, 'court'),
        caseNumber: x.text(c, 'caseNumber'),
        decisionDate: x.text(c, 'decisionDate'),
        articles: articles(c),
        sentence: x.text(c, 'sentence'),
        sentenceStatus: x.codedElements(c, 'sentenceStatus'),
        expungedOn: x.optText(c, 'expungedOn'),
      })),
      unpaidFines: x.list(payload, 'unpaidFines', 'fine').map((f) => ({
        protocolNumber: x.text(f, 'protocolNumber'),
        article: x.codedElements(f, 'article'),
        issuedOn: x.text(f, 'issuedOn'),
        amount: money(f, 'amount'),
      })),
      unpaidFinesTotal: money(payload, 'unpaidFinesTotal'),
    },
  };
}
