// Validating what a SOAP client received against the contract XSD, with xmllint (libxml2).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';

const run = promisify(execFile);
const XS = 'http://www.w3.org/2001/XMLSchema';
const SOAP_ENVELOPES = ['http://schemas.xmlsoap.org/soap/envelope/', 'http://www.w3.org/2003/05/soap-envelope'];

const elements = (node) => Array.from(node.childNodes).filter((n) => n.nodeType === 1);

/**
 * The schemas of the served WSDL, as files xmllint can read: the WSDL's own <xs:schema> (its
 * request and response wrappers) with its import pointed at the contract XSD the gateway serves
 * beside it (?xsd=...), both downloaded. Nothing from this repository is used, so a mismatch
 * between what the gateway serves and what it sends shows.
 */
async function servedSchemas(wsdlUrl, dir) {
  const wsdlText = await (await fetch(wsdlUrl)).text();
  const wsdl = new DOMParser().parseFromString(wsdlText, 'text/xml');
  const types = elements(wsdl.documentElement).find((e) => e.localName === 'types');
  assert.ok(types, 'the WSDL has <wsdl:types>');
  const schema = elements(types).find((e) => e.namespaceURI === XS && e.localName === 'schema');
  assert.ok(schema, 'the WSDL types hold an <xs:schema>');
  // the schema uses prefixes declared on <wsdl:definitions>: copy them onto it
  const defs = wsdl.documentElement;
  for (const a of Array.from(defs.attributes)) {
    if (a.name.startsWith('xmlns') && !schema.hasAttribute(a.name)) schema.setAttribute(a.name, a.value);
  }
  for (const imp of elements(schema).filter((e) => e.localName === 'import' && e.getAttribute('schemaLocation'))) {
    const url = new URL(imp.getAttribute('schemaLocation'), wsdlUrl);
    const res = await fetch(url);
    assert.equal(res.status, 200, `the WSDL imports ${url}, which answered ${res.status}`);
    const local = join(dir, `import-${imp.getAttribute('namespace').replace(/\W+/g, '_')}.xsd`);
    writeFileSync(local, await res.text());
    imp.setAttribute('schemaLocation', local);
  }
  const file = join(dir, 'wsdl-types.xsd');
  writeFileSync(file, new XMLSerializer().serializeToString(schema));
  return file;
}

/**
 * Validates the payload of a SOAP answer (the Body's element: a WSDL response wrapper holding
 * contract documents) with `xmllint --schema` against the schemas the served WSDL declares.
 */
export async function assertValidAgainstServedWsdl(envelopeXml, wsdlUrl) {
  const doc = new DOMParser().parseFromString(envelopeXml, 'text/xml');
  const env = doc.documentElement;
  assert.ok(SOAP_ENVELOPES.includes(env.namespaceURI) && env.localName === 'Envelope', 'a SOAP envelope');
  const body = elements(env).find((e) => e.localName === 'Body');
  assert.ok(body, 'the envelope has a Body');
  const [payload] = elements(body);
  assert.ok(payload, 'the Body has a payload element');
  const dir = mkdtempSync(join(tmpdir(), 'focus-xsd-'));
  try {
    const xsd = await servedSchemas(wsdlUrl, dir);
    const file = join(dir, `${payload.localName}.xml`);
    const xml = new XMLSerializer().serializeToString(payload);
    writeFileSync(file, xml);
    try {
      await run('xmllint', ['--noout', '--nonet', '--schema', xsd, file]);
    } catch (e) {
      assert.fail(`<${payload.localName}> is not valid against the served WSDL's schemas:\n${e.stderr}\n${xml.slice(0, 2000)}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
