/**
 * Strict reading of a verified SOAP payload for pure mappers: every element is looked up by
 * namespace and local name, a required element missing or repeated is a shape the mapper does not
 * know (it throws, and the engine reports a bad answer), and text is read in full
 * (comments skipped, never the first text node only: XML Signature comment injection).
 * Formats and enumerations are checked afterwards by the operation's model schema.
 */
import { attr, childElements, onlyChild, textContent, type XmlElement } from '../../signing/xml/light-dom';

/**
 * A code of the register's code table with its Azerbaijani label, as an attribute and text
 * (`<x code="ownership">Mülkiyyət hüququ</x>`) or as two child elements (`<x><code>…</code><label>…</label></x>`).
 */
export interface Coded<C extends string = string> {
  code: C;
  label: string;
}

/** An amount as a decimal string with its ISO 4217 currency: `<x currency="AZN">1250.00</x>`. */
export interface Amount {
  amount: string;
  currency: string;
}

export interface PayloadReader {
  /** Exactly one child `local`. */
  one(el: XmlElement, local: string): XmlElement;
  /** Zero or one child `local` (several: throws). */
  opt(el: XmlElement, local: string): XmlElement | undefined;
  /** Every child `local`, in document order. */
  many(el: XmlElement, local: string): XmlElement[];
  /** Trimmed text of exactly one child. */
  text(el: XmlElement, local: string): string;
  /** Trimmed text of zero or one child; null when absent. */
  optText(el: XmlElement, local: string): string | null;
  /** An integer child (xs:integer lexical form). */
  int(el: XmlElement, local: string): number;
  /** A decimal child, as a number (areas, not amounts). */
  decimal(el: XmlElement, local: string): number;
  /** An xs:boolean child. */
  bool(el: XmlElement, local: string): boolean;
  /** A coded child: its `code` attribute and its text as the label. */
  coded(el: XmlElement, local: string): Coded;
  /** A coded child of the form `<x><code>…</code><label>…</label></x>`. */
  codedElements<C extends string = string>(el: XmlElement, local: string): Coded<C>;
  /** The items of the list element `wrapper`: every child of it must be an `item`. */
  list(el: XmlElement, wrapper: string, item: string): XmlElement[];
  /** An amount child: its text as a decimal string and its `currency` attribute. */
  amount(el: XmlElement, local: string): Amount;
  /** The subject the answer is about: a `subject` child holding exactly one of `fin`, `voen`. */
  subject(el: XmlElement): { fin: string } | { voen: string };
}

const INTEGER = /^[+-]?[0-9]+$/;
const DECIMAL = /^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$/;

/** A reader for payloads in namespace `ns`; `what` names the answer in error messages (no values: they may be personal data). */
export function payloadReader(ns: string, what: string): PayloadReader {
  const fail = (msg: string): never => {
    throw new Error(`${what}: ${msg}`);
  };
  const one = (el: XmlElement, local: string): XmlElement => onlyChild(el, ns, local) ?? fail(`expected exactly one ${local} in ${el.local}`);
  const opt = (el: XmlElement, local: string): XmlElement | undefined => {
    const found = childElements(el, ns, local);
    if (found.length > 1) fail(`more than one ${local} in ${el.local}`);
    return found[0];
  };
  const text = (el: XmlElement, local: string) => textContent(one(el, local)).trim();
  const reader: PayloadReader = {
    one,
    opt,
    many: (el, local) => childElements(el, ns, local),
    text,
    optText(el, local) {
      const c = opt(el, local);
      return c ? textContent(c).trim() : null;
    },
    int(el, local) {
      const t = text(el, local);
      if (!INTEGER.test(t)) fail(`${local} is not an integer`);
      const n = Number(t);
      if (!Number.isSafeInteger(n)) fail(`${local} is out of range`);
      return n;
    },
    decimal(el, local) {
      const t = text(el, local);
      if (!DECIMAL.test(t)) fail(`${local} is not a decimal`);
      return Number(t);
    },
    bool(el, local) {
      const t = text(el, local);
      if (t === 'true' || t === '1') return true;
      if (t === 'false' || t === '0') return false;
      return fail(`${local} is not a boolean`);
    },
    coded(el, local) {
      const c = one(el, local);
      const code = attr(c, '', 'code') ?? fail(`${local} has no code`);
      return { code, label: textContent(c).trim() };
    },
    codedElements(el, local) {
      const c = one(el, local);
      return { code: text(c, 'code') as never, label: text(c, 'label') };
    },
    list(el, wrapper, item) {
      const w = one(el, wrapper);
      const kids = childElements(w);
      if (kids.some((k) => k.ns !== ns || k.local !== item)) fail(`${wrapper} holds something other than ${item}`);
      return kids;
    },
    amount(el, local) {
      const c = one(el, local);
      const amount = textContent(c).trim();
      if (!DECIMAL.test(amount)) fail(`${local} is not a decimal`);
      const currency = attr(c, '', 'currency') ?? fail(`${local} has no currency`);
      return { amount, currency };
    },
    subject(el) {
      const s = one(el, 'subject');
      const kids = childElements(s);
      if (kids.length !== 1 || kids[0].ns !== ns || (kids[0].local !== 'fin' && kids[0].local !== 'voen')) fail('subject is neither one fin nor one voen');
      const value = textContent(kids[0]).trim();
      return kids[0].local === 'fin' ? { fin: value } : { voen: value };
    },
  };
  return reader;
}
