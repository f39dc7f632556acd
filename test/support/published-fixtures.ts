/**
 * Synthetic published decisions for the search tests and the search bench, made set-based in
 * PostgreSQL (INSERT … SELECT over generate_series: one statement for any count, not one round
 * trip per row). Each text is drawn from an Azerbaijani vocabulary of inflected words; its
 * normalized form is drawn from the same positions of the stems the normalizer gives those words,
 * so the index holds exactly what a real publication would. Needs the demo world (seedDemo).
 */
import { normalizeForSearch } from '../../core/publication/search-normalizer';
import type { Db } from '../../core/store/db';

export const VOCABULARY = [
  'borc', 'borcun', 'borcları', 'borcunu', 'borcların', 'məhkəmə', 'məhkəməsi', 'məhkəmənin', 'qərar', 'qərarı', 'qərardan', 'iddia', 'iddianın', 'iddiaçı',
  'cavabdeh', 'cavabdehin', 'cavabdehdən', 'müqavilə', 'müqavilənin', 'müqaviləni', 'icarə', 'icarəsi', 'haqqı', 'haqqının', 'əmlak', 'əmlakın', 'əmlakı',
  'ödənilməsi', 'tələb', 'tələbinə', 'tələbləri', 'şikayət', 'şikayəti', 'apellyasiya', 'kassasiya', 'torpaq', 'torpağın', 'sahəsi', 'mənzil', 'mənzilin',
  'vərəsəlik', 'miras', 'mirasın', 'nikah', 'nikahın', 'pozulması', 'aliment', 'alimentin', 'uşaq', 'uşağın', 'əmək', 'işə', 'bərpa', 'edilməsi', 'maaş',
  'maaşın', 'kredit', 'kreditin', 'bank', 'bankın', 'faiz', 'faizi', 'cərimə', 'cəriməsi', 'vergi', 'vergisi', 'gömrük', 'inzibati', 'xətanın', 'oğurluq',
  'cinayət', 'cinayətin', 'hökm', 'hökmün', 'dələduzluq', 'zərər', 'zərərin', 'ödənilsin', 'təmin', 'edilsin', 'rədd', 'edilsin', 'dəyişdirilmədən', 'saxlanılsın',
  'Mülki', 'Məcəllənin', 'maddəsi', 'maddəsinə', 'əsasən', 'manat', 'məbləğində', 'sübut', 'sübutlar', 'ekspert', 'rəyi', 'şahid', 'ifadəsi', 'iclasda',
];

const COURTS = ['BAKU-NASIMI', 'BAKU-ECONOMIC'];
const KINDS = ['judgment', 'decision', 'ruling', 'sentence', 'order'];
const CATEGORIES = ['civil', 'commercial', 'administrative', 'criminal'];
const ARTICLES = ['449', '450', '218.1', '1097', '14.3', '207', '178.1', '387'];

/**
 * Adds `count` signed decisions (case 2(101)-1234/2026, judge 2JD4K7M of the demo world) and their
 * publications with `wordsPerText` words each, adopted over 2025–2026, spread over the courts,
 * kinds, categories and articles above. `prefix` keeps the ids of separate batches apart.
 */
export async function insertSyntheticPublished(db: Db, count: number, opts: { wordsPerText?: number; prefix?: string } = {}): Promise<void> {
  const n = opts.wordsPerText ?? 40;
  const prefix = opts.prefix ?? 'SYN';
  const stems = VOCABULARY.map((w) => normalizeForSearch(w));
  await db.query(
    `INSERT INTO decisions (id, case_number, kind, adopted_at, signed_by, signature_sha256)
     SELECT $1 || '-' || g, '2(101)-1234/2026', ($2::text[])[1 + g % 5], timestamptz '2025-01-01' + (g % 700) * interval '1 day', '2JD4K7M', repeat('0', 64)
     FROM generate_series(1, $3::int) g`, [prefix, KINDS, count]);
  await db.query(
    `INSERT INTO published_decisions (id, decision_id, court_id, court_name, case_category, kind, adopted_on, articles, body, norm_body, document, signature,
        decision_signature_sha256, approved_by, approval_signature, due_at, published_at)
     SELECT gen_random_uuid()::text, $1 || '-' || g, ($2::text[])[1 + g % 2], 'Məhkəmə ' || (1 + g % 2), ($3::text[])[1 + (g / 5) % 4], ($4::text[])[1 + g % 5],
        date '2025-01-01' + (g % 700), ARRAY[($5::text[])[1 + g % 8]], w.body, w.norm, '{}'::jsonb, '\\x00'::bytea, repeat('0', 64), '2JD4K7M', '\\x00'::bytea,
        timestamptz '2025-02-01' + (g % 700) * interval '1 day', timestamptz '2025-01-10' + (g % 700) * interval '1 day'
     FROM generate_series(1, $6::int) g,
     LATERAL (SELECT string_agg(($7::text[])[x.i], ' ' ORDER BY x.k) AS body, string_agg(($8::text[])[x.i], ' ' ORDER BY x.k) AS norm
              FROM (SELECT k, 1 + floor(random() * $9::int)::int AS i FROM generate_series(1, $10::int) k WHERE g > 0) x) w`,
    [prefix, COURTS, CATEGORIES, KINDS, ARTICLES, count, VOCABULARY, stems, VOCABULARY.length, n]);
  await db.query(`INSERT INTO search_lexemes (stem) SELECT DISTINCT s FROM unnest($1::text[]) s ON CONFLICT DO NOTHING`, [stems]);
  await db.query('ANALYZE published_decisions');
}
