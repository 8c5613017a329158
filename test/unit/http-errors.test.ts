import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { IdenfyFailure } from '../../src/http/errors';
import { fieldFromMessage } from '../../src/http/idenfy-error-body';
import { failureFromNetworkError } from '../../src/http/network-failures';
import {
  failureFromResponse,
  failureFromUnusableSuccess,
  failureTooLarge,
  parseRetryAfter,
} from '../../src/http/status-failures';

/** Every message is one sentence that ends with what to do. */
function assertSentence(f: IdenfyFailure): void {
  // Starts like a sentence ("iDenfy" keeps its brand casing) and ends with a full stop.
  assert.match(f.message, /^(iDenfy|[A-Z]).*\.$/s, f.message);
  assert.ok(!/[\r\n]/.test(f.message), 'single line');
  assert.ok(f.message.length < 300, 'short');
}

function idenfy(status: number, identifier: string, message: string): IdenfyFailure {
  const f = failureFromResponse({ status, body: { identifier, message } });
  assertSentence(f);
  return f;
}

function net(code: string, requestSent: boolean, extra: Record<string, unknown> = {}): IdenfyFailure {
  const err = Object.assign(new Error(`boom ${code}`), { code });
  const f = failureFromNetworkError(err, { requestSent, ...extra });
  assertSentence(f);
  return f;
}

describe('failureFromResponse: iDenfy error bodies', () => {
  it('401 UNAUTHORIZED asks for the credentials', () => {
    const f = idenfy(401, 'UNAUTHORIZED', 'Authentication credentials were not provided.');
    assert.equal(f.cause, 'unauthorized');
    assert.equal(f.action, 'setCredentials');
    assert.equal(f.outcomeUnknown, false);
    assert.match(f.message, /^iDenfy rejected the API key or secret/);
  });

  it('MISSING_VALUE names the field from "Field \'x\' ..."', () => {
    const f = idenfy(400, 'MISSING_VALUE', "Field 'clientId' is required.");
    assert.deepEqual([f.cause, f.field, f.action], ['missingValue', 'clientId', 'showProblems']);
  });

  it('BAD_VALUE and VALIDATION_ERROR name the field and point at the problems view', () => {
    const bad = idenfy(400, 'BAD_VALUE', "Field 'country' has an invalid value.");
    assert.deepEqual([bad.cause, bad.field, bad.action], ['badValue', 'country', 'showProblems']);
    assert.match(bad.message, /'country'/);
    const val = idenfy(400, 'VALIDATION_ERROR', 'Field "expiryTime" must be less than 2592000.');
    assert.deepEqual([val.cause, val.field], ['validationError', 'expiryTime']);
  });

  it('BAD_VALUE without a field name still says what to do', () => {
    const f = idenfy(400, 'BAD_VALUE', 'Something is wrong.');
    assert.equal(f.field, undefined);
    assert.match(f.message, /a value in the request/);
  });

  it('JSON_ERROR and ENCODING_ERROR point at the file', () => {
    assert.equal(idenfy(400, 'JSON_ERROR', 'JSON parse error').cause, 'jsonError');
    assert.equal(idenfy(400, 'ENCODING_ERROR', 'bad encoding').cause, 'encodingError');
  });

  it('PARTNER_CONTRACT_ERROR says the account, not the request, is the problem, naming the option', () => {
    const f = idenfy(403, 'PARTNER_CONTRACT_ERROR', 'Your contract does not allow generateDigitString.');
    assert.equal(f.cause, 'contractError');
    assert.equal(f.field, 'generateDigitString');
    assert.match(f.message, /contract does not enable 'generateDigitString'/);
    assert.equal(f.action, 'none');
    const whole = idenfy(403, 'PARTNER_CONTRACT_ERROR', 'checkDuplicateDocFaces is not in your contract');
    assert.equal(whole.field, 'checkDuplicateDocFaces');
    const firstNamed = idenfy(
      403,
      'PARTNER_CONTRACT_ERROR',
      'nfcRequired needs a contract; so does checkLiveness',
    );
    assert.equal(firstNamed.field, 'nfcRequired', 'the option named first');
    const unnamed = idenfy(400, 'PARTNER_CONTRACT_ERROR', 'Contract error.');
    assert.equal(unnamed.field, undefined);
    assert.match(unnamed.message, /an option it uses/);
  });

  it('403 / PERMISSIONS_ERROR is a permissions problem', () => {
    assert.equal(idenfy(403, 'PERMISSIONS_ERROR', 'No permission.').cause, 'permissionDenied');
    assert.equal(failureFromResponse({ status: 403, body: undefined }).cause, 'permissionDenied');
  });

  it('404 and 405 point at the base URL setting', () => {
    const nf = failureFromResponse({ status: 404, body: undefined });
    assert.deepEqual([nf.cause, nf.action], ['notFound', 'openSettings']);
    const mna = idenfy(405, 'METHOD_NOT_ALLOWED', 'Method "POST" not allowed.');
    assert.deepEqual([mna.cause, mna.action], ['methodNotAllowed', 'openSettings']);
  });

  it('409 is a duplicate active clientId', () => {
    const f = idenfy(409, 'PARTNER_ERROR', 'Client already has an active session.');
    assert.deepEqual([f.cause, f.field, f.action], ['duplicateClientId', 'clientId', 'showProblems']);
  });

  it('429 carries Retry-After in seconds', () => {
    const f = failureFromResponse({
      status: 429,
      body: { identifier: 'TOO_MANY_REQUESTS', message: 'x' },
      retryAfter: '30',
    });
    assert.deepEqual([f.cause, f.retryAfterSeconds], ['rateLimited', 30]);
    assert.match(f.message, /wait 30 seconds/);
    assertSentence(f);
  });

  it('429 carries Retry-After given as an HTTP date', () => {
    const now = new Date('2025-01-01T00:00:00Z');
    const f = failureFromResponse({
      status: 429,
      body: undefined,
      retryAfter: 'Wed, 01 Jan 2025 00:01:30 GMT',
      now,
    });
    assert.equal(f.retryAfterSeconds, 90);
  });

  it('5xx: a server error is not an unknown outcome, a gateway error is', () => {
    const e500 = idenfy(500, 'INTERNAL_ERROR', 'Internal error.');
    assert.deepEqual([e500.cause, e500.outcomeUnknown], ['serverError', false]);
    for (const status of [502, 504]) {
      const f = failureFromResponse({ status, body: undefined });
      assert.equal(f.outcomeUnknown, true);
      assert.match(f.message, /session may have been created.*check the iDenfy dashboard/);
    }
  });

  it('a non-JSON or empty error body says a proxy may have answered', () => {
    const f = failureFromResponse({ status: 500, body: undefined });
    assert.match(f.message, /not an iDenfy error, so a proxy may have answered/);
    assertSentence(f);
    const odd = failureFromResponse({ status: 418, body: { foo: 1 } });
    assert.equal(odd.cause, 'unexpectedStatus');
    assertSentence(odd);
  });

  it('quotes long server text shortened and on one line', () => {
    const f = idenfy(400, 'BAD_VALUE', `Field 'address' ${'x'.repeat(500)}\nsecond line`);
    assert.ok(f.message.length < 300);
  });
});

