/**
 * Strict reading of a verified SOAP payload for pure mappers: elements are found by namespace and
 * local name, a required element missing or repeated, a list holding anything but its items, or a
 * value not of its XML Schema lexical form is a shape the mapper does not know — it throws, and the
 * engine reports a bad answer (never data, never "not found"). Enumerations and formats are checked
 * afterwards by the model schema. Text is read in full, comments skipped (light-dom textContent).
 */
import { childElements, textContent, type XmlElement } from '../../signing/xml/light-dom';

/** A register's code with its Azerbaijani label, as the register prints it. */
export interface Coded<C extends string = string> {
  code: C;
  label: string;
}

export interface PayloadReader {
  /** Exactly one child `local`. */
  one(el: XmlElement, local: string): XmlElement;
  /** At most one child `local`. */
  opt(el: XmlElement, local: string): XmlElement | undefined;
  /** Trimmed text of exactly one child `local`. */
  text(el: XmlElement, local: string): string;
  /** Trimmed text of an optional child; null when absent (XSD minOccurs="0"). */
  optText(el: XmlElement, local: string): string | null;
  /** xs:boolean of exactly one child (XML Schema 1.0 part 2 §3.2.2: true, false, 1, 0). */
  bool(el: XmlElement, local: string): boolean;
  /** xs:integer (or xs:gYear) of exactly one child. */
  int(el: XmlElement, local: string): number;
  /** The items of the list element `wrapper`: every child of it must be an `item`. */
  list(el: XmlElement, wrapper: string, item: string): XmlElement[];
  /** A `{ code, label }` child. */
  coded<C extends string = string>(el: XmlElement, local: string): Coded<C>;
}

const BOOLEAN: ReadonlyMap<string, boolean> = new Map([['true', true], ['false', false], ['1', true], ['0', false]]);

export function payloadReader(ns: string, who: string): PayloadReader {
  const fail = (msg: string): never => { throw new Error(`${who} answer: ${msg}`); };
  const all = (el: XmlElement, local: string) => childElements(el, ns, local);
  const r: PayloadReader = {
    one(el, local) {
      const found = all(el, local);
      if (found.length !== 1) fail(`expected exactly one ${local} in ${el.local}, found ${found.length}`);
      return found[0];
    },
    opt(el, local) {
      const found = all(el, local);
      if (found.length > 1) fail(`expected at most one ${local} in ${el.local}, found ${found.length}`);
      return found[0];
    },
    text: (el, local) => textContent(r.one(el, local)).trim(),
    optText(el, local) {
      const found = r.opt(el, local);
      return found ? textContent(found).trim() : null;
    },
    bool(el, local) {
      const value = BOOLEAN.get(r.text(el, local));
      return value ?? fail(`${local} is not an xs:boolean`);
    },
    int(el, local) {
      const t = r.text(el, local);
      if (!/^[+-]?[0-9]{1,9}$/.test(t)) fail(`${local} is not an integer`);
      return Number(t);
    },
    list(el, wrapper, item) {
      const w = r.one(el, wrapper);
      const kids = childElements(w);
      if (kids.some((k) => k.ns !== ns || k.local !== item)) fail(`${wrapper} holds something other than ${item}`);
      return kids;
    },
    coded(el, local) {
      const c = r.one(el, local);
      return { code: r.text(c, 'code') as never, label: r.text(c, 'label') };
    },
  };
  return r;
}
