/**
 * The numbered migrations, in order. They are SQL held in TypeScript modules rather than .sql
 * files because the build (tsc) copies only compiled modules into dist/; one statement per
 * array entry, each sent as its own query.
 * Never edit an applied migration: add the next number.
 */
import { COURT_DOMAIN } from './001-court-domain';
import { AUDIT_CHAIN } from './002-audit-chain';
import { ORDER_ATTEMPTS } from './003-order-attempts';
import { OUTBOX_DELIVERY } from './005-outbox-delivery';
import { AGENCY_DECISIONS } from './004-agency-decisions';
import { PUBLICATION } from './006-publication';
import { ORDER_WRITES } from './007-order-writes';
import { OUTBOX_NOTIFY } from './008-outbox-notify';
import { EVIDENCE_BINARY } from './009-evidence-binary';
import { ADMISSION_IN_APPEND } from './010-admission-in-append';

export interface Migration {
  version: number;
  name: string;
  statements: readonly string[];
}

export const MIGRATIONS: readonly Migration[] = [COURT_DOMAIN, AUDIT_CHAIN, ORDER_ATTEMPTS, AGENCY_DECISIONS, OUTBOX_DELIVERY, PUBLICATION, ORDER_WRITES, OUTBOX_NOTIFY, EVIDENCE_BINARY, ADMISSION_IN_APPEND];
