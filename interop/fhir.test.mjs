// Check 3: the FHIR channel, driven by fhir-kit-client. The Bundle and Consent it sends are the
// FHIR form of contract examples (fixtures/, copied from the contract's FHIR golden files); every
// resource the gateway hands back must pass the gateway's own $validate with no error.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { before, test } from 'node:test';
import { Client } from 'fhir-kit-client';
import { BASE, freshExamples, requireServed, token } from './lib/gateway.mjs';

const FHIR = `${BASE}/fhir`;
const PROFILE = 'https://focus-gateway.eu/fhir/StructureDefinition/';
// ContractFhir.submissionToBundle / consentToFhir of examples 01 and 03 (golden files of contracts/).
const SUBMISSION_BUNDLE = new URL('./fixtures/01-ro-victim-sexual-abuse.submission.bundle.json', import.meta.url);
const CONSENT_RESOURCE = new URL('./fixtures/03-ro-victim-support-referral.consent.fhir.json', import.meta.url);

let client;

/** `$validate` of a resource: the OperationOutcome, whether HAPI answers 200 or 412. */
async function validate(resource) {
  let outcome;
  try {
    outcome = await client.operation({ name: '$validate', resourceType: resource.resourceType, input: resource });
  } catch (e) {
    outcome = e.response?.data;
    assert.equal(outcome?.resourceType, 'OperationOutcome', `$validate answered ${e.message}`);
  }
  assert.equal(outcome.resourceType, 'OperationOutcome');
  const errors = (outcome.issue ?? []).filter((i) => i.severity === 'error' || i.severity === 'fatal');
  assert.deepEqual(errors, [], `${resource.resourceType} has validation errors`);
}

/** The error a FHIR call threw, as its HTTP status and OperationOutcome. */
async function failure(promise) {
  try {
    await promise;
  } catch (e) {
    return { status: e.response?.status, outcome: e.response?.data };
  }
  assert.fail('the call succeeded');
}

before(async () => {
  const res = await requireServed(`${FHIR}/metadata`, 'The FHIR channel (/fhir/metadata)');
  assert.equal(res.status, 200, `GET ${FHIR}/metadata answered ${res.status}`);
  for (const fixture of [SUBMISSION_BUNDLE, CONSENT_RESOURCE]) {
    assert.ok(existsSync(fixture), `fixture ${fixture.pathname} is missing: copy it from the contract's FHIR golden files`);
  }
  client = new Client({ baseUrl: FHIR, bearerToken: await token('ro-police') });
});

test('the CapabilityStatement offers Bundle and Consent with the Focus profiles', async () => {
  const cs = await client.capabilityStatement();
  assert.equal(cs.resourceType, 'CapabilityStatement');
  assert.equal(cs.fhirVersion?.startsWith('4.0'), true, `FHIR R4, not ${cs.fhirVersion}`);
  const resources = cs.rest?.[0]?.resource ?? [];
  for (const type of ['Bundle', 'Consent']) {
    assert.ok(resources.some((r) => r.type === type), `${type} in the CapabilityStatement`);
  }
  const profiles = JSON.stringify(resources);
  assert.ok(profiles.includes(PROFILE), `profiles under ${PROFILE}`);
});

