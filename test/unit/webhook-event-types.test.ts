/**
 * The Idenfy-Event-Type values (the OpenAPI's `webhooks:` section) and the event a payload's shape
 * implies: interim, manual, automatic, expired, and "cannot tell" (the editor then asks).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  eventTypeFor,
  parseEventType,
  WEBHOOK_EVENT_DESCRIPTIONS,
  WEBHOOK_EVENT_TYPES,
} from '../../src/webhooks/event-types';

// js-yaml has no bundled types; only `load` is used.
const { load } = createRequire(__filename)('js-yaml') as { load(text: string): unknown };
const OPENAPI = join(__dirname, '../fixtures/idenfy-kyc-openapi.yml');

function payload(final: boolean, status: Record<string, unknown>): Record<string, unknown> {
  return {
    final,
    status: {
      autoDocument: 'DOC_VALIDATED',
      autoFace: 'FACE_MATCH',
      manualDocument: null,
      manualFace: null,
      ...status,
    },
    scanRef: 'ref',
  };
}

describe('webhook event types', () => {
  it("are exactly the OpenAPI's Idenfy-Event-Type values, each described on one line", () => {
    const doc = load(readFileSync(OPENAPI, 'utf8')) as {
      webhooks: Record<string, { post: { parameters: { name: string; schema: { enum?: string[] } }[] } }>;
    };
    const documented = Object.values(doc.webhooks).flatMap(
      (w) => w.post.parameters.find((p) => p.name === 'Idenfy-Event-Type')?.schema.enum ?? [],
    );
    assert.deepEqual([...WEBHOOK_EVENT_TYPES].sort(), [...new Set(documented)].sort());
    for (const type of WEBHOOK_EVENT_TYPES) {
      const text = WEBHOOK_EVENT_DESCRIPTIONS[type];
      assert.ok(text.length > 10 && !text.includes('\n'), type);
    }
  });

  it('parse both spellings, any case; nothing else', () => {
    assert.equal(parseEventType('IDENTIFICATION_AUTO_FINISHED'), 'IDENTIFICATION_AUTO_FINISHED');
    assert.equal(parseEventType(' id_verification_manual_finished '), 'IDENTIFICATION_MANUAL_FINISHED');
    assert.equal(parseEventType('ID_VERIFICATION_EXPIRED'), 'IDENTIFICATION_EXPIRED');
    assert.equal(parseEventType('ID_VERIFICATION_CANCELLED'), 'IDENTIFICATION_CANCELLED');
    assert.equal(parseEventType('VIDEO_CALL_FINISHED'), 'VIDEO_CALL_FINISHED');
    assert.equal(parseEventType('ID_VERIFICATION'), undefined);
    assert.equal(parseEventType('ID_VERIFICATION_DOCUMENT_EXPIRATION'), undefined);
    assert.equal(parseEventType('SOMETHING_ELSE'), undefined);
    assert.equal(parseEventType(''), undefined);
  });

  it('infer the event from the shape of a payload', () => {
    assert.equal(
      eventTypeFor(payload(false, { overall: 'SUSPECTED', autoFace: 'FACE_UNCERTAIN' })),
      'IDENTIFICATION_AUTO_FINISHED',
    );
    assert.equal(eventTypeFor(payload(false, { overall: 'REVIEWING' })), 'IDENTIFICATION_AUTO_FINISHED');
    assert.equal(eventTypeFor(payload(true, { overall: 'APPROVED' })), 'IDENTIFICATION_AUTO_FINISHED');
    assert.equal(
      eventTypeFor(payload(true, { overall: 'DENIED', autoFace: 'FACE_MISMATCH' })),
      'IDENTIFICATION_AUTO_FINISHED',
    );
    assert.equal(
      eventTypeFor(
        payload(true, { overall: 'APPROVED', manualDocument: 'DOC_VALIDATED', manualFace: 'FACE_MATCH' }),
      ),
      'IDENTIFICATION_MANUAL_FINISHED',
    );
    assert.equal(
      eventTypeFor(payload(true, { overall: 'DENIED', manualFace: 'FACE_MISMATCH' })),
      'IDENTIFICATION_MANUAL_FINISHED',
    );
    assert.equal(eventTypeFor(payload(false, { overall: 'EXPIRED' })), 'IDENTIFICATION_EXPIRED');
    assert.equal(eventTypeFor(payload(true, { overall: 'EXPIRED' })), 'IDENTIFICATION_EXPIRED');
  });

  it('say nothing when the shape cannot tell', () => {
    for (const p of [
      undefined,
      null,
      [],
      'text',
      {},
      { final: true },
      { final: true, status: null },
      payload(true, { overall: 'ACTIVE' }),
      payload(true, { overall: 'REVIEWING' }),
      payload(true, { overall: 'DELETED' }),
      { status: { overall: 'APPROVED' } },
    ])
      assert.equal(eventTypeFor(p), undefined, JSON.stringify(p));
  });
});
