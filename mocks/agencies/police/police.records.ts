/**
 * The internal affairs register's answer to getCriminalRecords (statute 11.2.7) from the synthetic
 * world's criminal record, laid out as police.xsd getCriminalRecordsResponse: codes with the
 * register's Azerbaijani labels, amounts with two fraction digits.
 */
import type { CriminalRecord } from '../../../contracts/registries/police/model';
import { REFERENCE_DATE } from '../../world/dates';

/** Titles of the Criminal Code articles the world uses (by article number). */
const CRIMINAL_CODE: Readonly<Record<string, string>> = {
  177: 'Oğurluq', 178: 'Dələduzluq', 186: 'Əmlakı qəsdən məhv etmə və ya zədələmə', 206: 'Qaçaqmalçılıq',
  221: 'Xuliqanlıq', 234: 'Narkotik vasitələrin və ya psixotrop maddələrin qanunsuz dövriyyəsi',
  308: 'Vəzifə səlahiyyətlərindən sui-istifadə etmə',
};
/** The world's fines are road traffic offences (the road traffic chapter of the Code of Administrative Offences). */
const TRAFFIC_OFFENCE = 'Yol hərəkəti qaydalarının pozulması';

const WANTED_KIND = { national: 'Respublika axtarışı', interstate: 'Dövlətlərarası axtarış' } as const;
const CASE_ROLE = { suspect: 'Şübhəli şəxs', accused: 'Təqsirləndirilən şəxs', victim: 'Zərərçəkmiş şəxs' } as const;
const CASE_STATUS = {
  investigation: 'İbtidai istintaq aparılır', 'in-court': 'Məhkəmədə baxılır', closed: 'İcraata xitam verilib', suspended: 'İcraat dayandırılıb',
} as const;
const SENTENCE_STATUS = { serving: 'Cəzanı çəkir', served: 'Cəza çəkilib' } as const;

function coded<C extends string>(labels: Readonly<Record<C, string>>, code: C) {
  return { code, label: labels[code] };
}

function crime(article: string) {
  const title = CRIMINAL_CODE[article.split('.')[0]];
  if (!title) throw new Error(`no title for Criminal Code article ${article}`);
  return { code: article, label: title };
}

const money = (m: { amount: number; currency: string }) => ({ amount: m.amount.toFixed(2), currency: m.currency });

export function criminalRecordsPayload(r: CriminalRecord): Record<string, unknown> {
  return {
    subject: { fin: r.subject.fin },
    wanted: {
      wanted: r.wanted.wanted,
      since: r.wanted.since,
      authority: r.wanted.authority,
      kind: r.wanted.kind ? coded(WANTED_KIND, r.wanted.kind) : null,
    },
    criminalCases: {
      case: r.criminalCases.map((c) => ({
        caseNumber: c.caseNumber, articles: { article: c.articles.map(crime) }, openedOn: c.openedOn,
        role: coded(CASE_ROLE, c.role), status: coded(CASE_STATUS, c.status),
      })),
    },
    convictions: {
      conviction: r.convictions.map((c) => ({
        court: c.court, caseNumber: c.caseNumber, decisionDate: c.decisionDate, articles: { article: c.articles.map(crime) },
        sentence: c.sentence, sentenceStatus: coded(SENTENCE_STATUS, c.served ? 'served' : 'serving'),
        expungedOn: c.spentOn !== null && c.spentOn <= REFERENCE_DATE ? c.spentOn : null,
      })),
    },
    unpaidFines: {
      fine: r.unpaidFines.map((f) => ({
        protocolNumber: f.protocolNumber, article: { code: f.article, label: TRAFFIC_OFFENCE }, issuedOn: f.issuedOn, amount: money(f.amount),
      })),
    },
    unpaidFinesTotal: money(r.unpaidFinesTotal),
  };
}
