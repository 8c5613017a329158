import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { basicAuthValue, formatLogLine, REDACTED, redactSecret } from '../../src/http/redact';

const apiKey = 'key-123';
const apiSecret = 's3cr3t/with+special&chars"';

describe('redactSecret', () => {
  it('removes the raw secret wherever it appears', () => {
    const out = redactSecret(`a ${apiSecret} b ${apiSecret}`, { apiKey, apiSecret });
    assert.equal(out, `a ${REDACTED} b ${REDACTED}`);
  });

  it('removes the basic-auth token, which decodes to key:secret', () => {
    const header = basicAuthValue(apiKey, apiSecret);
    const out = redactSecret(`authorization: ${header}`, { apiKey, apiSecret });
    assert.equal(out, `authorization: Basic ${REDACTED}`);
    assert.ok(!out.includes(header.slice('Basic '.length)));
  });

  it('removes JSON-escaped and URL-encoded spellings of the secret', () => {
    const json = JSON.stringify({ s: apiSecret });
    const url = `https://x/?s=${encodeURIComponent(apiSecret)}`;
    const out = redactSecret(`${json} ${url}`, { apiKey, apiSecret });
    assert.ok(!out.includes(JSON.stringify(apiSecret).slice(1, -1)));
    assert.ok(!out.includes(encodeURIComponent(apiSecret)));
    assert.ok(!out.includes('s3cr3t'));
  });

  it('leaves text alone when the secret is empty (nothing to hide, nothing to mangle)', () => {
    assert.equal(redactSecret('plain text', { apiKey, apiSecret: '' }), 'plain text');
  });

  it('keeps the API key, which is not a secret on its own', () => {
    assert.equal(redactSecret(`key ${apiKey}`, { apiKey, apiSecret }), `key ${apiKey}`);
  });
});

describe('formatLogLine', () => {
  it('is one line with method, url, status, duration and scanRef', () => {
    const line = formatLogLine({
      method: 'post',
      url: new URL('https://ivs.idenfy.com/api/v2/token'),
      status: 201,
      durationMs: 123.6,
      scanRef: 'ec6a7108-8c26-11e9-9758-309c231b1bac',
    });
    assert.equal(
      line,
      'POST https://ivs.idenfy.com/api/v2/token -> 201 124 ms scanRef=ec6a7108-8c26-11e9-9758-309c231b1bac',
    );
  });

  it('drops userinfo and query strings (credentials, authTokens) from the URL', () => {
    const line = formatLogLine({
      method: 'GET',
      url: new URL('https://user:pw@ivs.idenfy.com/api/v2/redirect?authToken=abc'),
      durationMs: 1,
      status: 200,
    });
    assert.ok(!line.includes('pw'));
    assert.ok(!line.includes('authToken'));
    assert.ok(line.includes('https://ivs.idenfy.com/api/v2/redirect'));
  });

  it('says there was no response and names the cause when the request failed', () => {
    const line = formatLogLine({
      method: 'POST',
      url: new URL('http://127.0.0.1:1/api/v2/token'),
      durationMs: 5,
      cause: 'timeout',
    });
    assert.equal(line, 'POST http://127.0.0.1:1/api/v2/token -> no response 5 ms cause=timeout');
  });

  it('cannot be split into two lines by a value from the network', () => {
    const line = formatLogLine({
      method: 'POST',
      url: new URL('https://ivs.idenfy.com/api/v2/token'),
      status: 201,
      durationMs: 1,
      scanRef: 'abc\nFAKE LOG LINE\r\n',
    });
    assert.equal(line.split(/[\r\n]/).length, 1);
  });
});