describe('field and Retry-After parsing', () => {
  it('fieldFromMessage reads the iDenfy form in several quote styles', () => {
    assert.equal(fieldFromMessage("Field 'country' is invalid"), 'country');
    assert.equal(fieldFromMessage('field "documents[0]" is invalid'), 'documents[0]');
    assert.equal(fieldFromMessage('No field here'), undefined);
  });

  it('parseRetryAfter handles seconds, past dates and garbage', () => {
    const now = new Date('2025-01-01T00:00:00Z');
    assert.equal(parseRetryAfter('0', now), 0);
    assert.equal(parseRetryAfter(' 120 ', now), 120);
    assert.equal(parseRetryAfter('Tue, 31 Dec 2024 23:00:00 GMT', now), 0);
    assert.equal(parseRetryAfter('soon', now), undefined);
    assert.equal(parseRetryAfter(undefined, now), undefined);
  });
});

describe('2xx bodies we cannot use', () => {
  it('is an unknown outcome: iDenfy said created', () => {
    for (const problem of ['empty', 'notJson', 'noToken'] as const) {
      const f = failureFromUnusableSuccess(201, problem);
      assert.equal(f.cause, 'invalidSuccessBody');
      assert.equal(f.outcomeUnknown, true);
      assertSentence(f);
    }
  });

  it('an oversized 2xx is an unknown outcome, an oversized error is not', () => {
    const ok = failureTooLarge(1024 * 1024, 201);
    assert.deepEqual([ok.cause, ok.outcomeUnknown], ['responseTooLarge', true]);
    assert.match(ok.message, /larger than 1 MiB/);
    assert.equal(failureTooLarge(1024 * 1024, 500).outcomeUnknown, false);
    assertSentence(ok);
  });
});

