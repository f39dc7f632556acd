/**
 * Public search over published decisions (statute 6.1.21): full text over the suffix-normalized
 * body (search-normalizer.ts), optional typo tolerance through the trigram index, filters by
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

export interface SearchResult { total: number; page: number; pageSize: number; hits: SearchHit[] }

const ALLOWED = new Set(['q', 'court', 'from', 'to', 'kind', 'category', 'article', 'fuzzy', 'page', 'pageSize']);
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
    fuzzy: fuzzy === 'true', page, pageSize,
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

export async function searchPublished(db: Db, p: SearchParams): Promise<SearchResult> {
  const where: string[] = [];
  const args: unknown[] = [];
  const arg = (x: unknown) => { args.push(x); return `$${args.length}`; };
  const stems = p.q ? queryStems(p.q) : [];
  let rank = 'NULL::real';
  if (stems.length > 0) {
    const tsq = `plainto_tsquery('simple', ${arg(stems.join(' '))})`;
    // Trigram: each stem close to some word of the text (word_similarity, GIN gin_trgm_ops).
    const fuzzy = p.fuzzy ? ` OR (${stems.map((s) => `${arg(s)} <% norm_body`).join(' AND ')})` : '';
    where.push(`(tsv @@ ${tsq}${fuzzy})`);
    rank = `ts_rank_cd(tsv, ${tsq})`;
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
  // The page is chosen first; ts_headline runs only over its rows.
  const sql = `SELECT id, decision_id AS "decisionId", court_id AS "courtId", court_name AS "courtName", case_category AS "caseCategory", kind,
      to_char(adopted_on, 'YYYY-MM-DD') AS "adoptedOn", articles, published_at AS "publishedAt", ${hl} AS snippet
    FROM (SELECT *, ${rank} AS rank FROM published_decisions ${filter} ORDER BY rank DESC NULLS LAST, adopted_on DESC, id LIMIT ${limit} OFFSET ${offset}) page
    ORDER BY rank DESC NULLS LAST, adopted_on DESC, id`;
  const [rows, count] = await Promise.all([
    db.query<any>(sql, args),
    db.query<{ n: string }>(`SELECT count(*)::bigint AS n FROM published_decisions ${filter}`, countArgs),
  ]);
  return {
    total: Number(count.rows[0]?.n ?? 0), page: p.page, pageSize: p.pageSize,
    hits: rows.rows.map((r) => ({
      id: r.id, decisionId: r.decisionId, court: { id: r.courtId, name: r.courtName }, caseCategory: r.caseCategory, kind: r.kind,
      adoptedOn: r.adoptedOn, articles: r.articles, publishedAt: new Date(r.publishedAt).toISOString(), snippet: snippetHtml(String(r.snippet ?? '')),
    })),
  };
}
