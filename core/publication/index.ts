/** core/publication: anonymized publication of decisions and the public search (statute 12.6, 6.1.21; docs/publication.md). */
export { createPublicationService } from './publication.service';
export { ensureDraft, readDraft, sha256Hex, type Draft, type DraftView } from './draft';
export { deadlineCounts, deadlineReport, deadlineState, publicationDueAt, type DeadlineReport, type DeadlineState } from './deadlines';
export { normalizeForSearch, queryStems, stem } from './search-normalizer';
export { parseSearchParams, searchPublished, type SearchParams, type SearchResult } from './search';
export { readPublished, PUBLICATION_DOCUMENT_TYPE, type PublishedAnswer, type PublishedDocument } from './approve.flow';
export type { PublicationDeps, SignedDecision } from './ports';
export { SIGNED_DECISIONS_SQL, articlesIn, signedDecision } from './decision-source';
