export { startOcspResponder } from './ocsp-responder';
export type { OcspResponderOptions, OcspResponderHandle, OcspIssuer, OcspFault } from './ocsp-responder';
