#!/usr/bin/env node
/**
 * `npm run new:registry -- <id> --protocol soap|rest --operation <name> [--root <dir>]`
 *
 * Writes the skeleton of a registry module (docs/adding-a-registry.md) for the catalog entry
 * `<id>.<operation>` of registry/categories.ts: upstream contract (WSDL + XSD importing the shared
 * contracts/xroad, or OpenAPI 3.1 of the EHİS REST profile v2), the canonical model schema, golden
 * samples (ok per subject kind, not-found, faults), a conformance fixture, the adapter descriptor and
 * its pure mapper, the mock agency, a mapper test, and the module's line in
 * contracts/registries/modules.ts. The skeleton works as written: it typechecks and the contract,
 * golden and conformance suites pick it up. Its data are placeholders (a list of `records` with a
 * reference and a date): replace them with what the register really holds, from mocks/world.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

function fail(message) {
  process.stderr.write(`new:registry: ${message}\n`);
  process.exit(2);
}

function parseArgs(argv) {
  const out = { root: resolve(dirname(fileURLToPath(import.meta.url)), '..') };
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--protocol' || a === '--operation' || a === '--root') {
      if (argv[i + 1] === undefined) fail(`${a} needs a value`);
      out[a.slice(2)] = argv[++i];
    } else if (a.startsWith('--')) fail(`unknown option ${a}`);
    else rest.push(a);
  }
  if (rest.length !== 1) fail('usage: npm run new:registry -- <id> --protocol soap|rest --operation <name>');
  out.id = rest[0];
  out.root = resolve(out.root);
  return out;
}

const args = parseArgs(process.argv.slice(2));
const { id, protocol, operation, root } = args;
if (!/^[a-z][a-z0-9-]*$/.test(id)) fail(`"${id}" is not a module id (lower case letters, digits, "-")`);
if (protocol !== 'soap' && protocol !== 'rest') fail('--protocol must be soap or rest');
if (!/^[a-z][A-Za-z0-9]*$/.test(operation ?? '')) fail('--operation must be a camelCase operation name, e.g. getCriminalRecords');

const p = (...parts) => join(root, ...parts);
const read = (...parts) => readFileSync(p(...parts), 'utf8');

// The catalog entry this module serves, and its provider's X-Road member code.
const entryLine = read('registry', 'categories.ts').split('\n')
  .find((l) => l.includes(`provider: '${id}'`) && l.includes(`operation: '${operation}'`));
if (!entryLine) fail(`registry/categories.ts has no entry with provider '${id}' and operation '${operation}'`);
const section = /section: '([^']+)'/.exec(entryLine)[1];
const catalogProtocol = /protocol: '([^']+)'/.exec(entryLine)[1];
if (catalogProtocol !== protocol) fail(`the catalog names ${catalogProtocol} for ${section}, not ${protocol}`);
const kinds = /subjects: \[([^\]]*)\]/.exec(entryLine)[1].split(',').map((s) => s.trim().replace(/'/g, '')).filter(Boolean);
const providerLine = read('registry', 'providers.ts').split('\n').find((l) => l.includes(`provider('${id}',`));
if (!providerLine) fail(`registry/providers.ts has no provider '${id}'`);
const memberCode = /provider\('[^']+', '([^']+)'/.exec(providerLine)[1];

const modulesFile = p('contracts', 'registries', 'modules.ts');
const modulesText = readFileSync(modulesFile, 'utf8');
const listMatch = /REGISTRY_MODULES = \[([^\]]*)\] as const;/.exec(modulesText);
if (!listMatch) fail('contracts/registries/modules.ts: REGISTRY_MODULES not found');
const listed = listMatch[1].split(',').map((s) => s.trim().replace(/'/g, '')).filter(Boolean);
if (listed.includes(id)) fail(`${id} is already a registry module`);
for (const dir of [p('contracts', 'registries', id, 'samples'), p('adapters', id), p('mocks', 'agencies', id)]) {
  if (existsSync(dir)) fail(`${dir} exists already`);
}

// ---------------------------------------------------------------------------------------------
// Names and placeholder data

const Camel = id.replace(/(^|-)([a-z0-9])/g, (_, __, c) => c.toUpperCase());
const Op = operation[0].toUpperCase() + operation.slice(1);
const kebabOp = operation.replace(/^get/, '').replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase() || 'records';
const ns = `http://${id}.gov.az/xroad/v1`;
const problemBase = `https://${id}.gov.az/problems/`;
const SUBJECTS = {
  fin: { found: '5ZK8F3R', other: '1AB2C3D', notFound: '1234560' },
  voen: { found: '1401234561', other: '1509876542', notFound: '1401234560' },
};
const referenceOf = (value) => `${id.toUpperCase().replace(/-/g, '')}-${value}`;
const recordOf = (kind, value) => ({ subject: { [kind]: value }, records: [{ reference: referenceOf(value), registeredOn: '2024-01-15' }] });
const X_ROAD_IDS = ['11111111-2222-4333-8444-555555555501', '11111111-2222-4333-8444-555555555502', '11111111-2222-4333-8444-555555555503', '11111111-2222-4333-8444-555555555504', '11111111-2222-4333-8444-555555555505'];

const files = new Map();
const put = (rel, text) => files.set(rel, text);
const json = (v) => `${JSON.stringify(v, null, 2)}\n`;
const kindPaths = { fin: 'persons', voen: 'organisations' };

// ---------------------------------------------------------------------------------------------
// Contract

const base = `contracts/registries/${id}`;
put(`${base}/model.${operation}.schema.json`, json({
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: `https://court-hub.local/contracts/registries/${id}/model.${operation}.schema.json`,
  title: `Statute ${section}: the canonical model of ${operation} (skeleton: replace the records with what the register holds)`,
  type: 'object',
  additionalProperties: false,
  required: ['subject', 'records'],
  properties: {
    subject: {
      oneOf: [
        { type: 'object', additionalProperties: false, required: ['fin'], properties: { fin: { type: 'string', pattern: '^[0-9A-Z]{7}$' } } },
        { type: 'object', additionalProperties: false, required: ['voen'], properties: { voen: { type: 'string', pattern: '^[0-9]{10}$' } } },
      ],
    },
    records: {
      type: 'array',
      items: {
        type: 'object', additionalProperties: false, required: ['reference', 'registeredOn'],
        properties: { reference: { type: 'string', minLength: 1, maxLength: 100 }, registeredOn: { type: 'string', format: 'date' } },
      },
    },
  },
}));

const other = Object.fromEntries([[operation, { other: { [kinds[0]]: SUBJECTS[kinds[0]].other } }]]);
put(`${base}/conformance.json`, json({ subjects: other, skip: [] }));

if (protocol === 'soap') {
  put(`${base}/upstream/${id}.xsd`, `<?xml version="1.0" encoding="UTF-8"?>
<!--
  Statute ${section}: payload of the ${operation} operation of ${id}.wsdl (EHİS profile,
  contracts/registries/README.md). Skeleton: replace the records with what the register holds.
-->
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:m="${ns}"
    targetNamespace="${ns}"
    elementFormDefault="qualified">

  <xs:simpleType name="RequestedId"><xs:restriction base="xs:string"><xs:maxLength value="64"/></xs:restriction></xs:simpleType>
  <xs:complexType name="RequestedSubject">
    <xs:choice>
${kinds.map((k) => `      <xs:element name="${k}" type="m:RequestedId"/>`).join('\n')}
    </xs:choice>
  </xs:complexType>
  <xs:complexType name="Subject">
    <xs:choice>
      <xs:element name="fin"><xs:simpleType><xs:restriction base="xs:string"><xs:pattern value="[0-9A-Z]{7}"/></xs:restriction></xs:simpleType></xs:element>
      <xs:element name="voen"><xs:simpleType><xs:restriction base="xs:string"><xs:pattern value="[0-9]{10}"/></xs:restriction></xs:simpleType></xs:element>
    </xs:choice>
  </xs:complexType>
  <xs:complexType name="Record">
    <xs:sequence>
      <xs:element name="reference"><xs:simpleType><xs:restriction base="xs:string"><xs:minLength value="1"/><xs:maxLength value="100"/></xs:restriction></xs:simpleType></xs:element>
      <xs:element name="registeredOn" type="xs:date"/>
    </xs:sequence>
  </xs:complexType>

  <xs:element name="${operation}"><xs:complexType><xs:complexContent><xs:extension base="m:RequestedSubject"/></xs:complexContent></xs:complexType></xs:element>
  <xs:element name="${operation}Response">
    <xs:complexType><xs:sequence>
      <xs:element name="record">
        <xs:complexType><xs:sequence>
          <xs:element name="subject" type="m:Subject"/>
          <xs:element name="records" type="m:Record" minOccurs="0" maxOccurs="unbounded"/>
        </xs:sequence></xs:complexType>
      </xs:element>
    </xs:sequence></xs:complexType>
  </xs:element>

  <!-- Detail of the Server.NotFound fault: the subject the register does not hold (profile v2). -->
  <xs:element name="notFound"><xs:complexType><xs:complexContent><xs:extension base="m:RequestedSubject"/></xs:complexContent></xs:complexType></xs:element>
</xs:schema>
`);
  const headerParts = ['client', 'service', 'id', 'userId', 'issue', 'protocolVersion'].map((n) => `        <soap:header message="tns:requestheader" part="${n}" use="literal"/>`).join('\n');
  put(`${base}/upstream/${id}.wsdl`, `<?xml version="1.0" encoding="UTF-8"?>
<!--
  Statute ${section}: the ${id} register as an X-Road SOAP 4.0 service: SOAP 1.1, document/literal.
  The X-Road headers are declared as header parts; the hub signs them and the Body with WS-Security
  (contracts/registries/README.md).
-->
<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/"
    xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:xrd="http://x-road.eu/xsd/xroad.xsd"
    xmlns:id="http://x-road.eu/xsd/identifiers"
    xmlns:tns="${ns}"
    name="${id}"
    targetNamespace="${ns}">

  <wsdl:types>
    <xs:schema targetNamespace="${ns}/types" elementFormDefault="qualified">
      <xs:import namespace="http://x-road.eu/xsd/xroad.xsd" schemaLocation="../../../xroad/xroad.xsd"/>
      <xs:import namespace="${ns}" schemaLocation="${id}.xsd"/>
    </xs:schema>
  </wsdl:types>

  <wsdl:message name="requestheader">
    <wsdl:part name="client" element="xrd:client"/>
    <wsdl:part name="service" element="xrd:service"/>
    <wsdl:part name="id" element="xrd:id"/>
    <wsdl:part name="userId" element="xrd:userId"/>
    <wsdl:part name="issue" element="xrd:issue"/>
    <wsdl:part name="protocolVersion" element="xrd:protocolVersion"/>
  </wsdl:message>
  <!-- Answers also carry xrd:requestHash (X-Road 4.0 §2.4.3), signed. -->
  <wsdl:message name="responseheader">
    <wsdl:part name="requestHash" element="xrd:requestHash"/>
  </wsdl:message>
  <wsdl:message name="notFound">
    <wsdl:part name="detail" element="tns:notFound"/>
  </wsdl:message>
  <wsdl:message name="${operation}">
    <wsdl:part name="body" element="tns:${operation}"/>
  </wsdl:message>
  <wsdl:message name="${operation}Response">
    <wsdl:part name="body" element="tns:${operation}Response"/>
  </wsdl:message>

  <wsdl:portType name="${id}PortType">
    <wsdl:operation name="${operation}">
      <wsdl:documentation>Statute ${section}, by ${kinds.join(' or ')}.
        Faults: Server.NotFound (nothing on file: a result; its detail names the subject), Client.InvalidRequest,
        Client.InvalidSignature, Server.Unavailable, Server.InternalError.</wsdl:documentation>
      <wsdl:input message="tns:${operation}"/>
      <wsdl:output message="tns:${operation}Response"/>
      <wsdl:fault name="notFound" message="tns:notFound"/>
    </wsdl:operation>
  </wsdl:portType>

  <wsdl:binding name="${id}Binding" type="tns:${id}PortType">
    <soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>
    <wsdl:operation name="${operation}">
      <soap:operation soapAction="${ns}/${operation}" style="document"/>
      <wsdl:input>
        <soap:body use="literal" parts="body"/>
${headerParts}
      </wsdl:input>
      <wsdl:output>
        <soap:body use="literal" parts="body"/>
${headerParts}
        <soap:header message="tns:responseheader" part="requestHash" use="literal"/>
      </wsdl:output>
      <wsdl:fault name="notFound">
        <soap:fault name="notFound" use="literal"/>
      </wsdl:fault>
    </wsdl:operation>
  </wsdl:binding>

  <wsdl:service name="${id}Service">
    <wsdl:port name="${id}Port" binding="tns:${id}Binding">
      <soap:address location="http://localhost:8181/${id}"/>
    </wsdl:port>
  </wsdl:service>
</wsdl:definitions>
`);

  // Samples: the exact answers of the kit (kit/soap-agency.ts, kit/xroad-soap.ts) to these requests.
  const NS_ENV = 'xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xrd="http://x-road.eu/xsd/xroad.xsd" xmlns:id="http://x-road.eu/xsd/identifiers" xmlns:wsu="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd"';
  const headers = (xid) => `<xrd:client id:objectType="SUBSYSTEM" wsu:Id="xrd-client"><id:xRoadInstance>AZ</id:xRoadInstance><id:memberClass>GOV</id:memberClass><id:memberCode>1400000001</id:memberCode><id:subsystemCode>court-hub</id:subsystemCode></xrd:client>`
    + `<xrd:service id:objectType="SERVICE" wsu:Id="xrd-service"><id:xRoadInstance>AZ</id:xRoadInstance><id:memberClass>GOV</id:memberClass><id:memberCode>${memberCode}</id:memberCode><id:subsystemCode>${id}</id:subsystemCode><id:serviceCode>${operation}</id:serviceCode><id:serviceVersion>v1</id:serviceVersion></xrd:service>`
    + `<xrd:id wsu:Id="xrd-id">${xid}</xrd:id><xrd:userId wsu:Id="xrd-userId">AZ-FIN-2JD4K7M</xrd:userId><xrd:issue wsu:Id="xrd-issue">2(101)-1234/2026</xrd:issue><xrd:protocolVersion wsu:Id="xrd-protocolVersion">4.0</xrd:protocolVersion>`;
  const request = (xid, kind, value) => `<SOAP-ENV:Envelope ${NS_ENV}><SOAP-ENV:Header>${headers(xid)}</SOAP-ENV:Header><SOAP-ENV:Body wsu:Id="body"><m:${operation} xmlns:m="${ns}"><m:${kind}>${value}</m:${kind}></m:${operation}></SOAP-ENV:Body></SOAP-ENV:Envelope>\n`;
  const answer = (xid, req, body) => `<SOAP-ENV:Envelope ${NS_ENV}><SOAP-ENV:Header>${headers(xid)}<xrd:requestHash wsu:Id="xrd-requestHash" algorithmId="http://www.w3.org/2001/04/xmlenc#sha256">${createHash('sha256').update(req).digest('base64')}</xrd:requestHash></SOAP-ENV:Header><SOAP-ENV:Body wsu:Id="body">${body}</SOAP-ENV:Body></SOAP-ENV:Envelope>\n`;
  const fault = (code, text, detail = '') => `<SOAP-ENV:Fault><faultcode>SOAP-ENV:${code}</faultcode><faultstring>${text}</faultstring>${detail && `<detail>${detail}</detail>`}</SOAP-ENV:Fault>`;
  const soapSample = (scenario, kind, value, description, outcome, xid) => {
    const req = request(xid, kind, value);
    let body;
    let meta = {};
    if (outcome === 'ok') {
      const r = recordOf(kind, value);
      body = `<m:${operation}Response xmlns:m="${ns}"><m:record><m:subject><m:${kind}>${value}</m:${kind}></m:subject>${r.records.map((x) => `<m:records><m:reference>${x.reference}</m:reference><m:registeredOn>${x.registeredOn}</m:registeredOn></m:records>`).join('')}</m:record></m:${operation}Response>`;
      meta = { expected: r };
    } else if (outcome === 'not-found') {
      const text = `No record about the requested subject in the ${id} register`;
      body = fault('Server.NotFound', text, `<m:notFound xmlns:m="${ns}"><m:${kind}>${value}</m:${kind}></m:notFound>`);
      meta = { fault: { code: 'Server.NotFound', string: text }, expected: null };
    } else {
      const text = `Internal error of the ${id} register`;
      body = fault('Server.InternalError', text);
      meta = { fault: { code: 'Server.InternalError', string: text }, expected: null, mockFaults: { errorRate: 1 } };
    }
    const dir = `${base}/samples/${operation}__${scenario}`;
    put(`${dir}/request.xml`, req);
    put(`${dir}/response.xml`, answer(xid, req, body));
    put(`${dir}/meta.json`, json({
      provider: id, operation, scenario, description, subject: { [kind]: value },
      request: { method: 'POST', path: `/${id}`, headers: { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: `"${ns}/${operation}"` } },
      response: { status: outcome === 'ok' ? 200 : 500, headers: { 'Content-Type': 'text/xml; charset=utf-8' } },
      outcome: outcome === 'server-error' ? 'error' : outcome, ...meta,
    }));
  };
  kinds.forEach((k, i) => soapSample(i === 0 ? 'ok' : `ok-${k}`, k, SUBJECTS[k].found, `Hub asks the ${id} register by ${k.toUpperCase()} ${SUBJECTS[k].found}. Result: its records.`, 'ok', X_ROAD_IDS[i]));
  soapSample('not-found', kinds[0], SUBJECTS[kinds[0]].notFound, `Hub asks the ${id} register about a subject it does not hold. Result: Server.NotFound naming the subject.`, 'not-found', X_ROAD_IDS[3]);
  soapSample('server-error', kinds[0], SUBJECTS[kinds[0]].found, `Hub asks the ${id} register while it fails internally. Result: Server.InternalError fault.`, 'server-error', X_ROAD_IDS[4]);
} else {
  const pathOf = (k) => `/v1/${kindPaths[k]}/{${k}}/${kebabOp}`;
  const param = (k) => ({ name: k, in: 'path', required: true, description: `${k === 'fin' ? 'FİN: 7 characters of [0-9A-Z]' : 'VÖEN: 10 digits'}. A value that does not match is answered 400 bad-request, so the transport type is a plain string.`, schema: { type: 'string', minLength: 1, maxLength: 64 } });
  const headerRef = (n) => ({ $ref: `#/components/headers/${n}` });
  const problemResponse = (description) => ({ description, headers: { 'X-Road-Id': headerRef('XRoadId'), 'X-Road-Signature': headerRef('XRoadSignature') }, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } });
  const paths = Object.fromEntries(kinds.map((k) => [pathOf(k), { get: {
    operationId: operation,
    summary: `Statute ${section} by ${k.toUpperCase()}`,
    parameters: [{ $ref: `#/components/parameters/${k === 'fin' ? 'Fin' : 'Voen'}` }, ...['XRoadClient', 'XRoadId', 'XRoadUserId', 'XRoadIssue', 'XRoadSignatureRequest'].map((n) => ({ $ref: `#/components/parameters/${n}` }))],
    responses: {
      200: { description: 'The records about the subject.', headers: { 'X-Road-Id': headerRef('XRoadId'), 'X-Road-Signature': headerRef('XRoadSignature'), 'X-Road-Request-Hash': headerRef('XRoadRequestHash') }, content: { 'application/json': { schema: { $ref: `#/components/schemas/${Op}Result` } } } },
      400: { $ref: '#/components/responses/BadRequest' }, 401: { $ref: '#/components/responses/InvalidSignature' }, 404: { $ref: '#/components/responses/NotFound' },
      500: { $ref: '#/components/responses/InternalError' }, 503: { $ref: '#/components/responses/Unavailable' },
    },
  } }]));
  const problemTypes = 'bad-request|invalid-signature|not-found|internal-error|unavailable';
  put(`${base}/upstream/${id}.openapi.json`, json({
    openapi: '3.1.0',
    info: { title: `The ${id} register: statute ${section}`, version: '2.0.0', description: 'An X-Road REST 1.0 style service behind EHİS, message profile v2 (contracts/registries/README.md, "REST"): requests and answers carry X-Road-Signature, a detached JWS binding the answer to its request, its subject (sub) and its time; errors are application/problem+json (RFC 7807); a not-found problem names the subject and the X-Road-Id.' },
    servers: [{ url: 'http://localhost:8181', description: 'mock agency (npm run mocks)' }],
    paths,
    components: {
      parameters: {
        Fin: param('fin'), Voen: param('voen'),
        XRoadClient: { name: 'X-Road-Client', in: 'header', required: true, description: 'The X-Road client subsystem: instance/memberClass/memberCode/subsystemCode.', schema: { type: 'string', pattern: '^[^/]+/[^/]+/[^/]+(/[^/]+)?$' } },
        XRoadId: { name: 'X-Road-Id', in: 'header', required: false, description: 'Unique per message; echoed in the answer.', schema: { type: 'string', minLength: 1, maxLength: 200 } },
        XRoadUserId: { name: 'X-Road-UserId', in: 'header', required: false, description: 'The requesting judge or clerk.', schema: { type: 'string', maxLength: 200 } },
        XRoadIssue: { name: 'X-Road-Issue', in: 'header', required: false, description: 'The case number that justifies the query.', schema: { type: 'string', maxLength: 200 } },
        XRoadSignatureRequest: { name: 'X-Road-Signature', in: 'header', required: true, description: 'Detached JWS over the (empty) request body whose protected header signs htm, htu, the X-Road headers and iat (profile v2).', schema: { type: 'string', pattern: '^[A-Za-z0-9_-]+\\.\\.[A-Za-z0-9_-]+$' } },
      },
      headers: {
        XRoadId: { description: "Echo of the request's X-Road-Id (informational: the signed x-road-id counts).", schema: { type: 'string' } },
        XRoadRequestHash: { description: 'Informational copy of the signed x-road-request-hash.', schema: { type: 'string' } },
        XRoadSignature: { description: 'Detached JWS over the exact body bytes; on a 200 and on the 404 not-found its protected header carries x-road-id, x-road-request-hash, sub and iat.', schema: { type: 'string', pattern: '^[A-Za-z0-9_-]+\\.\\.[A-Za-z0-9_-]+$' } },
      },
      responses: {
        BadRequest: problemResponse('Malformed identifier or missing X-Road-Client.'),
        InvalidSignature: problemResponse("The request's X-Road-Signature did not verify."),
        NotFound: { description: 'Nothing on file about the subject: a result, not an error. Names the subject and the X-Road-Id answered.', headers: { 'X-Road-Id': headerRef('XRoadId'), 'X-Road-Signature': headerRef('XRoadSignature'), 'X-Road-Request-Hash': headerRef('XRoadRequestHash') }, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/NotFoundProblem' } } } },
        InternalError: problemResponse('The register failed.'),
        Unavailable: problemResponse('The register is temporarily unavailable.'),
      },
      schemas: {
        [`${Op}Result`]: JSON.parse(files.get(`${base}/model.${operation}.schema.json`), (k, v) => (k === '$schema' || k === '$id' || k === 'title' ? undefined : v)),
        Problem: { type: 'object', required: ['type', 'title', 'status'], properties: { type: { type: 'string', format: 'uri', pattern: `^${problemBase.replace(/\./g, '\\.')}(${problemTypes})$` }, title: { type: 'string' }, status: { type: 'integer', minimum: 400, maximum: 599 }, detail: { type: 'string' } } },
        NotFoundProblem: { allOf: [{ $ref: '#/components/schemas/Problem' }], required: ['type', 'title', 'status', 'subject', 'xRoadId'], properties: { type: { const: `${problemBase}not-found` }, status: { const: 404 }, subject: { type: 'object', additionalProperties: false, minProperties: 1, maxProperties: 1, properties: { fin: { type: 'string', maxLength: 64 }, voen: { type: 'string', maxLength: 64 } } }, xRoadId: { type: 'string', minLength: 1, maxLength: 200 } } },
      },
    },
  }));
  const restSample = (scenario, kind, value, description, outcome, xid) => {
    const path = pathOf(kind).replace(`{${kind}}`, value);
    const headers = { 'X-Road-Client': 'AZ/GOV/1400000001/court-hub', 'X-Road-Id': xid, 'X-Road-UserId': 'AZ-FIN-2JD4K7M', 'X-Road-Issue': '2(101)-1234/2026' };
    let status;
    let body;
    let meta;
    if (outcome === 'ok') {
      status = 200;
      body = recordOf(kind, value);
      meta = { outcome: 'ok', expected: body };
    } else if (outcome === 'not-found') {
      status = 404;
      body = { type: `${problemBase}not-found`, title: 'Not Found', status, detail: 'No record about the requested subject', subject: { [kind]: value }, xRoadId: xid };
      meta = { outcome: 'not-found', problem: { type: body.type, status }, expected: null };
    } else {
      status = 500;
      body = { type: `${problemBase}internal-error`, title: 'Internal Server Error', status, detail: `Internal error of the ${id} register` };
      meta = { outcome: 'error', problem: { type: body.type, status }, expected: null, mockFaults: { errorRate: 1 } };
    }
    const dir = `${base}/samples/${operation}__${scenario}`;
    put(`${dir}/request.json`, json({ method: 'GET', path, headers }));
    put(`${dir}/response.json`, json(body));
    put(`${dir}/meta.json`, json({
      provider: id, operation, scenario, description, subject: { [kind]: value },
      response: { status, headers: { 'Content-Type': status === 200 ? 'application/json' : 'application/problem+json', 'X-Road-Id': xid } }, ...meta,
    }));
  };
  kinds.forEach((k, i) => restSample(i === 0 ? 'ok' : `ok-${k}`, k, SUBJECTS[k].found, `Hub asks the ${id} register by ${k.toUpperCase()} ${SUBJECTS[k].found}. Result: its records.`, 'ok', X_ROAD_IDS[i]));
  restSample('not-found', kinds[0], SUBJECTS[kinds[0]].notFound, `Hub asks the ${id} register about a subject it does not hold. Result: 404 not-found naming the subject and the X-Road-Id.`, 'not-found', X_ROAD_IDS[3]);
  restSample('server-error', kinds[0], SUBJECTS[kinds[0]].found, `Hub asks the ${id} register while it fails internally. Result: 500 internal-error.`, 'server-error', X_ROAD_IDS[4]);
}

// ---------------------------------------------------------------------------------------------
// Adapter, mapper, mock agency, mapper test

const subjectsTs = `[${kinds.map((k) => `'${k}'`).join(', ')}]`;
put(`adapters/${id}/${id}.mapper.ts`, protocol === 'soap' ? `/**
 * Pure mapper of the ${id} register's ${operation}Response (contracts/registries/${id}/upstream/${id}.xsd,
 * statute ${section}) to the canonical model (model.${operation}.schema.json). Input: the verified
 * payload element only. An element missing or repeated is a shape we do not know: it throws.
 */
