/**
 * The public search over published decisions (statute 6.1.21), over HTTP with no authentication:
 * an inflected word finds its other forms, filters and paging hold, snippets highlight the match,
 * bad parameters are a 400 naming the rule, and a client past the rate limit gets 429 with Retry-After.
 */
import { randomUUID } from 'node:crypto';
import { normalizeForSearch } from '../../core/publication/search-normalizer';
import { insertSyntheticPublished } from '../support/published-fixtures';
import { startEmbeddedHub, type EmbeddedHub } from '../support/embedded-hub';

const RATE = 40;
let hub: EmbeddedHub;
const search = async (qs: string) => {
  const r = await fetch(`${hub.url}/api/v1/published-decisions?${qs}`);
  return { status: r.status, headers: r.headers, body: await r.json() as any };
};

const KNOWN_TEXT = 'Məhkəmə müəyyən etdi ki, cavabdeh icarə borcları və onların faizlərini vaxtında ödəməmişdir. <script>alert(1)</script>';

beforeAll(async () => {
  hub = await startEmbeddedHub({ SEARCH_RATE_LIMIT: String(RATE) });
  const db = hub.hub.core!.store;
  await insertSyntheticPublished(db, 60, { prefix: 'SRCH', wordsPerText: 25 });
  const id = `KNOWN-${randomUUID().slice(0, 8)}`;
  await db.query(`INSERT INTO decisions (id, case_number, kind, adopted_at, signed_by, signature_sha256) VALUES ($1, '2(101)-1234/2026', 'judgment', '2026-06-01T10:00:00Z', '2JD4K7M', repeat('0', 64))`, [id]);
  await db.query(`INSERT INTO published_decisions (id, decision_id, court_id, court_name, case_category, kind, adopted_on, articles, body, norm_body, document, signature,
      decision_signature_sha256, approved_by, approval_signature, due_at) VALUES ($1, $2, 'BAKU-NASIMI', 'Nəsimi', 'civil', 'judgment', '2026-06-01', ARRAY['9999'], $3, $4, '{}', '\\x00', repeat('0', 64), '2JD4K7M', '\\x00', now())`,
  [randomUUID(), id, KNOWN_TEXT, normalizeForSearch(KNOWN_TEXT)]);
}, 120_000);
afterAll(async () => { await hub?.stop(); });

describe('Public search (statute 6.1.21)', () => {
  it('A reader searches "borc" in the nominative. Result: the decision that writes "borcları" is found, the match highlighted, its markup escaped', async () => {
    const r = await search('q=borc&article=9999');
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(1);
    expect(r.body.hits[0].snippet).toContain('<mark>borcları</mark>');
    expect(r.body.hits[0].snippet).not.toContain('<script>');
    // Typed without Azerbaijani letters, and in another inflected form.
    expect((await search('q=borclarini&article=9999')).body.total).toBe(1);
    expect((await search('q=faizl%C9%99rinin&article=9999')).body.total).toBe(1);
    expect((await search('q=m%C9%99hk%C9%99m%C9%99nin&article=9999')).body.hits[0].snippet).toContain('<mark>Məhkəmə</mark>');
  });

  it('Filters by court, date range, kind, category and article. Result: every hit satisfies them and the total is what the database counts', async () => {
    const r = await search('q=borc&court=BAKU-ECONOMIC&from=2025-03-01&to=2025-12-31&kind=ruling&pageSize=50');
    expect(r.status).toBe(200);
    const expected = await hub.sql<{ n: string }>(`SELECT count(*) AS n FROM published_decisions WHERE court_id = 'BAKU-ECONOMIC' AND kind = 'ruling'
      AND adopted_on BETWEEN '2025-03-01' AND '2025-12-31' AND tsv @@ plainto_tsquery('simple', 'borc')`);
    expect(r.body.total).toBe(Number(expected[0].n));
    for (const h of r.body.hits) {
      expect(h).toMatchObject({ court: { id: 'BAKU-ECONOMIC' }, kind: 'ruling' });
      expect(h.adoptedOn >= '2025-03-01' && h.adoptedOn <= '2025-12-31').toBe(true);
    }
    const byCat = await search('category=criminal&article=449&pageSize=50');
    for (const h of byCat.body.hits) { expect(h.caseCategory).toBe('criminal'); expect(h.articles).toContain('449'); }
    expect((await search('q=borc&court=BAKU-NASIMI&article=9999&kind=sentence')).body.total).toBe(0);
  });

  it('Pages through the results. Result: pages do not overlap, the total is the same on each, past the end is empty', async () => {
    const p1 = await search('pageSize=7&page=1');
    const p2 = await search('pageSize=7&page=2');
    expect(p1.body.total).toBe(61);
    expect(p2.body.total).toBe(61);
    expect(p1.body.hits).toHaveLength(7);
    const ids1 = new Set(p1.body.hits.map((h: any) => h.id));
    expect(p2.body.hits.some((h: any) => ids1.has(h.id))).toBe(false);
    expect((await search('pageSize=50&page=3')).body.hits).toHaveLength(0);
  });

  it('Bad parameters (page 0, unknown kind, impossible date, unknown parameter, from after to). Result: 400 HUB_ERR_VALIDATION_BAD_REQUEST naming each rule', async () => {
    const r = await search('page=0&kind=verdict&from=2026-02-30&whatever=1');
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('HUB_ERR_VALIDATION_BAD_REQUEST');
    expect(r.body.error.details.violations.length).toBe(4);
    expect((await search('from=2026-05-01&to=2026-01-01')).status).toBe(400);
    expect((await search('pageSize=51')).status).toBe(400);
    expect((await fetch(`${hub.url}/api/v1/published-decisions/not-a-uuid`)).status).toBe(400);
  });

  it('One client sends more searches than the limit allows. Result: 429 HUB_ERR_RATE_LIMITED with a Retry-After in seconds', async () => {
    let limited: Awaited<ReturnType<typeof search>> | undefined;
    for (let i = 0; i < RATE + 5 && !limited; i++) {
      const r = await search('q=borc');
      if (r.status === 429) limited = r;
    }
    expect(limited).toBeDefined();
    expect(limited!.body.error.code).toBe('HUB_ERR_RATE_LIMITED');
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });
});
