/**
 * WS-Security signing of an EHİS SOAP message (WSS SOAP Message Security 1.1 §8, X.509 Token
 * Profile 1.1): the hub signs Body, its own Timestamp and the six X-Road headers, by wsu:Id.
 *
 * Speed: the envelope is parsed once, only the referenced elements are
 * canonicalized. The Timestamp and SignedInfo are generated here directly in their exclusive
 * canonical form: each declares every namespace it visibly uses on its own apex, its attributes
 * are already sorted and its text needs no escaping, so Exc-C14N of the inserted text is that text
 * and their digest / signature input needs no second parse. Then wsse:Security is spliced into the
 * source string just before </Header>; no referenced element can contain that point (Envelope and
 * Header are refused as targets), so the digests stay valid.
 */
import { hash, type KeyObject, randomUUID, sign as cryptoSign } from 'node:crypto';
import { SigningError } from '../errors';
import { excC14n, EXC_C14N } from '../xml/exc-c14n';
import { onlyChild } from '../xml/light-dom';
import { parseXml } from '../xml/parse-xml';
import type { RawSigner } from '../keystore/types';
import { algForKey, algForKeyType, SHA256 } from './algorithms';
import { indexDocument, refuseDuplicateIds } from './ids';
import { BASE64_BINARY, NS, X509_V3 } from './wss-names';

/** A key in the process (KeyObject), or one that stays in its store (PKCS#11) behind a raw signer. */
export type WssSigner = { certPem: string; key: KeyObject } | RawSigner;

export interface SignEnvelopeOptions {
  /** wsu:Id values to sign besides the Timestamp (Body and the X-Road headers). */
  refIds: string[];
  /** Timestamp Expires - Created (default 300 s). */
  timestampTtlSec?: number;
  /** Clock, for tests. */
  now?: Date;
}

const NCNAME = /^[A-Za-z_][-A-Za-z0-9_.]*$/;

export function signEnvelope(xml: string, signer: WssSigner, opts: SignEnvelopeOptions): string {
  const doc = parseXml(xml, { maxBytes: 16 * 1024 * 1024 });
  const env = doc.root;
  if (env.ns !== NS.soap11 || env.local !== 'Envelope') throw new SigningError('malformed', 'not a SOAP 1.1 Envelope');
  const header = onlyChild(env, NS.soap11, 'Header');
  if (!header) throw new SigningError('missing-element', 'SOAP Header');
  if (header.children.some((c) => c.kind === 'element' && c.ns === NS.wsse && c.local === 'Security')) {
    throw new SigningError('duplicate-element', 'the message already has a wsse:Security header');
  }
  const index = indexDocument(env);
  refuseDuplicateIds(index);
  const { byId } = index;

  const alg = 'key' in signer ? algForKey(signer.key) : algForKeyType(signer.keyType);
  const now = opts.now ?? new Date();
  const expires = new Date(now.getTime() + (opts.timestampTtlSec ?? 300) * 1000);
  const tsId = 'TS-' + randomUUID();
  const tokenId = 'X509-' + randomUUID();

  let refs = '';
  for (const id of opts.refIds) {
    if (!NCNAME.test(id)) throw new SigningError('malformed', `reference id "${id}" is not an NCName`);
    const target = byId.get(id);
    if (!target) throw new SigningError('missing-element', `no element with id "${id}"`);
    if (target.el === env || target.el === header) throw new SigningError('malformed', 'Envelope and Header cannot be referenced: Security goes inside them');
    refs += reference(id, digest(excC14n(target.el)));
  }
  // Canonical as written (see the file comment): prefixes declared on the apex, one attribute.
  const timestamp =
    `<wsu:Timestamp xmlns:wsu="${NS.wsu}" wsu:Id="${tsId}">` +
    `<wsu:Created>${now.toISOString()}</wsu:Created><wsu:Expires>${expires.toISOString()}</wsu:Expires>` +
    `</wsu:Timestamp>`;
  refs += reference(tsId, digest(timestamp));

  const signedInfo =
    `<ds:SignedInfo xmlns:ds="${NS.ds}">` +
    `<ds:CanonicalizationMethod Algorithm="${EXC_C14N}"></ds:CanonicalizationMethod>` +
    `<ds:SignatureMethod Algorithm="${alg.uri}"></ds:SignatureMethod>` +
    refs +
    `</ds:SignedInfo>`;
  const sigValue = ('key' in signer
    ? cryptoSign(alg.hash, Buffer.from(signedInfo, 'utf8'), alg.keyType === 'ec' ? { key: signer.key, dsaEncoding: 'ieee-p1363' } : signer.key)
    : signer.signRaw(Buffer.from(signedInfo, 'utf8'))).toString('base64');

  const envPrefix = env.prefix || 'soapenv';
  const security =
    `<wsse:Security xmlns:wsse="${NS.wsse}" xmlns:wsu="${NS.wsu}"` +
    (env.prefix ? '' : ` xmlns:soapenv="${NS.soap11}"`) + ` ${envPrefix}:mustUnderstand="1">` +
    timestamp +
    `<wsse:BinarySecurityToken EncodingType="${BASE64_BINARY}" ValueType="${X509_V3}" wsu:Id="${tokenId}">` +
    certBase64(signer.certPem) + `</wsse:BinarySecurityToken>` +
    `<ds:Signature xmlns:ds="${NS.ds}">` + signedInfo +
    `<ds:SignatureValue>${sigValue}</ds:SignatureValue>` +
    `<ds:KeyInfo><wsse:SecurityTokenReference><wsse:Reference URI="#${tokenId}" ValueType="${X509_V3}"/>` +
    `</wsse:SecurityTokenReference></ds:KeyInfo></ds:Signature></wsse:Security>`;

  const src = doc.source;
  if (header.selfClosing) {
    const open = src.slice(header.start, header.end - 2);
    return src.slice(0, header.start) + open + '>' + security + `</${header.name}>` + src.slice(header.end);
  }
  return src.slice(0, header.innerEnd) + security + src.slice(header.innerEnd);
}

function digest(canonical: string): string {
  return hash('sha256', canonical, 'base64');
}

/** One ds:Reference in canonical form: exc-c14n transform, SHA-256 (XML-DSig §4.3.3). */
function reference(id: string, digestValue: string): string {
  return `<ds:Reference URI="#${id}"><ds:Transforms><ds:Transform Algorithm="${EXC_C14N}"></ds:Transform></ds:Transforms>` +
    `<ds:DigestMethod Algorithm="${SHA256}"></ds:DigestMethod><ds:DigestValue>${digestValue}</ds:DigestValue></ds:Reference>`;
}

let lastPem = '';
let lastB64 = '';
/** The certificate's DER as base64 (BinarySecurityToken content); one PEM is reused for every message. */
function certBase64(pem: string): string {
  if (pem !== lastPem) {
    const m = /-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]+)-----END CERTIFICATE-----/.exec(pem);
    if (!m) throw new SigningError('malformed', 'signer certificate is not a PEM certificate');
    lastB64 = m[1].replace(/\s+/g, '');
    lastPem = pem;
  }
  return lastB64;
}
