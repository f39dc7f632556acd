/**
 * Reads a ds:Signature strictly (XML-DSig §4 element order, nothing extra) and applies the
 * allowlist of docs/conventions.md, XML signature rule 4 BEFORE any cryptography: exclusive C14N only (no
 * #WithComments, no inclusive C14N), transforms enveloped-signature and exc-c14n only (no XPath,
 * XSLT, base64 ...), `#id` reference URIs only, allowlisted digest and signature methods.
 */
import { SigningError } from '../errors';
import { EXC_C14N } from '../xml/exc-c14n';
import type { XmlElement } from '../xml/light-dom';
import { attr, childElements, textContent } from '../xml/light-dom';
import { digestAlg, signatureAlg, type SignatureAlg } from './algorithms';
import { ENVELOPED_SIGNATURE, NS } from './wss-names';

export interface SignedReference {
  readonly id: string;
  readonly enveloped: boolean;
  readonly inclusivePrefixes: readonly string[];
  readonly hash: 'sha256' | 'sha384' | 'sha512';
  readonly digest: Buffer;
}

export interface SignatureParts {
  readonly signedInfo: XmlElement;
  readonly c14nPrefixes: readonly string[];
  readonly alg: SignatureAlg;
  readonly references: readonly SignedReference[];
  readonly signatureValue: Buffer;
  /** Id of the BinarySecurityToken named by KeyInfo/SecurityTokenReference (WSS X.509 profile §3.3.2). */
  readonly tokenId: string;
}

const ID_REF = /^#([A-Za-z_][-A-Za-z0-9_.]*)$/;
const HASH_LEN = { sha256: 32, sha384: 48, sha512: 64 } as const;

function malformed(msg: string): never {
  throw new SigningError('malformed', msg);
}

/** The element children, each checked against the expected ds names in order. */
function dsChildren(el: XmlElement): XmlElement[] {
  const kids = childElements(el);
  for (const k of kids) if (k.ns !== NS.ds) malformed(`unexpected ${k.name} in ds:${el.local}`);
  return kids;
}

export function readSignature(sig: XmlElement): SignatureParts {
  const kids = dsChildren(sig);
  const names = kids.map((k) => k.local);
  if (names.filter((n) => n === 'SignedInfo').length > 1) {
    // CVE-2025-29774 shape: a second SignedInfo for a naive reader to pick up.
    throw new SigningError('duplicate-element', 'more than one ds:SignedInfo');
  }
  if (names.join(',') !== 'SignedInfo,SignatureValue,KeyInfo') {
    malformed(`ds:Signature must hold SignedInfo, SignatureValue, KeyInfo; found ${names.join(',') || 'nothing'}`);
  }
  const [signedInfo, sigValueEl, keyInfo] = kids;

  const si = dsChildren(signedInfo);
  if (si.length < 3 || si[0].local !== 'CanonicalizationMethod' || si[1].local !== 'SignatureMethod') {
    malformed('ds:SignedInfo must start with CanonicalizationMethod, SignatureMethod');
  }
  const c14nPrefixes = c14nMethod(si[0]);
  if (childElements(si[1]).length) malformed('parameters in SignatureMethod'); // e.g. HMACOutputLength
  const alg = signatureAlg(attr(si[1], '', 'Algorithm'));

  const references: SignedReference[] = [];
  const seen = new Set<string>();
  for (const ref of si.slice(2)) {
    if (ref.local !== 'Reference') malformed(`unexpected ds:${ref.local} in SignedInfo`);
    const r = reference(ref);
    if (seen.has(r.id)) throw new SigningError('duplicate-element', `two references to #${r.id}`);
    seen.add(r.id);
    references.push(r);
  }

  const signatureValue = base64(textContent(sigValueEl), 'SignatureValue');
  return { signedInfo, c14nPrefixes, alg, references, signatureValue, tokenId: tokenReference(keyInfo) };
}