describe('failureFromNetworkError', () => {
  it('ENOTFOUND and ECONNREFUSED: nothing was sent, fix the settings', () => {
    const dns = net('ENOTFOUND', false);
    assert.deepEqual([dns.cause, dns.action, dns.outcomeUnknown], ['dnsNotFound', 'openSettings', false]);
    const refused = net('ECONNREFUSED', false);
    assert.deepEqual([refused.cause, refused.outcomeUnknown], ['connectionRefused', false]);
  });

  it('ECONNRESET / UND_ERR_SOCKET before the request was written: safe to send again', () => {
    for (const code of ['ECONNRESET', 'UND_ERR_SOCKET']) {
      const f = net(code, false);
      assert.deepEqual([f.cause, f.outcomeUnknown], ['connectionReset', false]);
      assert.match(f.message, /no session was created/);
    }
  });

  it('ECONNRESET / UND_ERR_SOCKET after the request was written: check before sending again', () => {
    for (const code of ['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE']) {
      const f = net(code, true);
      assert.deepEqual([f.cause, f.outcomeUnknown], ['connectionReset', true]);
      assert.match(
        f.message,
        /session may have been created.*check the iDenfy dashboard before sending again/,
      );
    }
  });

  it('certificate errors name the code and point at the proxy/TLS settings', () => {
    for (const code of [
      'DEPTH_ZERO_SELF_SIGNED_CERT',
      'SELF_SIGNED_CERT_IN_CHAIN',
      'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
      'CERT_HAS_EXPIRED',
      'ERR_TLS_CERT_ALTNAME_INVALID',
    ]) {
      const f = net(code, false);
      assert.deepEqual([f.cause, f.action, f.outcomeUnknown], ['tlsCertificate', 'openSettings', false]);
      assert.ok(f.message.includes(code));
    }
  });

  it('headers/body timeouts and our deadline after sending are unknown outcomes', () => {
    for (const code of ['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']) {
      const f = net(code, true, { timeoutMs: 5000 });
      assert.deepEqual([f.cause, f.outcomeUnknown], ['timeout', true]);
      assert.match(f.message, /within 5000 ms, so a session may have been created/);
    }
    const deadline = failureFromNetworkError(new DOMException('x', 'TimeoutError'), {
      requestSent: true,
      deadline: true,
    });
    assert.deepEqual([deadline.cause, deadline.outcomeUnknown, deadline.code], ['timeout', true, 'DEADLINE']);
  });

  it('says a session was probably created when a 2xx status had already arrived', () => {
    const reset = net('UND_ERR_SOCKET', true, { status: 201 });
    assert.match(
      reset.message,
      /^The connection was lost after iDenfy answered HTTP 201, so a session was probably created/,
    );
    const stalled = net('UND_ERR_BODY_TIMEOUT', true, { status: 201, timeoutMs: 300 });
    assert.match(
      stalled.message,
      /^The response body did not arrive within 300 ms after iDenfy answered HTTP 201/,
    );
    assert.equal(stalled.outcomeUnknown, true);
  });

  it('a connect timeout is not an unknown outcome: nothing was written', () => {
    const f = net('UND_ERR_CONNECT_TIMEOUT', false);
    assert.deepEqual([f.cause, f.outcomeUnknown, f.action], ['timeout', false, 'openSettings']);
  });

  it('cancellation: before sending nothing exists, after sending a session may exist', () => {
    const abort = new DOMException('aborted', 'AbortError');
    const before = failureFromNetworkError(abort, { requestSent: false });
    assert.deepEqual([before.cause, before.outcomeUnknown], ['cancelled', false]);
    const after = failureFromNetworkError(abort, { requestSent: true, cancelled: true });
    assert.deepEqual([after.cause, after.outcomeUnknown], ['cancelled', true]);
    assertSentence(before);
    assertSentence(after);
  });

  it('a refused proxy tunnel is a proxy problem', () => {
    const err = Object.assign(new Error('Proxy response (407) !== 200 when HTTP Tunneling'), {
      code: 'UND_ERR_ABORTED',
    });
    assert.equal(failureFromNetworkError(err, { requestSent: false }).cause, 'proxyError');
  });

  it('finds a code on the cause chain, as fetch-style wrappers put it there', () => {
    const wrapped = new TypeError('fetch failed', {
      cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }),
    });
    assert.equal(failureFromNetworkError(wrapped, { requestSent: false }).cause, 'connectionRefused');
  });

  it('unknown errors fall back to the output log, honest about the outcome', () => {
    assert.deepEqual(
      [
        net('EWHATEVER', true).cause,
        net('EWHATEVER', true).outcomeUnknown,
        net('EWHATEVER', false).outcomeUnknown,
      ],
      ['network', true, false],
    );
  });
});
