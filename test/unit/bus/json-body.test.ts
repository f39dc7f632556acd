/** The gateway's JSON answers: a base64 member written as it is, everything else as JSON.stringify writes it. */
import { randomBytes } from 'node:crypto';
import { jsonBody } from '../../../bus/http-errors';

const evidence = randomBytes(15_000).toString('base64');
const answer = { orderId: 'o-1', caseNumber: '2(101)-1234/2026', outcomes: [{ section: '11.2.22', status: 'ok', data: { surname: 'Məmmədov', note: 'a "quoted"\nline' } }], evidence };

describe('JSON answer bodies', () => {
  it('A lookup answer whose evidence is base64. Result: the same document as JSON.stringify, evidence written last and unchanged', () => {
    const body = jsonBody(answer, 'evidence');
    expect(JSON.parse(body.toString('utf8'))).toEqual(answer);
    expect(body.toString('utf8').endsWith(`,"evidence":"${evidence}"}`)).toBe(true);
  });

  it('The named member holds a quote, a backslash or a newline (not base64). Result: byte for byte what JSON.stringify writes', () => {
    for (const bad of ['abc"}', 'ab\\cd', 'YWJj\n', 'é']) {
      const value = { ...answer, evidence: bad };
      expect(jsonBody(value, 'evidence').equals(Buffer.from(JSON.stringify(value), 'utf8'))).toBe(true);
    }
  });

  it('The base64 member alone, absent, or the value not an object. Result: valid JSON equal to the value', () => {
    expect(JSON.parse(jsonBody({ evidence }, 'evidence').toString())).toEqual({ evidence });
    expect(JSON.parse(jsonBody({ orderId: 'o-1' }, 'evidence').toString())).toEqual({ orderId: 'o-1' });
    for (const v of [[evidence], 'text', null, 42]) expect(JSON.parse(jsonBody(v, 'evidence').toString())).toEqual(v);
  });
});
