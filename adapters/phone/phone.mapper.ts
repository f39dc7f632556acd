/**
 * Pure mapper of the telecom register's answer (contracts/registries/phone/upstream/phone.openapi.json,
 * PhoneNumbers) to the canonical model (contracts/registries/models.ts). Copies the known fields only:
 * anything else the register sends is not passed on. Formats are checked by the model schema.
 */
import type { AdapterCallParams } from '../../contracts/hub';
import type { PhoneNumber, PhoneNumbers } from '../../contracts/registries/models';
import type { MapResult } from '../kit/descriptor';

export function phoneNumbersPath(params: AdapterCallParams): string {
  if (!('fin' in params.subject)) throw new TypeError('getPhoneNumbers takes a FIN');
  return `/v1/persons/${encodeURIComponent(params.subject.fin)}/phone-numbers`;
}

function obj(v: unknown, what: string): Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new Error(`phone answer: ${what} is not an object`);
  return v as Record<string, unknown>;
}

export function mapPhoneNumbers(body: unknown): MapResult<PhoneNumbers> {
  const b = obj(body, 'body');
  if (!Array.isArray(b.numbers)) throw new Error('phone answer: numbers is not an array');
  const numbers = b.numbers.map((n, i) => {
    const x = obj(n, `numbers[${i}]`);
    return { msisdn: x.msisdn, operator: x.operator, registeredOn: x.registeredOn, status: x.status } as PhoneNumber;
  });
  return { outcome: 'ok', data: { fin: b.fin as string, numbers } };
}