import type { AdapterCallParams } from '../../contracts/hub';
import { childElements, onlyChild, textContent, type XmlElement } from '../../signing/xml/light-dom';
import type { MapResult } from '../kit/descriptor';
import { xmlText } from '../kit/xml-text';

export const ${Camel.toUpperCase().replace(/-/g, '_')}_NS = '${ns}';
const NS = ${Camel.toUpperCase().replace(/-/g, '_')}_NS;

export interface ${Op}Result {
  subject: { fin: string } | { voen: string };
  records: { reference: string; registeredOn: string }[];
}

/** ${operation} request payload: the operation element with the subject's identifier. */
export function build${Op}(params: AdapterCallParams): string {
  const [kind, value] = 'fin' in params.subject ? ['fin', params.subject.fin] : ['voen', params.subject.voen];
  return \`<m:${operation} xmlns:m="\${NS}"><m:\${kind}>\${xmlText(value)}</m:\${kind}></m:${operation}>\`;
}

function child(el: XmlElement, local: string): XmlElement {
  const c = onlyChild(el, NS, local);
  if (!c) throw new Error(\`${id} answer: expected exactly one \${local} in \${el.local}\`);
  return c;
}

const text = (el: XmlElement, local: string): string => textContent(child(el, local)).trim();

export function map${Op}Response(payload: XmlElement): MapResult<${Op}Result> {
  const r = child(payload, 'record');
  const s = child(r, 'subject');
  const kinds = childElements(s);
  if (kinds.length !== 1 || kinds[0].ns !== NS || (kinds[0].local !== 'fin' && kinds[0].local !== 'voen')) throw new Error('${id} answer: subject must be one of fin, voen');
  const subject = kinds[0].local === 'fin' ? { fin: text(s, 'fin') } : { voen: text(s, 'voen') };
  const records = childElements(r, NS, 'records').map((x) => ({ reference: text(x, 'reference'), registeredOn: text(x, 'registeredOn') }));
  return { outcome: 'ok', data: { subject, records } };
}
` : `/**
 * Pure mapper of the ${id} register's answer (contracts/registries/${id}/upstream/${id}.openapi.json,
 * statute ${section}) to the canonical model (model.${operation}.schema.json). Copies the known fields
 * only; formats are checked by the model schema.
 */
import type { AdapterCallParams } from '../../contracts/hub';
import type { MapResult } from '../kit/descriptor';

export interface ${Op}Result {
  subject: { fin: string } | { voen: string };
  records: { reference: string; registeredOn: string }[];
}

export function ${operation}Path(params: AdapterCallParams): string {
  return 'fin' in params.subject
    ? \`/v1/persons/\${encodeURIComponent(params.subject.fin)}/${kebabOp}\`
    : \`/v1/organisations/\${encodeURIComponent(params.subject.voen)}/${kebabOp}\`;
}

function obj(v: unknown, what: string): Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new Error(\`${id} answer: \${what} is not an object\`);
  return v as Record<string, unknown>;
}

export function map${Op}(body: unknown): MapResult<${Op}Result> {
  const b = obj(body, 'body');
  const s = obj(b.subject, 'subject');
  if (!Array.isArray(b.records)) throw new Error('${id} answer: records is not an array');
  const subject = 'fin' in s ? { fin: s.fin as string } : { voen: s.voen as string };
  const records = b.records.map((r, i) => {
    const x = obj(r, \`records[\${i}]\`);
    return { reference: x.reference as string, registeredOn: x.registeredOn as string };
  });
  return { outcome: 'ok', data: { subject, records } };
}
`);

