/**
 * What the SOAP mapper scenario tests of a registry module share: its golden answers
 * (contracts/registries/<id>/samples/<scenario>/response.xml with the expected model of meta.json),
 * the payload element of a SOAP answer's Body, and the check of a mapped model against the
 * module's model schemas.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AdapterDescriptor } from '../../../../adapters/kit/descriptor';
import { createModelCheck } from '../../../../adapters/kit/model-validator';
import { childElements, onlyChild, type XmlElement } from '../../../../signing/xml/light-dom';
import { parseXml } from '../../../../signing/xml/parse-xml';

export const SOAP = 'http://schemas.xmlsoap.org/soap/envelope/';

export function soapGolden(id: string, operations: string[]) {
  const dir = join(__dirname, '../../../../contracts/registries', id);
  return {
    dir,
    golden: (sample: string) => ({
      response: readFileSync(join(dir, 'samples', sample, 'response.xml'), 'utf8'),
      expected: (JSON.parse(readFileSync(join(dir, 'samples', sample, 'meta.json'), 'utf8')) as { expected: unknown }).expected,
    }),
    payloadOf: (xml: string): XmlElement => childElements(onlyChild(parseXml(xml).root, SOAP, 'Body')!)[0],
    check: createModelCheck({
      provider: id, protocol: 'soap', faults: [],
      operations: operations.map((name) => ({ name, modelSchema: join(dir, `model.${name}.schema.json`) })),
    } as unknown as AdapterDescriptor),
  };
}
