/**
 * The synthetic registers: deterministic, FIN rules as documented in mocks/README.md, the demo
 * roster present, Azerbaijani naming rules kept, every record valid against the model schemas.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIN_PATTERN } from '../../../contracts/registries/identifiers';
import { registriesDir } from '../../../contracts/registries/paths';
import { DEMO_CASES, DEMO_JUDGES, DEMO_OPERATORS, DEMO_STAFF } from '../../../core/demo/roster';
import { findCompany, findPerson, findPhoneNumbers, MOBILE_PREFIXES } from '../../../mocks/population-data';
import { modelValidator } from '../../contract/support/schemas';

/** 400 distinct FINs spread over the alphabet, deterministic (drawn from SHA-256, not from the mock's PRNG). */
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const FINS = Array.from({ length: 400 }, (_, i) => {
  const h = createHash('sha256').update(String(i)).digest();
  return Array.from({ length: 7 }, (__, k) => ALPHABET[h[k] % 36]).join('');
});

function readmeExample(heading: string): unknown {
  const readme = readFileSync(join(registriesDir(), 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf(heading));
  const json = /```json\n([\s\S]*?)```/.exec(section)?.[1];
  return JSON.parse(json!);
}

describe('synthetic population register', () => {
  it('The same FIN asked twice, in any order. Result: the same person', () => {
    const first = FINS.map(findPerson);
    const again = [...FINS].reverse().map(findPerson).reverse();
    expect(again).toEqual(first);
  });

  it('Different FINs. Result: different people (not one template)', () => {
    expect(new Set(FINS).size).toBe(FINS.length);
    const people = FINS.map(findPerson).filter(Boolean);
    expect(new Set(people.map((p) => `${p!.surname} ${p!.givenName} ${p!.birthDate}`)).size).toBeGreaterThan(people.length * 0.95);
  });

  it('A FIN whose last character is 0. Result: not in the register', () => {
    expect(findPerson('7ZZ4QX0')).toBeUndefined();
    for (const fin of FINS.filter((f) => f.endsWith('0'))) expect(findPerson(fin)).toBeUndefined();
    for (const fin of FINS.filter((f) => !f.endsWith('0'))) expect(findPerson(fin)?.fin).toBe(fin);
  });

  it.each(['5ZK8F3', '5ZK8F3RX', '5zk8f3r', 'ABC-123', '', 'ƏZK8F3R'])('An invalid FIN %p. Result: nobody, and FIN_PATTERN rejects it', (fin) => {
    expect(FIN_PATTERN.test(fin)).toBe(false);
    expect(findPerson(fin)).toBeUndefined();
    expect(findPhoneNumbers(fin)).toBeUndefined();
  });

  it('The demo plaintiff 5ZK8F3R. Result: exactly the README example', () => {
    expect(findPerson('5ZK8F3R')).toEqual(readmeExample('### population.getPersonResponse'));
  });

  it('Every person of the demo roster (parties, judges, staff, operator). Result: in the register under the roster name', () => {
    const people = [
      ...DEMO_CASES.flatMap((c) => c.parties).filter((p) => p.fin).map((p) => ({ fin: p.fin!, name: p.name })),
      ...[...DEMO_JUDGES, ...DEMO_STAFF, ...DEMO_OPERATORS].map((p) => ({ fin: p.fin, name: `${p.surname} ${p.givenName} ${p.patronymic}` })),
    ];
    expect(people.length).toBeGreaterThanOrEqual(12);
    for (const { fin, name } of people) {
      const p = findPerson(fin);
      expect(p && `${p.surname} ${p.givenName} ${p.patronymic}`).toBe(name);
    }
  });

  it('Names follow Azerbaijani rules: oğlu for men, qızı for women; -ova/-eva surnames only for women', () => {
    for (const p of FINS.map(findPerson).filter(Boolean)) {
      expect(p!.patronymic).toMatch(p!.gender === 'M' ? / oğlu$/ : / qızı$/);
      if (p!.gender === 'M') expect(p!.surname).not.toMatch(/(ova|eva)$/);
      else expect(p!.surname).not.toMatch(/(ov|ev)$/);
    }
  });

  it('Every generated person validates against population/model.getPerson.schema.json', () => {
    const validate = modelValidator('population', 'getPerson');
    for (const p of FINS.map(findPerson).filter(Boolean)) expect(validate(p) || validate.errors).toBe(true);
  });

  it('Documents are judged against the reference date: validUntil before 2026-01-01 is expired, never valid', () => {
    for (const p of FINS.map(findPerson).filter(Boolean)) {
      const doc = p!.identityDocument;
      if (doc.validUntil <= '2026-01-01') expect(doc.status).toBe('expired');
      else expect(doc.status).not.toBe('expired');
    }
  });
});

describe('synthetic telecom register', () => {
  it('The demo plaintiff 5ZK8F3R. Result: exactly the README example', () => {
    expect(findPhoneNumbers('5ZK8F3R')).toEqual(readmeExample('### phone answer'));
  });

  it('FINs ending in 0 or 9. Result: no record; all others have 1 to 3 numbers', () => {
    expect(findPhoneNumbers('7ZZ4QX9')).toBeUndefined();
    for (const fin of FINS) {
      const numbers = findPhoneNumbers(fin);
      if (/[09]$/.test(fin)) expect(numbers).toBeUndefined();
      else expect(numbers?.numbers.length).toBeGreaterThanOrEqual(1);
    }
  });

  it('Every number is +994 with a real mobile prefix of its operator, and validates against phone/model.getPhoneNumbers.schema.json', () => {
    const validate = modelValidator('phone', 'getPhoneNumbers');
    for (const fin of FINS) {
      const record = findPhoneNumbers(fin);
      if (!record) continue;
      expect(validate(record) || validate.errors).toBe(true);
      for (const n of record.numbers) expect(MOBILE_PREFIXES[n.msisdn.slice(4, 6)]).toBe(n.operator);
    }
    expect(findPhoneNumbers('ABCDEF1')).toEqual(findPhoneNumbers('ABCDEF1'));
  });
});

describe('synthetic companies by VÖEN', () => {
  it('The demo defendant 1401234561. Result: "Xəzər Tikinti" MMC', () => {
    expect(findCompany('1401234561')).toMatchObject({ voen: '1401234561', name: '"Xəzər Tikinti" MMC', kind: 'legal-entity', legalForm: 'MMC' });
  });

  it('Other VÖENs: ending in 1 a legal entity named "<Word> <Trade>" <form>, in 2 an entrepreneur, else none', () => {
    expect(findCompany('1234567891')?.name).toMatch(/^"\S+ \S+" (MMC|ASC|QSC)$/);
    expect(findCompany('1234567892')?.kind).toBe('individual-entrepreneur');
    expect(findCompany('1234567893')).toBeUndefined();
    expect(findCompany('123456789')).toBeUndefined();
    expect(findCompany('1234567891')).toEqual(findCompany('1234567891'));
  });
});
