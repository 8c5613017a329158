/** What a row of the iDenfy Sessions view says without its tooltip. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { duration, sessionRowText } from '../../src/editor/session-row';

const NOW = new Date('2026-12-01T12:00:00Z');
const entry = (expiresAt: string, target: 'idenfy' | 'emulator' = 'idenfy', clientId = 'user-42') => ({
  clientId,
  scanRef: '3f2a9c1e-1111-4222-8333-444455556666',
  expiresAt,
  target,
});

test('label is the clientId; description has the short scanRef, the time left and the target', () => {
  assert.deepEqual(sessionRowText(entry('2026-12-01T15:10:00Z'), NOW), {
    label: 'user-42',
    description: '3f2a9c1e · expires in 3h',
    expired: false,
  });
  assert.equal(
    sessionRowText(entry('2026-12-01T12:45:00Z', 'emulator'), NOW).description,
    '3f2a9c1e · expires in 45m · emulator',
  );
});

test('an expired or undated session says "expired"; a missing clientId is named', () => {
  const expired = sessionRowText(entry('2026-12-01T12:00:00Z', 'idenfy', ''), NOW);
  assert.deepEqual(expired, { label: '(no clientId)', description: '3f2a9c1e · expired', expired: true });
  assert.equal(sessionRowText(entry('not a date'), NOW).expired, true);
});

test('durations round down and never say 0m', () => {
  assert.equal(duration(1), '1m');
  assert.equal(duration(59 * 60_000), '59m');
  assert.equal(duration(60 * 60_000), '1h');
  assert.equal(duration(47 * 3_600_000 + 59 * 60_000), '47h');
  assert.equal(duration(3 * 86_400_000), '3d');
});
