import { articlesIn } from '../../../../core/publication/decision-source';
import { headlinePrefixes, normalizeForSearch, queryStems, stem } from '../../../../core/publication/search-normalizer';
import { parseSearchParams } from '../../../../core/publication/search';
import { createRateLimiter } from '../../../../bus/rate-limit';
import { HubError } from '../../../../contracts/hub';

describe('Azerbaijani suffix normalizer (statute 6.1.21 search)', () => {
  it('A reader searches "borc". Result: "borcun", "borcları", "borcların", "borcunu", "Borcu" reduce to the same stem', () => {
    for (const w of ['borc', 'borcun', 'borcları', 'borcların', 'borcunu', 'Borcu', 'BORCLARI', 'borclari']) expect(stem(w)).toBe('borc');
  });

  it('Words typed without Azerbaijani letters meet the published spelling. Result: "mehkemenin" and "məhkəməsi" share the stem of "Məhkəmə"', () => {
    expect(stem('mehkemenin')).toBe(stem('Məhkəmə'));
    expect(stem('məhkəməsi')).toBe(stem('Məhkəmə'));
    expect(stem('qərardan')).toBe(stem('qərar'));
  });

  it('Short words and numbers are kept whole. Result: "ata" stays, "449-cu" keeps its digits', () => {
    expect(stem('ata')).toBe('ata');
    expect(stem('atanın')).toBe('ata');
    expect(normalizeForSearch('449-cu maddə')).toBe('449 cu mad');
  });

  it('A query is reduced the same way, and its highlight prefixes keep the Azerbaijani letters. Result: "borcları" → borc; "məhkəmənin" → prefix "məhkəm"', () => {
    expect(queryStems('borcları borcun')).toEqual(['borc']);
    expect(headlinePrefixes('məhkəmənin')).toEqual(['məhkəm']);
    expect(headlinePrefixes('a:* | !b')).toEqual(['a', 'b']);
  });

  it('Statute articles in a decision text. Result: "449-cu və 450-ci maddələrini", "218.1-ci maddəsi" → 449, 450, 218.1', () => {
    expect(articlesIn('Mülki Məcəllənin 449-cu və 450-ci maddələrini, MPM-nin 218.1-ci maddəsini rəhbər tutaraq')).toEqual(['449', '450', '218.1']);
    expect(articlesIn('2025-ci ildə 5000 manat')).toEqual([]);
  });
});

describe('Search parameters', () => {
  const bad = (q: Record<string, string | string[]>) => {
    try { parseSearchParams(q); } catch (e) { return e as HubError; }
    throw new Error('accepted');
  };
  it('Valid filters. Result: parsed with defaults page 1, pageSize 10', () => {
    expect(parseSearchParams({ q: 'borc', court: 'BAKU-NASIMI', from: '2026-01-01', to: '2026-12-31', kind: 'judgment', category: 'civil', article: '449' }))
      .toMatchObject({ q: 'borc', page: 1, pageSize: 10, fuzzy: false });
  });
  it('Bad values, unknown and repeated parameters. Result: 400 HUB_ERR_VALIDATION_BAD_REQUEST listing every violation, no value echoed', () => {
    const e = bad({ page: '0', pageSize: '500', kind: 'verdict', from: '2026-02-30', to: '2026-01-01', article: 'x', nope: '1', court: ['A1', 'B2'] });
    expect(e.code).toBe('HUB_ERR_VALIDATION_BAD_REQUEST');
    expect(e.httpStatus).toBe(400);
    expect((e.details?.violations as string[]).length).toBeGreaterThanOrEqual(7);
    expect(JSON.stringify(e.details)).not.toContain('verdict');
    expect(bad({ q: '   !!! ' }).code).toBe('HUB_ERR_VALIDATION_BAD_REQUEST');
    expect(bad({ from: '2026-05-01', to: '2026-04-01' }).code).toBe('HUB_ERR_VALIDATION_BAD_REQUEST');
  });
});

describe('Per-client rate limit', () => {
  it('A client sends more than the limit within the window. Result: HUB_ERR_RATE_LIMITED (429) with the wait; another client is not affected; tokens come back with time', () => {
    let t = 0;
    const rl = createRateLimiter({ limit: 3, windowMs: 60_000, now: () => t });
    const a = { socket: { remoteAddress: '10.0.0.1' } } as any;
    const b = { socket: { remoteAddress: '10.0.0.2' } } as any;
    for (let i = 0; i < 3; i++) rl.take(a);
    let err: HubError | undefined;
    try { rl.take(a); } catch (e) { err = e as HubError; }
    expect(err?.code).toBe('HUB_ERR_RATE_LIMITED');
    expect(err?.httpStatus).toBe(429);
    expect(err?.details?.retryAfterMs).toBe(20_000);
    expect(() => rl.take(b)).not.toThrow();
    t = 20_000;
    expect(() => rl.take(a)).not.toThrow();
  });
});
