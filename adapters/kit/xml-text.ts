/** Escaping for text and attribute values we put into XML (XML 1.0 §2.4 character data). */
const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const SPECIAL = /[&<>"']/g;
// XML 1.0 §2.2: these can never appear in a document, escaped or not.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

export function xmlText(value: string): string {
  if (ILLEGAL.test(value)) throw new TypeError('value contains a character not allowed in XML');
  return value.replace(SPECIAL, (c) => ESC[c]);
}