put(`adapters/${id}/${id}.adapter.ts`, protocol === 'soap' ? `/**
 * The ${id} register over EHİS SOAP (contracts/registries/${id}/upstream/${id}.wsdl): ${operation}
 * (statute ${section}).
 */
import { modelSchemaPath, upstreamPath } from '../../contracts/registries/paths';
import type { SoapAdapterDescriptor } from '../kit/descriptor';
import { soapFaults } from '../kit/fault-tables';
import { build${Op}, map${Op}Response, ${Camel.toUpperCase().replace(/-/g, '_')}_NS } from './${id}.mapper';

export const adapter: SoapAdapterDescriptor = {
  provider: '${id}',
  protocol: 'soap',
  wsdl: upstreamPath('${id}', '${id}.wsdl'),
  operations: [
    {
      name: '${operation}',
      serviceCode: '${operation}',
      serviceVersion: 'v1',
      namespace: ${Camel.toUpperCase().replace(/-/g, '_')}_NS,
      soapAction: \`\${${Camel.toUpperCase().replace(/-/g, '_')}_NS}/${operation}\`,
      responseElement: '${operation}Response',
      subjects: ${subjectsTs},
      idempotent: true,
      personalData: ['fin', 'records'],
      modelSchema: modelSchemaPath('${id}', '${operation}'),
      buildRequest: build${Op},
      answerSubject: {
        data: { ${kinds.map((k) => `${k}: ['record', 'subject', '${k}']`).join(', ')} },
        notFound: { ${kinds.map((k) => `${k}: ['notFound', '${k}']`).join(', ')} },
      },
      mapResponse: map${Op}Response,
    },
  ],
  faults: soapFaults(),
};
` : `/**
 * The ${id} register over EHİS REST (contracts/registries/${id}/upstream/${id}.openapi.json):
 * ${operation} (statute ${section}).
 */
import { modelSchemaPath } from '../../contracts/registries/paths';
import type { RestAdapterDescriptor } from '../kit/descriptor';
import { restFaults } from '../kit/fault-tables';
import { map${Op}, ${operation}Path } from './${id}.mapper';

export const adapter: RestAdapterDescriptor = {
  provider: '${id}',
  protocol: 'rest',
  operations: [
    {
      name: '${operation}',
      method: 'GET',
      subjects: ${subjectsTs},
      idempotent: true,
      personalData: ['fin', 'records'],
      modelSchema: modelSchemaPath('${id}', '${operation}'),
      path: ${operation}Path,
      answerSubject: {
        data: { ${kinds.map((k) => `${k}: '/subject/${k}'`).join(', ')} },
        notFound: { ${kinds.map((k) => `${k}: '/subject/${k}'`).join(', ')} },
      },
      mapResponse: map${Op},
    },
  ],
  faults: restFaults('${problemBase}'),
};
`);

