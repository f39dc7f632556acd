/**
 * Adversarial XML of a given size for parser limits: a registry (or anyone on the path) answering
 * with markup built to make a parser work hard before any signature is checked. Used by the mock
 * agencies' fault `attributeFloodRate`, the security tests and `npm run bench`.
 */

export type FloodKind = 'attributes' | 'namespaces' | 'attributes-spread' | 'namespaces-spread';

/** Fills `head … tail` with repeated units up to `bytes` (ASCII only, so characters = bytes). */
function fill(head: string, unit: (i: number) => string, tail: string, bytes: number): { xml: string; units: number } {
  const parts: string[] = [];
  let len = head.length + tail.length;
  for (let i = 0; ; i++) {
    const u = unit(i);
    if (len + u.length > bytes) return { xml: head + parts.join('') + tail, units: i };
    parts.push(u);
    len += u.length;
  }
}

/**
 * `attributes`: one element with as many distinct attributes as fit (100,000 in 1 MiB);
 * `namespaces`: one element with as many namespace declarations (40,000 in 1 MiB);
 * `*-spread`: the same spread over many small elements, each within any per-element cap.
 * `wrap` puts the element where the payload would be (e.g. inside a SOAP Body).
 */
export function xmlFlood(kind: FloodKind, bytes = 1024 * 1024, wrap: { head: string; tail: string } = { head: '', tail: '' }): { xml: string; units: number } {
  const h = wrap.head;
  const t = wrap.tail;
  switch (kind) {
    case 'attributes': return fill(`${h}<flood`, (i) => ` a${i.toString(36)}="1"`, `/>${t}`, bytes);
    case 'namespaces': return fill(`${h}<flood`, (i) => ` xmlns:n${i.toString(36)}="urn:${i.toString(36)}"`, `/>${t}`, bytes);
    case 'attributes-spread': return fill(`${h}<flood>`, () => '<e a="1" b="2" c="3" d="4" f="5" g="6" h="7" j="8" k="9" l="0"/>', `</flood>${t}`, bytes);
    case 'namespaces-spread': return fill(`${h}<flood>`, () => '<e xmlns:a="urn:a" xmlns:b="urn:b" xmlns:c="urn:c" xmlns:d="urn:d"/>', `</flood>${t}`, bytes);
  }
}

/** The JSON counterpart: one object with as many members as fit (JSON.parse is linear: the signature refuses it). */
export function jsonFlood(bytes: number): string {
  const parts: string[] = [];
  let len = 2;
  for (let i = 0; ; i++) {
    const u = `${i ? ',' : ''}"a${i.toString(36)}":1`;
    if (len + u.length > bytes) return `{${parts.join('')}}`;
    parts.push(u);
    len += u.length;
  }
}
