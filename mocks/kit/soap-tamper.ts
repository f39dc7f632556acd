/**
 * Signature attacks on a signed SOAP answer (altered values, signature wrapping). They
 * work on the text, so they apply to whatever the signer produced.
 */
import { alterChar } from './tamper';

const BODY_OPEN = /<([A-Za-z_][\w.-]*:)?Body\b[^>]*>/;

/** Alters the first character of text content at or after `from`. */
function alterFirstText(xml: string, from: number): string {
  const m = />([^<\s])/g;
  m.lastIndex = from;
  const hit = m.exec(xml);
  if (!hit) return xml;
  const at = hit.index + 1;
  return xml.slice(0, at) + alterChar(xml[at]) + xml.slice(at + 1);
}

function findBody(xml: string): { start: number; openEnd: number; close: number; end: number; prefix: string } | undefined {
  const open = BODY_OPEN.exec(xml);
  if (!open) return undefined;
  const prefix = open[1] ?? '';
  const closeTag = `</${prefix}Body>`;
  const close = xml.lastIndexOf(closeTag);
  if (close < 0) return undefined;
  return { start: open.index, openEnd: open.index + open[0].length, close, end: close + closeTag.length, prefix };
}

/** Bad signature: the first signed value in the Body is altered after signing. */
export function alterSignedBody(xml: string): string {
  const body = findBody(xml);
  return body ? alterFirstText(xml, body.start) : alterFirstText(xml, 0);
}

/**
 * Wrapping: the signed Body (with its wsu:Id) moves into a header wrapper, still in the
 * Envelope's namespace scope so its digest still matches; an attacker Body without an id, carrying
 * an altered payload, takes its place.
 */
export function wrapSignedBody(xml: string): string {
  const body = findBody(xml);
  if (!body) return xml;
  const signedBody = xml.slice(body.start, body.end);
  const attackerContent = alterFirstText(xml.slice(body.openEnd, body.close), 0);
  const attackerBody = `<${body.prefix}Body>${attackerContent}</${body.prefix}Body>`;
  const headerClose = `</${body.prefix}Header>`;
  const h = xml.indexOf(headerClose);
  const wrapper = `<wrap:Wrapper xmlns:wrap="urn:example:attacker">${signedBody}</wrap:Wrapper>`;
  const withoutBody = xml.slice(0, body.start) + attackerBody + xml.slice(body.end);
  if (h < 0 || h > body.start) return withoutBody;
  return withoutBody.slice(0, h) + wrapper + withoutBody.slice(h);
}

/** Where padding can go in a valid envelope: a comment just before the Body closes. */
export function hugeSplit(xml: string): { head: string; tail: string } {
  const body = findBody(xml);
  const at = body ? body.close : xml.length;
  return { head: `${xml.slice(0, at)}<!--`, tail: `-->${xml.slice(at)}` };
}
