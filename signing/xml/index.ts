export * from './light-dom';
export { parseXml, XML_NS, XMLNS_NS } from './parse-xml';
export type { ParseOptions } from './parse-xml';
export { excC14n, escAttr, escText, EXC_C14N } from './exc-c14n';
export type { C14nOptions } from './exc-c14n';
