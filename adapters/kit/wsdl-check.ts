/**
 * node-soap at start-up only. The issue names node-soap for the SOAP engine; the performance goal (a
 * full hub lookup at least 2x faster than a bare signed node-soap call) rules its client out of the
 * hot path: per call it walks the WSDL object model to serialize, signs through xml-crypto (~3.7 ms
 * per message, docs/conventions.md, node-soap) and parses answers into objects we would have to re-verify anyway
 * (it never verifies incoming signatures). So node-soap does what it is good at — loading and
 * resolving the WSDL + XSD — once per service start, and we check that every descriptor operation is
 * really in the contract (operation, payload namespace, request/response element, SOAPAction). The
 * hot path then runs on the precompiled templates of xroad-envelope.ts. A descriptor that drifted from
 * its WSDL stops start-up (fail closed, docs/conventions.md §12), with every violation listed at once.
 */
import * as soap from 'soap';
import { HubError } from '../../contracts/hub';
import type { SoapAdapterDescriptor } from './descriptor';

interface WsdlPart { $name?: string; targetNamespace?: string }
interface WsdlMethod { input?: WsdlPart; output?: WsdlPart; soapAction?: string; style?: string }

export async function checkWsdl(d: SoapAdapterDescriptor): Promise<void> {
  let client: soap.Client;
  try {
    client = await soap.createClientAsync(d.wsdl);
  } catch (err) {
    throw new HubError('HUB_ERR_CONFIG_INVALID', {
      message: `The WSDL of adapter ${d.provider} could not be loaded`,
      details: { provider: d.provider, wsdl: d.wsdl },
      cause: err,
    });
  }
  const bindings = (client.wsdl.definitions as unknown as { bindings: Record<string, { methods: Record<string, WsdlMethod> }> }).bindings;
  const methods = new Map<string, WsdlMethod>();
  for (const b of Object.values(bindings)) for (const [name, m] of Object.entries(b.methods)) methods.set(name, m);

  const violations: string[] = [];
  for (const op of d.operations) {
    const m = methods.get(op.serviceCode);
    if (!m) { violations.push(`${op.name}: operation ${op.serviceCode} is not in the WSDL`); continue; }
    if (m.style && m.style !== 'document') violations.push(`${op.name}: binding style ${m.style}, expected document`);
    if (m.input?.targetNamespace !== op.namespace) violations.push(`${op.name}: request namespace differs from the WSDL`);
    if (m.input?.$name !== op.serviceCode) violations.push(`${op.name}: request element differs from the WSDL`);
    if (m.output?.targetNamespace !== op.namespace) violations.push(`${op.name}: response namespace differs from the WSDL`);
    if (m.output?.$name !== op.responseElement) violations.push(`${op.name}: response element differs from the WSDL`);
    if ((m.soapAction ?? '') !== (op.soapAction ?? '')) violations.push(`${op.name}: SOAPAction differs from the WSDL`);
  }
  if (violations.length > 0) {
    throw new HubError('HUB_ERR_CONFIG_INVALID', {
      message: `Adapter ${d.provider} does not match its WSDL (${violations.length}): ${violations.join('; ')}`,
      details: { provider: d.provider, violations },
    });
  }
}
