/**
 * The X-Road message protocol 4.0 request envelope (contracts/registries/README.md, "SOAP request"),
 * precompiled per operation: everything that does not change per message (namespaces, client,
 * service) is rendered and escaped once; a message is four escaped values spliced between constant
 * strings. Every X-Road header and the Body carry a wsu:Id so that signing/wss can reference them
 * (the answer must sign them the same way).
 */
import type { XRoadSubsystem } from '../../registry/types';
import { xmlText } from './xml-text';

export const NS_SOAP = 'http://schemas.xmlsoap.org/soap/envelope/';
export const NS_XRD = 'http://x-road.eu/xsd/xroad.xsd';
export const NS_ID = 'http://x-road.eu/xsd/identifiers';
export const NS_WSU = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd';

/** The wsu:Id values the hub signs besides its Timestamp (README: Body and the six X-Road headers). */
export const SOAP_REF_IDS = ['xrd-client', 'xrd-service', 'xrd-id', 'xrd-userId', 'xrd-issue', 'xrd-protocolVersion', 'body'] as const;

export interface ServiceRef {
  serviceCode: string;
  serviceVersion: string;
}

export interface EnvelopeValues {
  id: string;
  userId: string;
  issue: string;
  /** Payload fragment, already escaped by the operation's pure request builder. */
  payload: string;
}

function subsystem(s: XRoadSubsystem): string {
  return `<id:xRoadInstance>${xmlText(s.instance)}</id:xRoadInstance><id:memberClass>${xmlText(s.memberClass)}</id:memberClass>` +
    `<id:memberCode>${xmlText(s.memberCode)}</id:memberCode><id:subsystemCode>${xmlText(s.subsystemCode)}</id:subsystemCode>`;
}

/** Returns the per-message renderer for one (client, service) pair. */
export function compileEnvelope(client: XRoadSubsystem, provider: XRoadSubsystem, service: ServiceRef): (v: EnvelopeValues) => string {
  const head =
    `<SOAP-ENV:Envelope xmlns:SOAP-ENV="${NS_SOAP}" xmlns:xrd="${NS_XRD}" xmlns:id="${NS_ID}" xmlns:wsu="${NS_WSU}">` +
    `<SOAP-ENV:Header>` +
    `<xrd:client id:objectType="SUBSYSTEM" wsu:Id="xrd-client">${subsystem(client)}</xrd:client>` +
    `<xrd:service id:objectType="SERVICE" wsu:Id="xrd-service">${subsystem(provider)}` +
    `<id:serviceCode>${xmlText(service.serviceCode)}</id:serviceCode><id:serviceVersion>${xmlText(service.serviceVersion)}</id:serviceVersion>` +
    `</xrd:service>` +
    `<xrd:id wsu:Id="xrd-id">`;
  const afterId = `</xrd:id><xrd:userId wsu:Id="xrd-userId">`;
  const afterUser = `</xrd:userId><xrd:issue wsu:Id="xrd-issue">`;
  const afterIssue = `</xrd:issue><xrd:protocolVersion wsu:Id="xrd-protocolVersion">4.0</xrd:protocolVersion>` +
    `</SOAP-ENV:Header><SOAP-ENV:Body wsu:Id="body">`;
  const tail = `</SOAP-ENV:Body></SOAP-ENV:Envelope>`;
  return (v) => head + xmlText(v.id) + afterId + xmlText(v.userId) + afterUser + xmlText(v.issue) + afterIssue + v.payload + tail;
}
