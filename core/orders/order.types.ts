/**
 * The lookup order (statute 11.2; docs/security-model.md §3): what a judge signs to obtain data about a party under
 * statute 11.2 / 6.1.9 / 12.4. The judge signs its RFC 8785 canonical form (order.canonical.ts)
 * as a detached CMS SignedData (CAdES-BES); the hub stores it and quotes it in the evidence packet.
 */
import type { Subject } from '../../contracts/hub';

/** `request`: the judge's signed order is enough; `decision`: a decision of this case in legal force (11.1 secrecy). */
export type OrderBasis = { kind: 'request' } | { kind: 'decision'; decisionId: string };

export interface LookupOrder {
  /** Unique per order (a UUID); the key of the evidence packet. */
  orderId: string;
  caseNumber: string;
  subject: Subject;
  /** §11.2 sections, e.g. ["11.2.22", "11.2.5"]. */
  categories: string[];
  basis: OrderBasis;
  /** Why the data is needed, in the judge's words (kept in the evidence, never in logs). */
  purpose: string;
  /** RFC 3339 instants: the validity window, checked with bounded clock skew. */
  issuedAt: string;
  expiresAt: string;
  /** Random, used once: the hub refuses a second use across restarts and nodes. */
  nonce: string;
}

/**
 * The wire form of every signed document a person sends the hub (docs/security-model.md):
 * `{ "<document>": {...}, "signature": "<base64 DER detached CMS over canonicalJson(document)>" }`.
 * For a lookup the document key is `order`; delegations, identity checks, access reports and
 * operator changes use the same envelope with their own key.
 */
export interface SignedEnvelope<K extends string, T> {
  document: T;
  /** The key the document travelled under (order, delegation, request …). */
  key: K;
  signature: Buffer;
}
