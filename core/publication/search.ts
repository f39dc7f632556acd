/**
 * Public search over published decisions (statute 6.1.21): full text over the suffix-normalized
 * body (search-normalizer.ts), optional typo tolerance (each stem widened to the closest published
 * stems through the trigram index of search_lexemes), newest first or by relevance, filters by
 * court, adoption date range, kind, case category and statute article, paging, and snippets
 * highlighted by ts_headline over the published (anonymized) text. Only published_decisions is
 * read: the original text of a decision is never reachable from here.
 */
import { HubError } from '../../contracts/hub';
import type { Db } from '../store/db';
import { headlinePrefixes, queryStems } from './search-normalizer';

export const DECISION_KINDS = ['judgment', 'decision', 'ruling', 'sentence', 'order'] as const;
export const CASE_CATEGORIES = ['civil', 'commercial', 'administrative', 'criminal'] as const;
export const MAX_PAGE_SIZE = 50;
export const MAX_PAGE = 1000;

export interface SearchParams {
  q?: string;
  court?: string;
  from?: string;
  to?: string;
  kind?: (typeof DECISION_KINDS)[number];
  category?: (typeof CASE_CATEGORIES)[number];
  article?: string;
  fuzzy: boolean;
  /** 'date' (newest first, the default) or 'relevance' (ts_rank_cd; costs one rank per match). */
  sort: 'date' | 'relevance';
  page: number;
  pageSize: number;
}

export interface SearchHit {
  id: string;
  decisionId: string;
  court: { id: string; name: string };
  caseCategory: string;
  kind: string;
  adoptedOn: string;
  articles: string[];
  publishedAt: string;
  snippet: string;
}

/** `total` is exact up to MAX_COUNT; past it the answer says `totalExact: false`. */
export interface SearchResult { total: number; totalExact: boolean; page: number; pageSize: number; hits: SearchHit[] }
export const MAX_COUNT = 10_000;

const ALLOWED = new Set(['q', 'court', 'from', 'to', 'kind', 'category', 'article', 'fuzzy', 'sort', 'page', 'pageSize']);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function validDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/**
 * Query-string values → SearchParams. Every violation is listed at once in a 400
 * HUB_ERR_VALIDATION_BAD_REQUEST; the messages name the parameter and the rule, never echo the value.
 */
export function parseSearchParams(query: Record<string, string | string[] | undefined>): SearchParams {
  const v: string[] = [];
  const one = (k: string): string | undefined => {
    const x = query[k];
    if (Array.isArray(x)) { v.push(`${k} must be given once`); return undefined; }
    return x;
  };
  for (const k of Object.keys(query)) if (!ALLOWED.has(k)) v.push(`unknown parameter ${JSON.stringify(k.slice(0, 32))}`);
  const q = one('q');
  if (q !== undefined && (q.length > 200 || (q.trim() !== '' && queryStems(q).length === 0))) v.push('q must be 1 to 200 characters with at least one word');
  if (q !== undefined && queryStems(q).length > 10) v.push('q must have at most 10 words');
  const court = one('court');
  if (court !== undefined && !/^[A-Z0-9-]{2,64}$/.test(court)) v.push('court must be a court id (A-Z, 0-9, -)');
  const from = one('from');
  if (from !== undefined && !validDate(from)) v.push('from must be a date YYYY-MM-DD');
  const to = one('to');
  if (to !== undefined && !validDate(to)) v.push('to must be a date YYYY-MM-DD');
  if (from && to && validDate(from) && validDate(to) && from > to) v.push('from must not be after to');
  const kind = one('kind');
  if (kind !== undefined && !(DECISION_KINDS as readonly string[]).includes(kind)) v.push(`kind must be one of ${DECISION_KINDS.join(', ')}`);
  const category = one('category');
  if (category !== undefined && !(CASE_CATEGORIES as readonly string[]).includes(category)) v.push(`category must be one of ${CASE_CATEGORIES.join(', ')}`);
  const article = one('article');
  if (article !== undefined && !/^[0-9]{1,4}(\.[0-9]{1,3}){0,3}$/.test(article)) v.push('article must be an article number such as 218 or 218.1.3');
  const fuzzy = one('fuzzy');
  if (fuzzy !== undefined && fuzzy !== 'true' && fuzzy !== 'false') v.push('fuzzy must be true or false');
  const sort = one('sort');
  if (sort !== undefined && sort !== 'date' && sort !== 'relevance') v.push('sort must be date or relevance');
  const int = (k: string, dflt: number, max: number): number => {
    const s = one(k);
    if (s === undefined) return dflt;
    if (!/^[0-9]{1,6}$/.test(s) || Number(s) < 1 || Number(s) > max) { v.push(`${k} must be an integer from 1 to ${max}`); return dflt; }
    return Number(s);
  };
  const page = int('page', 1, MAX_PAGE);
  const pageSize = int('pageSize', 10, MAX_PAGE_SIZE);
  if (v.length > 0) {
    throw new HubError('HUB_ERR_VALIDATION_BAD_REQUEST', {
      origin: 'client', message: `The search parameters are not valid: ${v.slice(0, 3).join('; ')}${v.length > 3 ? ` (and ${v.length - 3} more)` : ''}`,
      details: { violations: v.slice(0, 10), violationCount: v.length },
    });
  }
  return {
    q: q?.trim() ? q : undefined, court, from, to, kind: kind as SearchParams['kind'], category: category as SearchParams['category'], article,
    fuzzy: fuzzy === 'true', sort: sort === 'relevance' ? 'relevance' : 'date', page, pageSize,
  };
}