const answerFn = `(s) => {
        const value = 'fin' in s ? s.fin : s.voen;
        // Placeholder data: replace with the register's record from mocks/world.
        if (value.endsWith('0')) return ${protocol === 'soap' ? '{ notFound: true }' : 'undefined'};
        const record = { subject: s, records: [{ reference: \`${referenceOf('')}\${value}\`, registeredOn: '2024-01-15' }] };
        return ${protocol === 'soap' ? '{ payload: { record } }' : 'record'};
      }`;
put(`mocks/agencies/${id}/${id}.agency.ts`, protocol === 'soap' ? `/**
 * Mock ${id} register (statute ${section}), per contracts/registries/${id}/upstream/${id}.wsdl.
 */
import { soapAgency } from '../../kit/soap-agency';

export const agency = soapAgency({
  id: '${id}',
  namespace: '${ns}',
  operations: {
    ${operation}: {
      subjects: ${subjectsTs},
      answer: ${answerFn},
    },
  },
});
` : `/**
 * Mock ${id} register (statute ${section}), per contracts/registries/${id}/upstream/${id}.openapi.json.
 */
import { restAgency } from '../../kit/rest-agency';

export const agency = restAgency({
  id: '${id}',
  problemBase: '${problemBase}',
  routes: {
    ${operation}: {
      method: 'GET',
      path: [${kinds.map((k) => `'/v1/${kindPaths[k]}/{${k}}/${kebabOp}'`).join(', ')}],
      answer: ${answerFn},
    },
  },
});
`);

