/**
 * Plain data → XML elements of one namespace prefix, the way the registries' XSDs lay it out
 * (elementFormDefault qualified): an object's members in order, an array as the element repeated,
 * null/undefined omitted (minOccurs 0), booleans and numbers in their XSD lexical form.
 */
import { escapeXml } from './xroad-soap';

export function xmlElements(prefix: string, value: Record<string, unknown>): string {
  let out = '';
  for (const [name, v] of Object.entries(value)) out += element(prefix, name, v);
  return out;
}

function element(prefix: string, name: string, v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map((x) => element(prefix, name, x)).join('');
  const tag = `${prefix}:${name}`;
  if (typeof v === 'object') return `<${tag}>${xmlElements(prefix, v as Record<string, unknown>)}</${tag}>`;
  return `<${tag}>${escapeXml(String(v))}</${tag}>`;
}
