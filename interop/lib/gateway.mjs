// What every check needs from the running gateway: its address, demo tokens, contract examples with
// fresh ids, and a clear failure when an endpoint is not there at all.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Base URL of the gateway under test; run.sh starts it and sets FOCUS_BASE_URL. */
export const BASE = (() => {
  const base = process.env.FOCUS_BASE_URL;
  if (!base) {
    throw new Error('FOCUS_BASE_URL is not set: run the suite with interop/run.sh, which starts the gateway');
  }
  return base.replace(/\/$/, '');
})();

export const CONTRACT_DIR = fileURLToPath(
  new URL('../../contracts/src/main/resources/focus/contract/v1/', import.meta.url),
);

/** A one-hour bearer token for a demo agency (demo profile: POST /demo/token?agency=...). */
export async function token(agency) {
  const res = await fetch(`${BASE}/demo/token?agency=${encodeURIComponent(agency)}`, { method: 'POST' });
  assert.equal(res.status, 200, `POST /demo/token?agency=${agency} answered ${res.status}`);
  return (await res.json()).access_token;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/**
 * Contract examples (a bare name is read from contracts/.../v1/examples/, a URL as it is) with every
 * UUID replaced by a fresh one, consistently across the given files (an id maps to the same new id
 * in each), so a check can submit them without colliding with another check or an earlier run
 * (message ids are idempotency keys).
 */
export function freshExamples(...names) {
  const ids = new Map();
  return names.map((name) => {
    const text = readFileSync(name instanceof URL ? name : `${CONTRACT_DIR}examples/${name}`, 'utf8');
    return JSON.parse(
      text.replace(UUID, (id) => {
        if (!ids.has(id)) ids.set(id, randomUUID());
        return ids.get(id);
      }),
    );
  });
}

/**
 * Fails with a message that says what is missing when a channel is not served: a 404 (or a
 * security chain that denies an unknown path) must never let CI pass quietly.
 */
export async function requireServed(url, what, init = {}) {
  let res;
  try {
    res = await fetch(url, init);
  } catch (e) {
    assert.fail(`${what}: ${url} cannot be reached (${e.cause?.code ?? e.message})`);
  }
  if (res.status === 404 || res.status === 403 || res.status === 401) {
    assert.fail(
      `${what} is not served by the gateway: GET ${url} answered ${res.status}. ` +
        'The channel is missing or not opened in SecurityConfig; this check cannot pass without it.',
    );
  }
  return res;
}
