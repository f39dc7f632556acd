/** Namespaces and URIs of the EHİS message profile (contracts/registries/README.md). */
export const NS = {
  soap11: 'http://schemas.xmlsoap.org/soap/envelope/',
  xrd: 'http://x-road.eu/xsd/xroad.xsd',
  id: 'http://x-road.eu/xsd/identifiers',
  wsse: 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd',
  wsu: 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd',
  ds: 'http://www.w3.org/2000/09/xmldsig#',
} as const;

/** WSS X.509 Token Profile 1.1 §3.1 token type; WSS SOAP Message Security 1.1 §6.2 encoding. */
export const X509_V3 = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-x509-token-profile-1.0#X509v3';
export const BASE64_BINARY = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary';
export const ENVELOPED_SIGNATURE = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';

/**
 * X-Road message protocol 4.0 §2.4.3: a provider's answer carries `xrd:requestHash` (the digest of
 * the request message, its algorithm in the `algorithmId` attribute). Requests have none.
 */
export const XROAD_REQUEST_HASH = 'requestHash';

/** The six X-Road message protocol 4.0 headers, in their usual order. */
export const XROAD_HEADERS = ['client', 'service', 'id', 'userId', 'issue', 'protocolVersion'] as const;
export type XroadHeaderName = (typeof XROAD_HEADERS)[number];
