// Validating what a SOAP client received against the contract XSD, with xmllint (libxml2).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { CONTRACT_DIR } from './gateway.mjs';

const run = promisify(execFile);
export const CONTRACT_XSD = `${CONTRACT_DIR}xml/focus-contract-v1.xsd`;
const XS = 'http://www.w3.org/2001/XMLSchema';
const SOAP_ENVELOPES = ['http://schemas.xmlsoap.org/soap/envelope/', 'http://www.w3.org/2003/05/soap-envelope'];

const elements = (node) => Array.from(node.childNodes).filter((n) => n.nodeType === 1);

/** Local names of the global elements the contract XSD declares. */
function globalElements() {
  const xsd = new DOMParser().parseFromString(readFileSync(CONTRACT_XSD, 'utf8'), 'text/xml');
  return new Set(
    elements(xsd.documentElement)
      .filter((e) => e.namespaceURI === XS && e.localName === 'element')
      .map((e) => e.getAttribute('name')),
  );
}

/**
 * The payload elements of a SOAP envelope that the contract XSD declares: the Body's element itself
 * when the XSD declares it, else those of its children it declares (a WSDL wrapper around contract
 * documents). Serialised standalone, with the namespace declarations they need.
 */
export function contractPayloads(envelopeXml) {
  const doc = new DOMParser().parseFromString(envelopeXml, 'text/xml');
  const env = doc.documentElement;
  assert.ok(SOAP_ENVELOPES.includes(env.namespaceURI) && env.localName === 'Envelope', 'a SOAP envelope');
  const body = elements(env).find((e) => e.localName === 'Body');
  assert.ok(body, 'the envelope has a Body');
  const [payload] = elements(body);
  assert.ok(payload, 'the Body has a payload element');
  const declared = globalElements();
  const candidates = declared.has(payload.localName) ? [payload] : elements(payload).filter((e) => declared.has(e.localName));
  assert.ok(
    candidates.length > 0,
    `neither <${payload.localName}> nor its children are global elements of ${CONTRACT_XSD}`,
  );
  const out = new XMLSerializer();
  return candidates.map((e) => ({ name: e.localName, xml: out.serializeToString(e) }));
}

/** Validates every contract payload of the envelope with `xmllint --schema`; fails with its output. */
export async function assertValidAgainstContractXsd(envelopeXml) {
  const dir = mkdtempSync(join(tmpdir(), 'focus-xsd-'));
  try {
    for (const [i, { name, xml }] of contractPayloads(envelopeXml).entries()) {
      const file = join(dir, `${i}-${name}.xml`);
      writeFileSync(file, xml);
      try {
        await run('xmllint', ['--noout', '--nonet', '--schema', CONTRACT_XSD, file]);
      } catch (e) {
        assert.fail(`<${name}> is not valid against the contract XSD:\n${e.stderr}\n${xml.slice(0, 2000)}`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
