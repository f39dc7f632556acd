/**
 * What the publication pipeline needs from the rest of the hub (statute 12.6): the judge-signed
 * decision with its text and the case file's parties (the decision model lives elsewhere; this is
 * the seam), the store, and the hub's signer.
 */
import type { Party } from '../anonymizer/types';
import type { DocumentSigner } from '../orders/signature.port';
import type { Db } from '../store/db';

export interface SignedDecision {
  id: string;
  caseNumber: string;
  court: { id: string; name: string };
  /** The case's category: civil, commercial, administrative, criminal. */
  caseCategory: string;
  kind: string;
  adoptedAt: Date;
  /** The original text, as signed by the judge. Never leaves the hub except to its reviewers. */
  text: string;
  /** Statute articles the decision applies, as far as its record names them. */
  articles: string[];
  /** FIN of the judge who signed it. */
  signedBy: string;
  /** SHA-256 (hex) of the judge's signature: the published document refers to the original by it. */
  signatureSha256: string;
  /** The case file's parties in the anonymizer's form. */
  parties: Party[];
}

export interface PublicationDeps {
  db: Db;
  hubSigner: DocumentSigner;
  /** Days before the due date from which a pending publication is "due soon". */
  warnDays: number;
}
