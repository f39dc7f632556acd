/**
 * The population register's getPerson (11.2.22) as a node-soap service answering from the
 * synthetic population. Faults per contracts/registries/README.md; fault strings never carry the
 * FIN (no personal data in errors).
 */
import { isFin } from '../../../contracts/registries/identifiers';
import { findPerson } from '../../population-data/population';
import type { FaultCode } from '../../kit/xroad-soap';

export const FAULT_TEXT: Readonly<Record<FaultCode, string>> = {
  'Server.NotFound': 'No person with the requested FIN in the population register',
  'Client.InvalidRequest': 'Invalid request',
  'Client.InvalidSignature': 'The request signature did not verify',
  'Server.Unavailable': 'The population register is temporarily unavailable',
  'Server.InternalError': 'Internal error of the population register',
};

/** What node-soap turns into a SOAP 1.1 fault; SOAP 1.1 §6.2: faults travel with HTTP 500. */
export function soapFault(code: FaultCode, text = FAULT_TEXT[code]): { Fault: { faultcode: string; faultstring: string; statusCode: number } } {
  return { Fault: { faultcode: `SOAP-ENV:${code}`, faultstring: text, statusCode: 500 } };
}

/** node-soap services object: service → port → operation, as named in population.wsdl. */
export const populationServices = {
  populationService: {
    populationPort: {
      getPerson(args: { fin?: unknown } | undefined): { person: object } {
        const fin = args?.fin;
        if (!isFin(fin)) throw soapFault('Client.InvalidRequest', 'fin: expected 7 characters of [0-9A-Z]');
        const person = findPerson(fin);
        if (!person) throw soapFault('Server.NotFound');
        return { person };
      },
    },
  },
};
