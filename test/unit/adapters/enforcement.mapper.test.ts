/**
 * The enforcement service's mapper (statute 11.2.23 getEnforcementStatus), scenario by scenario:
 * golden answers map to the canonical model; shapes the XSD does not allow throw (a bad answer,
 * never an empty result).
 */
import { mapGetEnforcementStatusResponse, buildGetEnforcementStatus, ENFORCEMENT_NS } from '../../../adapters/enforcement/enforcement.mapper';
import { loadSamples } from '../../../contracts/registries/samples';
import { childElements, onlyChild } from '../../../signing/xml/light-dom';
import { parseXml } from '../../../signing/xml/parse-xml';

const payloadOf = (xml: string) => childElements(onlyChild(parseXml(Buffer.from(xml)).root, 'http://schemas.xmlsoap.org/soap/envelope/', 'Body')!)[0];
const samples = loadSamples('enforcement');
const ok = samples.find((s) => s.meta.scenario === 'ok')!;

describe('enforcement mapper', () => {
  it.each(samples.filter((s) => s.meta.outcome === 'ok').map((s) => [s.id, s] as const))('%s: the golden answer. Result: the expected canonical model', (_id, s) => {
    expect(mapGetEnforcementStatusResponse(payloadOf(s.response))).toEqual({ outcome: 'ok', data: s.meta.expected });
  });

  it('The defendant of the demo case is asked about. Result: the proceeding enforcing DEMO-1234-D1, in progress, 1200.00 of 4800.00 AZN recovered', () => {
    const r = mapGetEnforcementStatusResponse(payloadOf(ok.response));
    const demo = r.outcome === 'ok' ? r.data.proceedings.find((p) => p.decision.decisionId === 'DEMO-1234-D1') : undefined;
    expect(demo).toMatchObject({ proceedingNumber: 'İC-2026-000417', role: 'debtor', status: 'in-progress', claim: { amount: 4800, currency: 'AZN' }, recovered: { amount: 1200, currency: 'AZN' } });
  });

  it('An answer whose proceeding lacks its status. Result: throws (a shape we do not know)', () => {
    const broken = ok.response.replace(/<enf:status>[^<]*<\/enf:status>/, '');
    expect(() => mapGetEnforcementStatusResponse(payloadOf(broken))).toThrow(/status/);
  });

  it('An answer with two subjects. Result: throws', () => {
    const broken = ok.response.replace('<enf:fin>1AB2C3D</enf:fin>\n        </enf:subject>', '<enf:fin>1AB2C3D</enf:fin><enf:voen>1401234561</enf:voen></enf:subject>');
    expect(broken).not.toBe(ok.response);
    expect(() => mapGetEnforcementStatusResponse(payloadOf(broken))).toThrow(/subject/);
  });

  it('A request is built for a VÖEN with characters to escape. Result: the value is escaped inside the operation element', () => {
    const xml = buildGetEnforcementStatus({ section: '11.2.23', subject: { voen: '14<0>&' } as never, caseNumber: 'c', userId: 'u', deadline: Date.now() + 1000 } as never);
    expect(xml).toBe(`<enf:getEnforcementStatus xmlns:enf="${ENFORCEMENT_NS}"><enf:voen>14&lt;0&gt;&amp;</enf:voen></enf:getEnforcementStatus>`);
  });
});