test('create a FocusAssessmentBundle, read it back, search, consent create and withdraw', async (t) => {
  const [submission, bundle, consent, fhirConsent] = freshExamples(
    '01-ro-victim-sexual-abuse.submission.json',
    SUBMISSION_BUNDLE,
    '03-ro-victim-support-referral.consent.json',
    CONSENT_RESOURCE,
  );
  const recordId = submission.record.recordId;

  await t.test('the Bundle sent is valid', () => validate(bundle));

  await t.test('create answers with the decisions', async () => {
    const created = await client.create({ resourceType: 'Bundle', body: bundle });
    assert.ok(['Bundle', 'OperationOutcome', 'Parameters'].includes(created.resourceType), created.resourceType);
    assert.ok(JSON.stringify(created).includes('ro-child-protection'), 'the decision for ro-child-protection');
  });

  await t.test('what came in by FHIR is the record REST gives back', async () => {
    const police = await token('ro-police');
    const res = await fetch(`${BASE}/api/v1/records/${recordId}`, { headers: { Authorization: `Bearer ${police}` } });
    assert.equal(res.status, 200);
    // the record as sent, plus the subject pseudonym the gateway assigned
    const { record } = await res.json();
    assert.match(record.child?.subjectPseudonym ?? '', /^psn-/);
    const expected = structuredClone(submission.record);
    expected.child.subjectPseudonym = record.child.subjectPseudonym;
    assert.deepEqual(record, expected);
  });

  await t.test('read the record back as a Bundle', async () => {
    const read = await client.read({ resourceType: 'Bundle', id: recordId });
    assert.equal(read.resourceType, 'Bundle');
    assert.ok(JSON.stringify(read.meta?.profile ?? []).includes(PROFILE), 'a Focus profile');
    await validate(read);
  });

  await t.test('the recipient reads its minimised view, valid under the profiles', async () => {
    // ro-child-protection gets S3 only as a summary and no S7: what it reads lacks what the
    // policy withholds, and must still be a valid FocusAssessmentBundle
    const recipient = new Client({ baseUrl: FHIR, bearerToken: await token('ro-child-protection') });
    const read = await recipient.read({ resourceType: 'Bundle', id: recordId });
    assert.equal(read.resourceType, 'Bundle');
    await validate(read);
  });

  await t.test('search finds the record', async () => {
    const found = await client.search({ resourceType: 'Bundle', searchParams: { identifier: recordId } });
    assert.equal(found.resourceType, 'Bundle');
    assert.equal(found.type, 'searchset');
    assert.equal(found.entry?.length, 1, JSON.stringify(found).slice(0, 500));
    await validate(found.entry[0].resource);
  });

  await t.test('create a Consent and withdraw it', async () => {
    // example 03's consent, given for the record of example 01 created above
    const body = JSON.parse(JSON.stringify(fhirConsent).replaceAll(consent.recordId, recordId));
    await validate(body);
    const created = await client.create({ resourceType: 'Consent', body });
    assert.equal(created.resourceType, 'Consent');
    assert.equal(created.status, 'active');
    await validate(created);
    const withdrawn = await client.operation({
      name: '$withdraw',
      resourceType: 'Consent',
      id: created.id,
      input: { resourceType: 'Parameters' }, // an operation without parameters, POSTed as FHIR says
    });
    assert.equal(withdrawn.resourceType, 'Parameters');
    const param = (name) => withdrawn.parameter?.find((p) => p.name === name);
    assert.ok(param('withdrawnAt')?.valueInstant, `withdrawnAt in ${JSON.stringify(withdrawn)}`);
    const after = await client.read({ resourceType: 'Consent', id: created.id });
    assert.equal(after.status, 'inactive');
    await validate(after);
  });
});

test('a contract violation is an OperationOutcome listing it, and nothing is stored', async () => {
  const [submission, bundle] = freshExamples('01-ro-victim-sexual-abuse.submission.json', SUBMISSION_BUNDLE);
  const broken = JSON.parse(JSON.stringify(bundle).replaceAll('"CHILD_PROTECTION"', '"NO_SUCH_PURPOSE"'));
  const { status, outcome } = await failure(client.create({ resourceType: 'Bundle', body: broken }));
  assert.ok([400, 422].includes(status), `400 or 422, got ${status}`);
  assert.equal(outcome?.resourceType, 'OperationOutcome');
  assert.ok(outcome.issue.some((i) => i.severity === 'error'), JSON.stringify(outcome));
  const police = await token('ro-police');
  const res = await fetch(`${BASE}/api/v1/records/${submission.record.recordId}`, { headers: { Authorization: `Bearer ${police}` } });
  assert.equal(res.status, 404, 'nothing was stored');
});
