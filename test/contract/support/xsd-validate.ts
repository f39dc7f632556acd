/**
 * XSD validation with xmllint (Debian package libxml2-utils): no libxml binding is installed in
 * node_modules, and the validation must be by a real schema processor, not by our own reading.
 * All schemas are local; --nonet forbids any fetch.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function xmllintAvailable(): boolean {
  return spawnSync('xmllint', ['--version']).status === 0;
}

/** A schema that imports every given {namespace: schema file}, so one run validates any of them. */
export function bundleSchema(imports: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'xsd-bundle-'));
  const file = join(dir, 'bundle.xsd');
  const lines = Object.entries(imports).map(([ns, loc]) => `  <xs:import namespace="${ns}" schemaLocation="${loc}"/>`);
  writeFileSync(file, `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:court-hub:test-bundle">\n${lines.join('\n')}\n</xs:schema>\n`);
  return file;
}

export interface XsdVerdict {
  valid: boolean;
  /** xmllint's messages for this file. */
  messages: string[];
}

/** Validates files in one xmllint run; a verdict per file. */
export function validateFiles(schema: string, files: string[]): Map<string, XsdVerdict> {
  const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', schema, ...files], { encoding: 'utf8' });
  if (run.error) throw new Error(`xmllint not runnable (install Debian's libxml2-utils): ${run.error.message}`);
  const lines = `${run.stdout}\n${run.stderr}`.split('\n');
  const verdicts = new Map<string, XsdVerdict>();
  for (const f of files) {
    const mine = lines.filter((l) => l.startsWith(f));
    verdicts.set(f, { valid: mine.some((l) => l === `${f} validates`), messages: mine });
  }
  return verdicts;
}

/** Validates a document given as text. */
export function validateText(schema: string, xml: string): XsdVerdict {
  const dir = mkdtempSync(join(tmpdir(), 'xsd-doc-'));
  const file = join(dir, 'doc.xml');
  writeFileSync(file, xml);
  return validateFiles(schema, [file]).get(file)!;
}
