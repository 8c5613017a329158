import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { signWebhook, verifyWebhookSignature } from '../../src/webhooks/signature';

/** openssl is an independent HMAC implementation (the harness installs it). */
function opensslHmac(body: Buffer, key: string): string {
  const out = execFileSync('openssl', ['dgst', '-sha256', '-hmac', key], { input: body }).toString();
  return out.trim().split(' ').pop() ?? '';
}

describe('webhook signature', () => {
  it('matches RFC 4231 test case 2 (key "Jefe")', () => {
    assert.equal(
      signWebhook('what do ya want for nothing?', 'Jefe'),
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it('agrees with openssl dgst -sha256 -hmac on payloads and keys of every shape', () => {
    const keyChars = fc.constantFrom(...'abcXYZ019_-.~+/=!@#%^*()[]{}:;,'.split(''));
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 4096 }),
        fc.string({ unit: keyChars, minLength: 1, maxLength: 80 }),
        (body, key) => {
          assert.equal(signWebhook(body, key), opensslHmac(Buffer.from(body), key));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('signs UTF-8 bytes of a string body the same as the bytes themselves', () => {
    const body = '{"clientId":"Žemaitė ąčęėįšųūž 漢字 🙂"}';
    assert.equal(signWebhook(body, 'k'), opensslHmac(Buffer.from(body, 'utf8'), 'k'));
  });

  it('accepts the right signature, in either hex case and with surrounding spaces', () => {
    const sig = signWebhook('{"final":true}', 'key');
    assert.ok(verifyWebhookSignature('{"final":true}', sig, 'key'));
    assert.ok(verifyWebhookSignature('{"final":true}', ` ${sig.toUpperCase()} `, 'key'));
  });

  it('refuses any one-byte change of the body, a wrong key, and malformed headers', () => {
    const body = Buffer.from('{"scanRef":"abc","final":true,"status":{"overall":"APPROVED"}}');
    const sig = signWebhook(body, 'key');
    for (let i = 0; i < body.length; i++) {
      const tampered = Buffer.from(body);
      tampered.writeUInt8(tampered.readUInt8(i) ^ 0x01, i);
      assert.equal(verifyWebhookSignature(tampered, sig, 'key'), false, `byte ${i}`);
    }
    assert.equal(verifyWebhookSignature(body, sig, 'kez'), false);
    assert.equal(verifyWebhookSignature(body, undefined, 'key'), false);
    assert.equal(verifyWebhookSignature(body, [sig, sig], 'key'), false);
    assert.equal(verifyWebhookSignature(body, sig.slice(0, 63), 'key'), false);
    assert.equal(verifyWebhookSignature(body, `${sig.slice(0, 63)}g`, 'key'), false);
    assert.equal(verifyWebhookSignature(body, '', 'key'), false);
  });
});