put(`test/unit/adapters/${id}.mapper.test.ts`, `/**
 * The ${id} register's pure mapper (statute ${section}): scenarios beyond the golden samples.
 */
import { adapter } from '../../../adapters/${id}/${id}.adapter';
import { sample } from '../../../contracts/registries/samples';
${protocol === 'soap' ? `import { childElements, onlyChild } from '../../../signing/xml/light-dom';
import { parseXml } from '../../../signing/xml/parse-xml';

const SOAP = 'http://schemas.xmlsoap.org/soap/envelope/';
const payloadOf = (xml: string) => childElements(onlyChild(parseXml(xml).root, SOAP, 'Body')!)[0];
const op = adapter.protocol === 'soap' ? adapter.operations[0] : undefined;

describe('${id} mapper', () => {
  test('An answer without its record element. Result: throws, never data', () => {
    const xml = sample('${id}', '${operation}__ok').response.replace(/<m:record>[\\s\\S]*<\\/m:record>/, '');
    expect(() => op!.mapResponse(payloadOf(xml))).toThrow(/record/);
  });
});
` : `
const op = adapter.protocol === 'rest' ? adapter.operations[0] : undefined;

describe('${id} mapper', () => {
  test('An answer whose records is not a list. Result: throws, never data', () => {
    const body = { ...JSON.parse(sample('${id}', '${operation}__ok').response), records: 'none' };
    expect(() => op!.mapResponse(body)).toThrow(/records/);
  });
});
`}`);

// ---------------------------------------------------------------------------------------------
// Write, then add the module to the one list.

for (const [rel, text] of files) {
  const file = p(rel);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}
const nextList = `REGISTRY_MODULES = [${[...listed, id].map((x) => `'${x}'`).join(', ')}] as const;`;
// Written to a new file and renamed over the old one: a hard-linked copy of the tree keeps its own.
writeFileSync(`${modulesFile}.tmp`, modulesText.replace(listMatch[0], nextList));
renameSync(`${modulesFile}.tmp`, modulesFile);
process.stdout.write(`${id}: ${files.size} files written for ${section} ${operation} (${protocol}); added to contracts/registries/modules.ts\n`
  + 'Next: replace the placeholder records with the register\'s data (docs/adding-a-registry.md).\n');
