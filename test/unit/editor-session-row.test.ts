/** What a row of the iDenfy Sessions view says without its tooltip. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deliveryRowText, duration, sessionRowText } from '../../src/editor/session-row';
import type { SessionStatus } from '../../src/history/store';

const NOW = new Date('2026-12-01T12:00:00Z');
const entry = (
  expiresAt: string,
  target: 'idenfy' | 'emulator' = 'idenfy',
  clientId = 'user-42',
  status?: SessionStatus,
) => ({
  clientId,
  scanRef: '3f2a9c1e-1111-4222-8333-444455556666',
  expiresAt,
  target,
  status,
});

test('label is the clientId; description has the status, the short scanRef, the time left and the target', () => {
  assert.deepEqual(sessionRowText(entry('2026-12-01T15:10:00Z'), NOW), {
    label: 'user-42',
    description: 'active · 3f2a9c1e · expires in 3h',
    expired: false,
    status: 'active',
    checked: 'status not checked yet',
  });
  assert.equal(
    sessionRowText(entry('2026-12-01T12:45:00Z', 'emulator'), NOW).description,
    'active · 3f2a9c1e · expires in 45m · emulator',
  );
});

test('an expired or undated session says "expired"; a missing clientId is named', () => {
  const expired = sessionRowText(entry('2026-12-01T12:00:00Z', 'idenfy', ''), NOW);
  assert.equal(expired.label, '(no clientId)');
  assert.equal(expired.description, 'expired · 3f2a9c1e');
  assert.equal(expired.expired, true);
  assert.equal(sessionRowText(entry('not a date'), NOW).expired, true);
});

test('the last known status leads the row, and the row says when it was checked', () => {
  const denied = sessionRowText(
    entry('2026-12-01T15:10:00Z', 'emulator', 'user-42', {
      overall: 'DENIED',
      checkedAt: '2026-12-01T11:55:00Z',
    }),
    NOW,
  );
  assert.equal(denied.status, 'denied');
  assert.equal(denied.description, 'denied · 3f2a9c1e · expires in 3h · emulator');
  assert.equal(denied.checked, 'checked 5m ago');
  // A finished verification keeps its verdict after the token expires.
  const approved = sessionRowText(
    entry('2026-12-01T11:00:00Z', 'idenfy', 'user-42', {
      overall: 'APPROVED',
      checkedAt: '2026-12-01T12:00:00Z',
    }),
    NOW,
  );
  assert.equal(approved.description, 'approved · 3f2a9c1e · token expired');
  assert.equal(approved.checked, 'checked just now');
});

test('durations round down and never say 0m', () => {
  assert.equal(duration(1), '1m');
  assert.equal(duration(59 * 60_000), '59m');
  assert.equal(duration(60 * 60_000), '1h');
  assert.equal(duration(47 * 3_600_000 + 59 * 60_000), '47h');
  assert.equal(duration(3 * 86_400_000), '3d');
});

test('a delivery row: status and event, then duration and local time; icon by outcome; tooltip has URL and SHA-256', () => {
  const at = new Date(2026, 11, 1, 14, 3, 7, 450).toISOString();
  const base = {
    at,
    event: 'IDENTIFICATION_AUTO_FINISHED',
    url: 'http://127.0.0.1:3000/hook',
    durationMs: 12.4,
    payloadSha256: 'ab'.repeat(32),
    source: 'editor' as const,
  };
  const ok = deliveryRowText({ ...base, status: 200, final: true });
  assert.equal(ok.label, '200 IDENTIFICATION_AUTO_FINISHED');
  assert.equal(ok.description, '12 ms · 14:03:07');
  assert.equal(ok.outcome, 'ok');
  assert.ok(ok.tooltip.includes(`**to** ${base.url}`), ok.tooltip.join('\n'));
  assert.ok(ok.tooltip.includes(`**payload SHA-256** \`${'ab'.repeat(32)}\``));
  assert.equal(deliveryRowText({ ...base, status: 500 }).outcome, 'refused');
  assert.equal(deliveryRowText({ ...base, status: 204 }).outcome, 'ok');
  const failed = deliveryRowText({ ...base, status: null, error: 'timed out', source: 'emulator' });
  assert.equal(failed.outcome, 'failed');
  assert.equal(failed.label, 'failed IDENTIFICATION_AUTO_FINISHED');
  assert.equal(failed.description, '12 ms · 14:03:07 · emulator');
  assert.ok(failed.tooltip.includes('**error** timed out'));
});
