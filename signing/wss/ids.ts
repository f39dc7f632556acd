/**
 * Which attributes are ids. WSS 1.1 §4 uses wsu:Id; XML-DSig and xmlsec1 templates use an
 * unqualified Id. Both count, and every id value must be unique in the whole document: with a
 * duplicate, "the element with this id" is ambiguous, which is what wrapping attacks exploit.
 */
import { SigningError } from '../errors';
import type { XmlElement } from '../xml/light-dom';
import { walkElements } from '../xml/light-dom';
import { NS } from './wss-names';

export function idsOf(el: XmlElement): string[] | undefined {
  let ids: string[] | undefined;
  for (const a of el.attrs) {
    if (a.local === 'Id' && (a.ns === NS.wsu || a.ns === '')) (ids ??= []).push(a.value);
  }
  return ids;
}

export interface IndexedElement { el: XmlElement; parent: XmlElement | undefined }

export interface DocumentIndex {
  byId: Map<string, IndexedElement>;
  all: IndexedElement[];
  /** The first id value seen twice; callers refuse the message ('duplicate-element'). */
  duplicateId?: string;
}

/** One walk: id -> element, plus every element with its parent. */
export function indexDocument(root: XmlElement): DocumentIndex {
  const byId = new Map<string, IndexedElement>();
  const all: IndexedElement[] = [];
  let duplicateId: string | undefined;
  walkElements(root, (el, parent) => {
    const entry = { el, parent };
    all.push(entry);
    const ids = idsOf(el);
    if (!ids) return;
    for (const id of ids) {
      if (byId.has(id)) duplicateId ??= id;
      else byId.set(id, entry);
    }
  });
  return { byId, all, duplicateId };
}

export function refuseDuplicateIds(index: DocumentIndex): void {
  if (index.duplicateId !== undefined) {
    throw new SigningError('duplicate-element', `id "${index.duplicateId}" occurs more than once`);
  }
}
