/**
 * Golden sample exchanges: contracts/registries/<id>/samples/<operation>__<scenario>/.
 * The same files drive the contract tests and are what the mock agencies must answer, so tests and
 * mocks cannot drift apart (README.md of this folder).
 *
 * SOAP samples: request.xml + response.xml (unsigned; signing is added on the fly), meta.request
 * gives the HTTP method, path and headers. REST samples: request.json is the HTTP request
 * ({method, path, headers}); response.json is the body.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { conformancePath, samplesDir } from './paths';

export interface SampleHttpRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
}

export interface SampleMeta {
  provider: string;
  operation: string;
  scenario: string;
  /** The scenario in one sentence: "Hub asks … Result: …". */
  description: string;
  subject: { fin: string } | { voen: string };
  /** SOAP samples only (REST: request.json). */
  request?: SampleHttpRequest;
  response: { status: number; headers: Record<string, string> };
  /** What the adapter must make of the answer. */
  outcome: 'ok' | 'not-found' | 'error';
  /** SOAP fault carried by the answer: code without prefix, e.g. "Server.NotFound". */
  fault?: { code: string; string: string };
  /** REST problem carried by the answer. */
  problem?: { type: string; status: number };
  /** The canonical model (model.schema.json) the adapter must return; null unless outcome is ok. */
  expected: unknown;
  /** Fault configuration under which the mock agency gives this answer (e.g. { errorRate: 1 }). */
  mockFaults?: Record<string, number | string | boolean>;
}

export interface Sample {
  /** "<operation>__<scenario>", the folder name. */
  id: string;
  provider: string;
  dir: string;
  meta: SampleMeta;
  request: SampleHttpRequest & { body?: string };
  /** Exact response payload text (XML envelope or JSON). */
  response: string;
  requestFile: string;
  responseFile: string;
}

const cache = new Map<string, readonly Sample[]>();

/** Every golden sample of a provider, sorted by id. Read once per process. */
export function loadSamples(provider: string): readonly Sample[] {
  const hit = cache.get(provider);
  if (hit) return hit;
  const root = samplesDir(provider);
  const samples = readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((id) => readSample(provider, join(root, id), id));
  const frozen = Object.freeze(samples);
  cache.set(provider, frozen);
  return frozen;
}

/** One sample by id, e.g. sample('population', 'getPerson__ok'). */
export function sample(provider: string, id: string): Sample {
  const found = loadSamples(provider).find((s) => s.id === id);
  if (!found) throw new Error(`no golden sample ${provider}/${id}`);
  return found;
}

function readSample(provider: string, dir: string, id: string): Sample {
  const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as SampleMeta;
  const [operation, scenario] = id.split('__');
  if (meta.provider !== provider || meta.operation !== operation || meta.scenario !== scenario) {
    throw new Error(`sample ${provider}/${id}: meta.json names ${meta.provider}/${meta.operation}__${meta.scenario}`);
  }
  const xml = existsSync(join(dir, 'request.xml'));
  const requestFile = join(dir, xml ? 'request.xml' : 'request.json');
  const responseFile = join(dir, xml ? 'response.xml' : 'response.json');
  const requestText = readFileSync(requestFile, 'utf8');
  let request: Sample['request'];
  if (xml) {
    if (!meta.request) throw new Error(`sample ${provider}/${id}: SOAP sample without meta.request`);
    request = { ...meta.request, body: requestText };
  } else {
    request = JSON.parse(requestText) as SampleHttpRequest;
  }
  return { id, provider, dir, meta, request, response: readFileSync(responseFile, 'utf8'), requestFile, responseFile };
}

type SampleSubject = SampleMeta['subject'];

/** contracts/registries/<id>/conformance.json: the conformance fixture of a module. */
export interface ConformanceFixture {
  /** Per operation: subjects the conformance suite asks about (defaults from the samples). */
  subjects?: Record<string, { found?: SampleSubject; notFound?: SampleSubject; other?: SampleSubject }>;
  /** Scenarios the conformance suite skips for this module, each with the written reason why it cannot apply. */
  skip?: { scenario: string; operation?: string; reason: string }[];
}

export function loadConformance(id: string): ConformanceFixture {
  const file = conformancePath(id);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ConformanceFixture) : {};
}

/**
 * The subjects the conformance suite uses for an operation: `found` (the `ok` sample's), `notFound`
 * (the not-found sample's) and `other`, a subject on file other than `found` (another ok sample's of
 * the same kind, or the fixture's).
 */
export function conformanceSubjects(id: string, operation: string): { found: SampleSubject; notFound: SampleSubject; other: SampleSubject } {
  const mine = loadSamples(id).filter((s) => s.meta.operation === operation);
  const fixed = loadConformance(id).subjects?.[operation] ?? {};
  const found = fixed.found ?? mine.find((s) => s.meta.scenario === 'ok')?.meta.subject;
  const notFound = fixed.notFound ?? mine.find((s) => s.meta.outcome === 'not-found')?.meta.subject;
  const key = (s: SampleSubject) => JSON.stringify(s);
  const kind = found && Object.keys(found)[0];
  const other = fixed.other ?? mine.find((s) => s.meta.outcome === 'ok' && found && key(s.meta.subject) !== key(found) && kind! in s.meta.subject)?.meta.subject;
  if (!found || !notFound || !other) {
    throw new Error(`${id}.${operation}: the conformance suite needs an ok and a not-found sample and another subject on file (a second ok sample of the same subject kind, or "other" in conformance.json)`);
  }
  return { found, notFound, other };
}
