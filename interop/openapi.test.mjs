// Check 1: the OpenAPI document as the running gateway serves it passes two linters nobody on the
// project wrote (Redocly's recommended rules, Spectral's OpenAPI rules and the OWASP API Security
// Top 10 ruleset), and the response headers it declares are really sent.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { BASE, freshExamples, token } from './lib/gateway.mjs';

const run = promisify(execFile);
const OPENAPI = `${BASE}/api/v1/openapi.json`;
const here = new URL('.', import.meta.url).pathname;

/** Runs a linter from node_modules/.bin; resolves with its output whatever its exit code. */
async function lint(bin, args) {
  try {
    const { stdout, stderr } = await run(`${here}node_modules/.bin/${bin}`, args, {
      cwd: here,
      maxBuffer: 16 * 1024 * 1024,
      env: { ...process.env, NO_COLOR: '1', REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
    return { code: 0, output: stdout + stderr };
  } catch (e) {
    if (typeof e.code !== 'number') throw e;
    return { code: e.code, output: e.stdout + e.stderr };
  }
}

test('the served document is the contract OpenAPI 3.1 document', async () => {
  const res = await fetch(OPENAPI);
  assert.equal(res.status, 200);
  const doc = await res.json();
  assert.match(doc.openapi, /^3\.1\./);
  assert.ok(doc.paths['/exchanges'].post, 'POST /exchanges is documented');
});

test('redocly lint (recommended-strict) finds no problem', { timeout: 120_000 }, async () => {
  const { code, output } = await lint('redocly', ['lint', '--config', 'redocly.yaml', '--format', 'stylish', OPENAPI]);
  assert.equal(code, 0, `redocly lint failed:\n${output}`);
});

test('spectral lint (oas + OWASP API Top 10 2023) finds no error or warning', { timeout: 120_000 }, async () => {
  const { code, output } = await lint('spectral', ['lint', '--ruleset', '.spectral.yaml', '--fail-severity', 'warn', OPENAPI]);
  assert.equal(code, 0, `spectral lint failed:\n${output}`);
});

test('the Location headers the document declares are sent', async () => {
  const doc = await (await fetch(OPENAPI)).json();
  assert.ok(doc.paths['/exchanges'].post.responses['202'].headers.Location);
  assert.ok(doc.paths['/consents'].post.responses['201'].headers.Location);

  const police = await token('ro-police');
  const auth = { Authorization: `Bearer ${police}`, 'Content-Type': 'application/json' };
  const [submission, consent] = freshExamples(
    '01-ro-victim-sexual-abuse.submission.json',
    '03-ro-victim-support-referral.consent.json',
  );
  const submitted = await fetch(`${BASE}/api/v1/exchanges`, { method: 'POST', headers: auth, body: JSON.stringify(submission) });
  assert.equal(submitted.status, 202, await submitted.clone().text());
  const accepted = await submitted.json();
  assert.equal(submitted.headers.get('location'), `/api/v1/exchanges/${accepted.exchangeId}`);
  const status = await fetch(new URL(submitted.headers.get('location'), BASE), { headers: auth });
  assert.equal(status.status, 200, 'the Location of an exchange can be read');

  consent.recordId = submission.record.recordId;
  const registered = await fetch(`${BASE}/api/v1/consents`, { method: 'POST', headers: auth, body: JSON.stringify(consent) });
  assert.equal(registered.status, 201, await registered.clone().text());
  assert.equal(registered.headers.get('location'), `/api/v1/consents/${(await registered.json()).consentId}`);
});
