// Check 2: the SOAP channel, driven by the `soap` npm client built from the WSDL the gateway serves
// and nothing else. Each answer is validated with xmllint against the schemas the served WSDL declares, and what came in
// by SOAP is compared with what REST gives back.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import soap from 'soap';
import { BASE, freshExamples, requireServed, token } from './lib/gateway.mjs';
import { assertValidAgainstServedWsdl } from './lib/xml.mjs';

const ENDPOINT = `${BASE}/services/focus/v1/exchange`;
const WSDL = `${ENDPOINT}?wsdl`;

/** Repeated XML elements arrive as an array, a single one as an object: always an array here. */
const list = (x) => (x == null ? [] : Array.isArray(x) ? x : [x]);
/** The entries of a WSDL list: a wrapper element with one <item> per entry. */
const items = (wrapper) => list(wrapper?.item);

/**
 * A contract JSON document as the object the soap client serialises against the WSDL: properties
 * become elements of the same name, arrays a wrapper element with one <item> per entry (the
 * convention of the contract XSD, see contracts/README.md).
 */
function toXmlShape(json) {
  if (Array.isArray(json)) return { item: json.map(toXmlShape) };
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
  let pseudonym;

  await t.test('SubmitAssessment answers with the decisions', async () => {
    const [result, raw] = await client.SubmitAssessmentAsync({ Submission: toXmlShape(submission) });
    await assertValidAgainstServedWsdl(raw, WSDL);
    assert.equal(result.recordId, recordId);
    assert.equal(Number(result.version), 1);
    assert.match(result.subjectPseudonym, /^psn-/);
    const [decision] = items(result.decisions);
    assert.equal(decision.recipient, 'ro-child-protection');
    assert.equal(decision.decision, 'PERMIT');
    exchangeId = result.exchangeId;
    assert.ok(exchangeId);
    pseudonym = result.subjectPseudonym;
  });

  await t.test('what came in by SOAP is the record REST gives back', async () => {
    const res = await fetch(`${BASE}/api/v1/records/${recordId}`, { headers: { Authorization: `Bearer ${police}` } });
    assert.equal(res.status, 200);
    // the record as sent, plus the subject pseudonym the gateway assigned
    const expected = structuredClone(submission.record);
    expected.child.subjectPseudonym = pseudonym;
    assert.deepEqual((await res.json()).record, expected);
  });

  await t.test('ReadAssessment gives the record back', async () => {
    const [result, raw] = await client.ReadAssessmentAsync({ recordId });
    await assertValidAgainstServedWsdl(raw, WSDL);
    assert.equal(result.recordId, recordId);
    assert.equal(Number(result.version), 1);
    assert.equal(result.record?.child?.name?.family, submission.record.child.name.family);
  });

  await t.test('GetExchangeStatus lists the delivery', async () => {
    const [result, raw] = await client.GetExchangeStatusAsync({ exchangeId });
    await assertValidAgainstServedWsdl(raw, WSDL);
    assert.equal(result.exchangeId, exchangeId);
    assert.equal(result.recordId, recordId);
    assert.deepEqual(items(result.deliveries).map((d) => d.recipient), ['ro-child-protection']);
  });

  await t.test('RegisterConsent and WithdrawConsent', async () => {
    consent.recordId = recordId;
    const [registered, raw] = await client.RegisterConsentAsync({ Consent: toXmlShape(consent) });
    await assertValidAgainstServedWsdl(raw, WSDL);
    assert.equal(registered.Consent?.consentId, consent.consentId);
    assert.equal(registered.Consent?.status, 'ACTIVE');
    const [withdrawn, raw2] = await client.WithdrawConsentAsync({ consentId: consent.consentId });
    await assertValidAgainstServedWsdl(raw2, WSDL);
    assert.equal(withdrawn.consentId, consent.consentId);
    assert.ok(withdrawn.withdrawnAt, 'the withdrawal time');
    const res = await fetch(`${BASE}/api/v1/consents/${consent.consentId}`, { headers: { Authorization: `Bearer ${police}` } });
    assert.equal(res.status, 200);
    assert.equal((await res.json()).status, 'WITHDRAWN', 'REST sees the consent withdrawn');
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
    // SOAP 1.1 / WS-I Basic Profile R1126: a Fault travels with HTTP 500; the FocusFault says 401
    assert.equal(err.response?.status, 500, `a SOAP Fault, got HTTP ${err.response?.status}`);
    assert.equal(Number(focusFault(err).status), 401);
    assert.equal(focusFault(err).code, 'unauthenticated');
    return true;
  });
});
