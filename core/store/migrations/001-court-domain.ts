/**
 * 001: the court domain (statute 9.2.5): courts, the roster of judges, staff and operators,
 * cases with their parties, decisions, lookup orders, seen nonces and delegations.
 */
import type { Migration } from './index';

const FIN = `'^[0-9A-Z]{7}$'`;
const VOEN = `'^[0-9]{10}$'`;

export const COURT_DOMAIN: Migration = {
  version: 1,
  name: 'court-domain',
  statements: [
    `CREATE TABLE courts (
      id text PRIMARY KEY,
      name_az text NOT NULL,
      name_en text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now())`,

    // 9.2.5: access ends when a person leaves, so people are deactivated, never deleted (the
    // audit trail still names them). The certificate binding ties a signature to this row.
    `CREATE TABLE persons (
      fin text PRIMARY KEY CHECK (fin ~ ${FIN}),
      surname text NOT NULL,
      given_name text NOT NULL,
      patronymic text NOT NULL DEFAULT '',
      role text NOT NULL CHECK (role IN ('judge', 'staff', 'operator')),
      court_id text REFERENCES courts (id),
      active boolean NOT NULL DEFAULT true,
      deactivated_at timestamptz,
      cert_sha256 text UNIQUE CHECK (cert_sha256 ~ '^[0-9a-f]{64}$'),
      cert_issuer text,
      cert_serial text,
      cert_bound_at timestamptz,
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (role = 'operator' OR court_id IS NOT NULL),
      CHECK ((cert_issuer IS NULL) = (cert_serial IS NULL)),
      UNIQUE (cert_issuer, cert_serial))`,

    `CREATE TABLE cases (
      number text PRIMARY KEY,
      court_id text NOT NULL REFERENCES courts (id),
      kind text NOT NULL CHECK (kind IN ('civil', 'commercial', 'administrative', 'criminal')),
      status text NOT NULL CHECK (status IN ('open', 'closed')),
      judge_fin text REFERENCES persons (fin),
      updated_at timestamptz NOT NULL DEFAULT now())`,
    `CREATE INDEX cases_judge_idx ON cases (judge_fin)`,

    `CREATE TABLE parties (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      case_number text NOT NULL REFERENCES cases (number) ON DELETE CASCADE,
      fin text CHECK (fin ~ ${FIN}),
      voen text CHECK (voen ~ ${VOEN}),
      name text NOT NULL,
      role text NOT NULL CHECK (role IN ('plaintiff', 'defendant', 'third-party', 'accused', 'victim')),
      CHECK ((fin IS NULL) <> (voen IS NULL)))`,
    `CREATE UNIQUE INDEX parties_case_fin_idx ON parties (case_number, fin) WHERE fin IS NOT NULL`,
    `CREATE UNIQUE INDEX parties_case_voen_idx ON parties (case_number, voen) WHERE voen IS NOT NULL`,

    // A 'decision' basis (11.1 secrecy) needs a judge-signed decision of the same case that has
    // entered legal force: legal_force_at is NULL until it has.
    `CREATE TABLE decisions (
      id text PRIMARY KEY,
      case_number text NOT NULL REFERENCES cases (number),
      kind text NOT NULL CHECK (kind IN ('judgment', 'decision', 'ruling', 'sentence', 'order')),
      adopted_at timestamptz NOT NULL,
      legal_force_at timestamptz,
      signed_by text NOT NULL REFERENCES persons (fin),
      signature_sha256 text NOT NULL CHECK (signature_sha256 ~ '^[0-9a-f]{64}$'),
      CHECK (legal_force_at IS NULL OR legal_force_at >= adopted_at))`,
    `CREATE INDEX decisions_case_idx ON decisions (case_number)`,

    // No foreign keys on case or requester: a refused order naming an unknown case or signer is
    // still recorded (its orderId stays taken).
    `CREATE TABLE lookup_orders (
      order_id text PRIMARY KEY,
      case_number text NOT NULL,
      requester_fin text NOT NULL,
      categories text[] NOT NULL,
      status text NOT NULL CHECK (status IN ('received', 'refused', 'authorized', 'completed', 'failed')),
      request_id text,
      refusal_code text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      evidence bytea)`,
    `CREATE INDEX lookup_orders_case_idx ON lookup_orders (case_number)`,

    // A replayed order is refused across restarts and across nodes: the primary key makes the
    // first claim win and every later one fail, whichever node makes it.
    `CREATE TABLE seen_nonces (
      nonce text PRIMARY KEY,
      expires_at timestamptz NOT NULL,
      seen_at timestamptz NOT NULL DEFAULT now())`,
    `CREATE INDEX seen_nonces_expiry_idx ON seen_nonces (expires_at)`,

    // 9.1.2: a clerk acts only under a judge-signed delegation for one case and a time window.
    `CREATE TABLE delegations (
      id text PRIMARY KEY,
      case_number text NOT NULL REFERENCES cases (number),
      judge_fin text NOT NULL REFERENCES persons (fin),
      staff_fins text[] NOT NULL CHECK (cardinality(staff_fins) > 0),
      valid_from timestamptz NOT NULL,
      valid_until timestamptz NOT NULL,
      signature bytea NOT NULL,
      revoked_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (valid_until > valid_from))`,
    `CREATE INDEX delegations_case_idx ON delegations (case_number)`,
  ],
};
