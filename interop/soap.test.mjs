// Check 2: the SOAP channel, driven by the `soap` npm client built from the WSDL the gateway serves
// and nothing else. Each answer is validated against the contract XSD with xmllint, and what came in
// by SOAP is compared with what REST gives back.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import soap from 'soap';
import { BASE, freshExamples, requireServed, token } from './lib/gateway.mjs';
import { assertValidAgainstContractXsd } from './lib/xml.mjs';

const ENDPOINT = `${BASE}/services/focus/v1/exchange`;
const WSDL = `${ENDPOINT}?wsdl`;

/** Repeated XML elements arrive as an array, a single one as an object: always an array here. */
const list = (x) => (x == null ? [] : Array.isArray(x) ? x : [x]);

/**
 * A contract JSON document as the object the soap client serialises against the WSDL: properties
 * become elements of the same name, arrays repeated elements. (To be aligned with ContractXml's
 * mapping if it differs, e.g. wrapper elements around lists.)
 */
function toXmlShape(json) {
  if (Array.isArray(json)) return json.map(toXmlShape);
  if (json && typeof json === 'object') {
    return Object.fromEntries(Object.entries(json).filter(([, v]) => v != null).map(([k, v]) => [k, toXmlShape(v)]));
  }
  return json;
}

/** The FocusFault detail of a SOAP Fault the client threw, wherever the SOAP version put it. */
function focusFault(err) {
  const fault = err.root?.Envelope?.Body?.Fault;
  assert.ok(fault, `a SOAP Fault, not: ${err.message}\n${err.body ?? ''}`);
  const find = (node) => {
    if (!node || typeof node !== 'object') return undefined;
    if (node.FocusFault) return node.FocusFault;
    for (const v of Object.values(node)) {
      const hit = find(v);
      if (hit) return hit;
    }
    return undefined;
  };
  const detail = find(fault);
  assert.ok(detail, `the Fault carries a FocusFault detail: ${JSON.stringify(fault)}`);
  return detail;
}

let client;
let police;

before(async () => {
  const res = await requireServed(WSDL, 'The SOAP channel (WSDL at /services/focus/v1/exchange?wsdl)');
  assert.equal(res.status, 200, `GET ${WSDL} answered ${res.status}`);
  assert.match(await res.text(), /FocusExchangeService/, 'the WSDL names FocusExchangeService');
  police = await token('ro-police');
  client = await soap.createClientAsync(WSDL);
  client.addHttpHeader('Authorization', `Bearer ${police}`);
});

test('the WSDL describes the agreed service, port and operations', () => {
  const described = client.describe();
  assert.ok(described.FocusExchangeService, `service FocusExchangeService in ${Object.keys(described)}`);
  const operations = Object.keys(described.FocusExchangeService.FocusExchangePort ?? {});
  for (const op of ['SubmitAssessment', 'ReadAssessment', 'GetExchangeStatus', 'RegisterConsent', 'WithdrawConsent']) {
    assert.ok(operations.includes(op), `operation ${op} in ${operations}`);
  }
});

test('submit, read back, exchange status, consent register and withdraw', async (t) => {
  const [submission, consent] = freshExamples(
    '01-ro-victim-sexual-abuse.submission.json',
    '03-ro-victim-support-referral.consent.json',
  );
  const recordId = submission.record.recordId;
  let exchangeId;

  await t.test('SubmitAssessment answers with the decisions', async () => {
    const [result, raw] = await client.SubmitAssessmentAsync({ Submission: toXmlShape(submission) });
    await assertValidAgainstContractXsd(raw);
    assert.equal(result.recordId, recordId);
    assert.equal(Number(result.version), 1);
    assert.match(result.subjectPseudonym, /^psn-/);
    const [decision] = list(result.decisions);
    assert.equal(decision.recipient, 'ro-child-protection');
    assert.equal(decision.decision, 'PERMIT');
    exchangeId = result.exchangeId;
    assert.ok(exchangeId);
  });

  await t.test('what came in by SOAP is the record REST gives back', async () => {
    const res = await fetch(`${BASE}/api/v1/records/${recordId}`, { headers: { Authorization: `Bearer ${police}` } });
    assert.equal(res.status, 200);
    assert.deepEqual((await res.json()).record, submission.record);
  });

  await t.test('ReadAssessment gives the record back', async () => {
    const [result, raw] = await client.ReadAssessmentAsync({ recordId });
    await assertValidAgainstContractXsd(raw);
    assert.equal(result.recordId, recordId);
    assert.equal(Number(result.version), 1);
    assert.equal(result.record?.child?.name?.family, submission.record.child.name.family);
  });

  await t.test('GetExchangeStatus lists the delivery', async () => {
    const [result, raw] = await client.GetExchangeStatusAsync({ exchangeId });
    await assertValidAgainstContractXsd(raw);
    assert.equal(result.exchangeId, exchangeId);
    assert.equal(result.recordId, recordId);
    assert.deepEqual(list(result.deliveries).map((d) => d.recipient), ['ro-child-protection']);
  });

  await t.test('RegisterConsent and WithdrawConsent', async () => {
    consent.recordId = recordId;
    const [registered, raw] = await client.RegisterConsentAsync({ Consent: toXmlShape(consent) });
    await assertValidAgainstContractXsd(raw);
    assert.equal(registered.consentId, consent.consentId);
    assert.equal(registered.status, 'ACTIVE');
    const [withdrawn, raw2] = await client.WithdrawConsentAsync({ consentId: consent.consentId });
    await assertValidAgainstContractXsd(raw2);
    assert.equal(withdrawn.consentId, consent.consentId);
    assert.equal(withdrawn.status, 'WITHDRAWN');
  });

  await t.test('the audit log says the record came by SOAP', async () => {
    const auditor = await (await fetch(`${BASE}/demo/token?role=AUDITOR`, { method: 'POST' })).json();
    const res = await fetch(`${BASE}/api/v1/audit/entries?record=${recordId}`, {
      headers: { Authorization: `Bearer ${auditor.access_token}` },
    });
    assert.equal(res.status, 200);
    const { entries } = await res.json();
    const collected = entries.filter((e) => e.action === 'COLLECTED');
    assert.equal(collected.length, 1, JSON.stringify(entries));
    assert.equal(collected[0].channel, 'SOAP');
  });
});

test('a contract violation is a SOAP Fault with the FocusFault of the REST problem', async () => {
  const [submission] = freshExamples('01-ro-victim-sexual-abuse.submission.json');
  submission.purposeOfUse = 'NO_SUCH_PURPOSE';
  await assert.rejects(client.SubmitAssessmentAsync({ Submission: toXmlShape(submission) }), (err) => {
    const fault = focusFault(err);
    assert.equal(fault.code, 'contract-violation');
    assert.equal(Number(fault.status), 422);
    assert.ok(fault.title);
    const pointers = list(fault.error).map((e) => e.pointer);
    assert.ok(pointers.includes('/purposeOfUse'), `an error at /purposeOfUse in ${JSON.stringify(fault)}`);
    return true;
  });
  const res = await fetch(`${BASE}/api/v1/records/${submission.record.recordId}`, {
    headers: { Authorization: `Bearer ${police}` },
  });
  assert.equal(res.status, 404, 'nothing was stored');
});

test('an operation without a bearer token is refused', async () => {
  const anonymous = await soap.createClientAsync(WSDL);
  await assert.rejects(anonymous.GetExchangeStatusAsync({ exchangeId: '00000000-0000-4000-8000-000000000000' }), (err) => {
    assert.ok([401, 403, 500].includes(err.response?.status), `refused, got ${err.response?.status}`);
    return true;
  });
});
