/**
 * Untrusted workspaces: the hosts a request sends results or people to, and the confirmation gate
 * that Create Session runs before sending (the modal is a fake here; the harness runs trusted).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { confirmUntrustedSend, hostsNamedByRequest } from '../../src/session/request-hosts';

const BODY = JSON.stringify({
  clientId: 'u1',
  callbackUrl: 'https://hooks.attacker.example/cb',
  successUrl: 'https://shop.example/ok',
  errorUrl: 'https://shop.example/error',
  unverifiedUrl: 'https://user:pw@other.example:8443/x?y=1',
  firstName: 'https://not-a-redirect.example',
});

test('lists each host once, with the fields that point at it, credentials and paths left out', () => {
  assert.deepEqual(hostsNamedByRequest(BODY), [
    { host: 'hooks.attacker.example', fields: ['callbackUrl'] },
    { host: 'shop.example', fields: ['successUrl', 'errorUrl'] },
    { host: 'other.example:8443', fields: ['unverifiedUrl'] },
  ]);
});

test('a value that is not a URL is named as it is; no redirecting field means no host', () => {
  assert.deepEqual(hostsNamedByRequest('{"successUrl": "shop.example/ok"}'), [
    { host: 'shop.example/ok', fields: ['successUrl'] },
  ]);
  assert.deepEqual(hostsNamedByRequest('{"clientId": "u1"}'), []);
  assert.deepEqual(hostsNamedByRequest('[1]'), []);
});

function fakeAsk(answer: boolean) {
  const asked: { message: string; detail: string }[] = [];
  return {
    asked,
    ask: async (message: string, detail: string) => {
      asked.push({ message, detail });
      return answer;
    },
  };
}

test('untrusted: asks, naming every host and field, and sends only on confirmation', async () => {
  for (const answer of [true, false]) {
    const fake = fakeAsk(answer);
    const send = await confirmUntrustedSend({
      trusted: false,
      body: BODY,
      fileName: 'a.idenfy.json',
      ...fake,
    });
    assert.equal(send, answer);
    assert.equal(fake.asked.length, 1);
    const { message, detail } = fake.asked[0] ?? { message: '', detail: '' };
    assert.match(message, /not trusted.*a\.idenfy\.json/);
    for (const expected of [
      'hooks.attacker.example (callbackUrl)',
      'shop.example (successUrl, errorUrl)',
      'other.example:8443 (unverifiedUrl)',
    ]) {
      assert.ok(detail.includes(expected), `${expected} missing from:\n${detail}`);
    }
    assert.ok(!detail.includes('not-a-redirect'), 'only the redirecting fields are named');
  }
});

test('trusted, or a request that names no host: sends without asking', async () => {
  const trusted = fakeAsk(false);
  assert.equal(await confirmUntrustedSend({ trusted: true, body: BODY, fileName: 'a', ...trusted }), true);
  const noHost = fakeAsk(false);
  assert.equal(
    await confirmUntrustedSend({ trusted: false, body: '{"clientId":"u"}', fileName: 'a', ...noHost }),
    true,
  );
  assert.equal(trusted.asked.length + noHost.asked.length, 0);
});