/** Exc-C14N only, optionally with an InclusiveNamespaces PrefixList (Exc-C14N §4). */
function c14nMethod(el: XmlElement): string[] {
  const alg = attr(el, '', 'Algorithm');
  if (alg !== EXC_C14N) throw new SigningError('algorithm-not-allowed', `canonicalization ${alg ?? '(none)'}`);
  const kids = childElements(el);
  if (kids.length === 0) return [];
  if (kids.length > 1 || kids[0].ns !== EXC_C14N || kids[0].local !== 'InclusiveNamespaces') {
    malformed('unexpected content in a canonicalization method');
  }
  return (attr(kids[0], '', 'PrefixList') ?? '').split(/[ \t\n]+/).filter(Boolean);
}

function reference(ref: XmlElement): SignedReference {
  const uri = attr(ref, '', 'URI');
  const m = uri === undefined ? null : ID_REF.exec(uri);
  // Empty, external and XPointer URIs select something other than one element by id.
  if (!m) throw new SigningError('algorithm-not-allowed', `reference URI ${JSON.stringify(uri ?? null)}`);
  const kids = dsChildren(ref);
  let i = 0;
  let enveloped = false;
  let inclusivePrefixes: string[] | undefined;
  if (kids[i]?.local === 'Transforms') {
    const ts = dsChildren(kids[i++]);
    ts.forEach((t, n) => {
      if (t.local !== 'Transform') malformed(`unexpected ds:${t.local} in Transforms`);
      const a = attr(t, '', 'Algorithm');
      if (a === ENVELOPED_SIGNATURE && n === 0 && ts.length > 1 && childElements(t).length === 0) enveloped = true;
      else if (a === EXC_C14N && n === ts.length - 1) inclusivePrefixes = c14nMethod(t);
      else throw new SigningError('algorithm-not-allowed', `transform ${a ?? '(none)'}`);
    });
  }
  // Without a final exc-c14n transform XML-DSig §4.3.3.2 falls back to inclusive C14N 1.0.
  if (!inclusivePrefixes) throw new SigningError('algorithm-not-allowed', 'reference without an exc-c14n transform');
  if (kids[i]?.local !== 'DigestMethod' || kids[i + 1]?.local !== 'DigestValue' || kids.length !== i + 2) {
    malformed('ds:Reference must hold [Transforms], DigestMethod, DigestValue');
  }
  if (childElements(kids[i]).length) malformed('parameters in DigestMethod');
  const hash = digestAlg(attr(kids[i], '', 'Algorithm'));
  // Full text content: a comment inside DigestValue cannot hide part of it (CVE-2025-29775).
  const digest = base64(textContent(kids[i + 1]), 'DigestValue');
  if (digest.length !== HASH_LEN[hash]) malformed('digest value of the wrong length');
  return { id: m[1], enveloped, inclusivePrefixes, hash, digest };
}

function tokenReference(keyInfo: XmlElement): string {
  const kids = childElements(keyInfo);
  const str = kids.length === 1 && kids[0].ns === NS.wsse && kids[0].local === 'SecurityTokenReference' ? kids[0] : undefined;
  const refs = str ? childElements(str) : [];
  if (!str || refs.length !== 1 || refs[0].ns !== NS.wsse || refs[0].local !== 'Reference') {
    malformed('KeyInfo must hold one wsse:SecurityTokenReference/wsse:Reference');
  }
  const m = ID_REF.exec(attr(refs[0], '', 'URI') ?? '');
  if (!m) malformed('SecurityTokenReference must point at a token by #id');
  return m[1];
}

const B64 = /^[A-Za-z0-9+/]*={0,2}$/;
export function base64(text: string, what: string): Buffer {
  const t = text.replace(/[ \t\n\r]+/g, '');
  if (!t || t.length % 4 !== 0 || !B64.test(t)) malformed(`${what} is not base64`);
  return Buffer.from(t, 'base64');
}
