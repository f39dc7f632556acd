/**
 * 006: publication of decisions (statute 12.6, 6.1.21; docs/publication.md).
 *
 * - decision_texts: the full text of a judge-signed decision, bound to it by the text digest the
 *   judge signed; the source of the draft, never public.
 * - publication_drafts: the anonymized draft of a judge-signed decision, as the anonymizer's
 *   detection (spans over the original text; the original itself stays with the decision and is
 *   never copied here), with the version the reviewer's edits have brought it to.
 * - publication_review_edits: each replacement a reviewer added or undid, with who and the
 *   signature of the signed review request that carried it.
 * - published_decisions: the anonymized text as published, its metadata, the hub-signed
 *   publication document and the reference to the original decision's signature. The search
 *   indexes are here: a tsvector over the suffix-normalized text (Azerbaijani has no stemmer in
 *   PostgreSQL: core/publication/search-normalizer.ts makes the stems for both text and query)
 *   and the filter columns.
 * - search_lexemes: every stem published, under a trigram index (typo-tolerant queries).
 */
import type { Migration } from './index';

export const PUBLICATION: Migration = {
  version: 6,
  name: 'publication',
  statements: [
    `CREATE EXTENSION IF NOT EXISTS pg_trgm`,

    // The full text of a signed decision, accepted only when its SHA-256 is the textSha256 the
    // judge signed in the decision document (004). Read by the reviewers' flows only, never public.
    `CREATE TABLE decision_texts (
      decision_id text PRIMARY KEY REFERENCES decisions (id),
      text_sha256 text NOT NULL CHECK (text_sha256 ~ '^[0-9a-f]{64}$'),
      body text NOT NULL,
      submitted_by text NOT NULL,
      submitted_at timestamptz NOT NULL DEFAULT now())`,

    `CREATE TABLE publication_drafts (
      decision_id text PRIMARY KEY REFERENCES decisions (id),
      case_number text NOT NULL,
      source_sha256 text NOT NULL CHECK (source_sha256 ~ '^[0-9a-f]{64}$'),
      detection jsonb NOT NULL,
      version integer NOT NULL DEFAULT 1 CHECK (version > 0),
      status text NOT NULL DEFAULT 'review' CHECK (status IN ('review', 'published')),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`,

    `CREATE TABLE publication_review_edits (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      decision_id text NOT NULL REFERENCES publication_drafts (decision_id),
      version integer NOT NULL,
      op text NOT NULL CHECK (op IN ('add', 'undo')),
      span_start integer NOT NULL CHECK (span_start >= 0),
      span_end integer NOT NULL CHECK (span_end > span_start),
      label text,
      person_id text,
      actor_fin text NOT NULL,
      signature bytea NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now())`,
    `CREATE INDEX publication_review_edits_decision_idx ON publication_review_edits (decision_id, id)`,

    `CREATE TABLE published_decisions (
      id text PRIMARY KEY,
      decision_id text NOT NULL UNIQUE REFERENCES decisions (id),
      court_id text NOT NULL,
      court_name text NOT NULL,
      case_category text NOT NULL,
      kind text NOT NULL,
      adopted_on date NOT NULL,
      articles text[] NOT NULL DEFAULT '{}',
      body text NOT NULL,
      norm_body text NOT NULL,
      tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, norm_body)) STORED,
      document jsonb NOT NULL,
      signature bytea NOT NULL,
      decision_signature_sha256 text NOT NULL CHECK (decision_signature_sha256 ~ '^[0-9a-f]{64}$'),
      approved_by text NOT NULL,
      approval_signature bytea NOT NULL,
      due_at timestamptz NOT NULL,
      published_at timestamptz NOT NULL DEFAULT now())`,
    `CREATE INDEX published_decisions_tsv_idx ON published_decisions USING gin (tsv)`,
    // Typo tolerance: the distinct stems of everything published, with a trigram index; a fuzzy
    // query widens each of its stems to the closest known ones, then searches the full-text index.
    `CREATE TABLE search_lexemes (stem text PRIMARY KEY)`,
    `CREATE INDEX search_lexemes_trgm_idx ON search_lexemes USING gin (stem gin_trgm_ops)`,
    `CREATE INDEX published_decisions_articles_idx ON published_decisions USING gin (articles)`,
    `CREATE INDEX published_decisions_filter_idx ON published_decisions (court_id, adopted_on)`,
    `CREATE INDEX published_decisions_date_idx ON published_decisions (adopted_on, id)`,
    `CREATE INDEX published_decisions_kind_idx ON published_decisions (kind, case_category)`,
  ],
};
