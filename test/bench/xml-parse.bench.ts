/**
 * How long the XML parser takes to refuse a 1 MiB adversarial registry answer (attributes and
 * namespace declarations flooding one element or spread over many), before any signature check:
 * the time the event loop is blocked for every other lookup. Median of each kind in ms;
 * `xml.parse.adversarial-1mib` is the worst kind (the aim: under 50 ms).
 */
import { isSigningError } from '../../signing/errors';
import { parseXml } from '../../signing/xml/parse-xml';
import { xmlFlood, type FloodKind } from '../../mocks/kit/xml-flood';
import { median, round, type Figure } from './figures';

const KINDS: FloodKind[] = ['attributes', 'namespaces', 'attributes-spread', 'namespaces-spread'];

function refuse(xml: Buffer): void {
  try {
    parseXml(xml);
  } catch (err) {
    if (isSigningError(err, 'too-large')) return;
    throw err;
  }
  throw new Error('the adversarial document was accepted');
}

export async function run(): Promise<Figure[]> {
  const out: Figure[] = [];
  let worst = 0;
  for (const kind of KINDS) {
    const xml = Buffer.from(xmlFlood(kind).xml); // as it arrives from the socket
    const ms = await median(() => refuse(xml), 30);
    worst = Math.max(worst, ms);
    out.push({ name: `xml.parse.adversarial-1mib.${kind}`, value: round(ms), unit: 'ms' });
  }
  out.unshift({ name: 'xml.parse.adversarial-1mib', value: round(worst), unit: 'ms' });
  return out;
}