// Highlights are marked with two private-use characters, then the snippet is HTML-escaped and they
// become <mark> … </mark>: a published text holding markup cannot inject any into a snippet.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const HEADLINE_OPTS = `StartSel=${OPEN}, StopSel=${CLOSE}, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;
const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function snippetHtml(raw: string): string {
  return raw.replace(/[&<>"']/g, (ch) => ESC[ch]).replaceAll(OPEN, '<mark>').replaceAll(CLOSE, '</mark>');
}

/** Each stem widened to itself and the closest published stems (trigram similarity), for a fuzzy query. */
async function widen(db: Db, stems: string[]): Promise<string[][]> {
  return Promise.all(stems.map(async (st) => {
    const r = await db.query<{ stem: string }>('SELECT stem FROM search_lexemes WHERE stem % $1 ORDER BY similarity(stem, $1) DESC, stem LIMIT 5', [st]);
    return [...new Set([st, ...r.rows.map((x) => x.stem)])];
  }));
}

/** A tsquery text from stems: AND of the groups, OR inside each. Stems hold letters and digits only (search-normalizer.ts). */
const tsqueryText = (groups: string[][]): string => groups.map((g) => `(${g.map((x) => x.replace(/[^\p{L}\p{N}]/gu, '')).filter(Boolean).join(' | ')})`).join(' & ');

export async function searchPublished(db: Db, p: SearchParams): Promise<SearchResult> {
  const where: string[] = [];
  const args: unknown[] = [];
  const arg = (x: unknown) => { args.push(x); return `$${args.length}`; };
  const stems = p.q ? queryStems(p.q) : [];
  let rank = 'NULL::real';
  if (stems.length > 0) {
    const groups = p.fuzzy ? await widen(db, stems) : stems.map((x) => [x]);
    const tsq = `to_tsquery('simple', ${arg(tsqueryText(groups))})`;
    where.push(`tsv @@ ${tsq}`);
    if (p.sort === 'relevance') rank = `ts_rank_cd(tsv, ${tsq})`;
  }
  if (p.court) where.push(`court_id = ${arg(p.court)}`);
  if (p.from) where.push(`adopted_on >= ${arg(p.from)}::date`);
  if (p.to) where.push(`adopted_on <= ${arg(p.to)}::date`);
  if (p.kind) where.push(`kind = ${arg(p.kind)}`);
  if (p.category) where.push(`case_category = ${arg(p.category)}`);
  if (p.article) where.push(`articles @> ARRAY[${arg(p.article)}]::text[]`);
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const countArgs = [...args];
  const prefixes = p.q ? headlinePrefixes(p.q) : [];
  const hl = prefixes.length > 0 ? `ts_headline('simple', body, to_tsquery('simple', ${arg(prefixes.map((x) => `${x}:*`).join(' | '))}), ${arg(HEADLINE_OPTS)})` : `left(body, 240)`;
  const limit = arg(p.pageSize);
  const offset = arg((p.page - 1) * p.pageSize);
  const order = p.sort === 'relevance' ? 'rank DESC NULLS LAST, adopted_on DESC, id' : 'adopted_on DESC, id';
  // The page is chosen first; ts_headline runs only over its rows. The count stops at MAX_COUNT + 1.
  const sql = `SELECT id, decision_id AS "decisionId", court_id AS "courtId", court_name AS "courtName", case_category AS "caseCategory", kind,
      to_char(adopted_on, 'YYYY-MM-DD') AS "adoptedOn", articles, published_at AS "publishedAt", ${hl} AS snippet
    FROM (SELECT *, ${rank} AS rank FROM published_decisions ${filter} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}) page
    ORDER BY ${order}`;
  const [rows, count] = await Promise.all([
    db.query<any>(sql, args),
    db.query<{ n: string }>(`SELECT count(*)::bigint AS n FROM (SELECT 1 FROM published_decisions ${filter} LIMIT ${MAX_COUNT + 1}) c`, countArgs),
  ]);
  const n = Number(count.rows[0]?.n ?? 0);
  return {
    total: Math.min(n, MAX_COUNT), totalExact: n <= MAX_COUNT, page: p.page, pageSize: p.pageSize,
    hits: rows.rows.map((r) => ({
      id: r.id, decisionId: r.decisionId, court: { id: r.courtId, name: r.courtName }, caseCategory: r.caseCategory, kind: r.kind,
      adoptedOn: r.adoptedOn, articles: r.articles, publishedAt: new Date(r.publishedAt).toISOString(), snippet: snippetHtml(String(r.snippet ?? '')),
    })),
  };
}
