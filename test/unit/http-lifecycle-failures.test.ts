/**
 * The pure pieces of the lifecycle client: how the failure mappers word a failure by operation
 * (a scanRef's absence vs a wrong URL; the delete refusal; what a lost answer leaves unknown), and
 * how a Base64 PDF is read from an answer whose field name iDenfy does not document.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { failureFromNetworkError } from '../../src/http/network-failures';
import type { Operation } from '../../src/http/operation';
import { pdfFromAnswer } from '../../src/http/pdf';
import { failureFromResponse } from '../../src/http/status-failures';
import { tinyPdf } from '../support/idenfy-test-server';

const STATUS: Operation = { method: 'POST', path: '/api/v2/status', effect: 'read', scanRef: 'sr-1' };
const DELETE: Operation = { method: 'POST', path: '/api/v2/delete', effect: 'delete', scanRef: 'sr-1' };
const LIST: Operation = { method: 'GET', path: '/kyc/identifications/', effect: 'read' };
const NOT_EXPIRED = {
  identifier: 'PARTNER_ERROR',
  message: 'Token has not expired yet.',
  severity: 'NOT_SEVERE',
};

describe('failureFromResponse by operation', () => {
  it('a bare 404 (no iDenfy JSON) is a wrong URL naming the endpoint, not a missing scanRef', () => {
    const f = failureFromResponse({ status: 404, body: undefined, text: 'Not Found' }, STATUS);
    assert.equal(f.cause, 'notFound');
    assert.match(f.message, /^The server has no \/api\/v2\/status endpoint \(HTTP 404\)/);
  });

  it("iDenfy's 404, or a 400 saying 'not found', is the scanRef's absence", () => {
    for (const [status, message] of [
      [404, 'Not found.'],
      [400, 'Identification does not exist.'],
    ] as const) {
      const f = failureFromResponse({ status, body: { identifier: 'NOT_FOUND', message } }, STATUS);
      assert.equal(f.cause, 'scanRefNotFound', `${status} ${message}`);
    }
  });

  it("a listing page past the end is pageNotFound (iDenfy's JSON or Django REST's detail), not a wrong URL", () => {
    const page4: Operation = { ...LIST, page: 4 };
    for (const body of [{ identifier: 'NOT_FOUND', message: 'Invalid page.' }, { detail: 'Invalid page.' }]) {
      const f = failureFromResponse({ status: 404, body }, page4);
      assert.deepEqual([f.cause, f.action], ['pageNotFound', 'none'], JSON.stringify(body));
      assert.match(f.message, /^iDenfy has no page 4 of this list \(HTTP 404\)/);
    }
    assert.equal(
      failureFromResponse({ status: 404, body: undefined, text: 'Not Found' }, page4).cause,
      'notFound',
    );
  });

  it('a read refused because the personal data was deleted is dataDeleted', () => {
    const body = {
      identifier: 'PARTNER_ERROR',
      message: 'The personal data of this verification was deleted.',
    };
    const pdf: Operation = { ...STATUS, path: '/api/v2/generate-pdf' };
    const f = failureFromResponse({ status: 400, body }, pdf);
    assert.deepEqual([f.cause, f.action, f.outcomeUnknown], ['dataDeleted', 'none', false]);
    assert.match(f.message, /^The personal data of verification "sr-1" was deleted/);
    assert.equal(
      failureFromResponse({ status: 400, body }).cause,
      'unexpectedStatus',
      'Create Session unchanged',
    );
  });

  it('the delete refusal is tokenNotExpired for a delete only', () => {
    assert.equal(failureFromResponse({ status: 400, body: NOT_EXPIRED }, DELETE).cause, 'tokenNotExpired');
    assert.equal(failureFromResponse({ status: 400, body: NOT_EXPIRED }, STATUS).cause, 'unexpectedStatus');
  });

  it('a refused value in a lifecycle request points to the log, not to a document to fix', () => {
    const body = { identifier: 'MISSING_VALUE', message: "Field 'scanRef' is required." };
    const f = failureFromResponse({ status: 400, body }, STATUS);
    assert.deepEqual([f.cause, f.action], ['missingValue', 'openOutput']);
    assert.match(
      f.message,
      /^iDenfy refused the \/api\/v2\/status request \(HTTP 400\) \(iDenfy said: "Field 'scanRef' is required"\): see the output log/,
    );
    assert.equal(
      failureFromResponse({ status: 400, body }).action,
      'showProblems',
      'Create Session unchanged',
    );
  });

  it('405 names the method and path; 409 is a duplicate clientId only for Create Session', () => {
    assert.match(
      failureFromResponse({ status: 405, body: undefined }, LIST).message,
      /does not accept GET at \/kyc\/identifications\//,
    );
    assert.equal(failureFromResponse({ status: 409, body: undefined }, STATUS).cause, 'unexpectedStatus');
    assert.equal(failureFromResponse({ status: 409, body: undefined }).cause, 'duplicateClientId');
  });

  it('a 504 leaves a read known, a delete unknown, and a create unknown (unchanged)', () => {
    assert.equal(failureFromResponse({ status: 504, body: undefined }, STATUS).outcomeUnknown, false);
    assert.equal(failureFromResponse({ status: 504, body: undefined }, DELETE).outcomeUnknown, true);
    assert.equal(failureFromResponse({ status: 504, body: undefined }).outcomeUnknown, true);
  });
});

describe('failureFromNetworkError by operation', () => {
  const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
  it('a read never leaves anything unknown and never talks of sessions', () => {
    for (const requestSent of [false, true]) {
      const f = failureFromNetworkError(reset, { requestSent }, STATUS);
      assert.equal(f.outcomeUnknown, false);
      assert.doesNotMatch(f.message, /session/);
    }
  });
  it('a sent delete may have deleted; an unsent one did not', () => {
    const sent = failureFromNetworkError(reset, { requestSent: true }, DELETE);
    assert.equal(sent.outcomeUnknown, true);
    assert.match(
      sent.message,
      /personal data may have been deleted: check the status before deleting again\.$/,
    );
    const unsent = failureFromNetworkError(reset, { requestSent: false }, DELETE);
    assert.equal(unsent.outcomeUnknown, false);
    assert.match(unsent.message, /so nothing was deleted: try again\.$/);
  });
});

describe('pdfFromAnswer', () => {
  const pdf = tinyPdf();
  const b64 = pdf.toString('base64');
  it('reads the documented Base64 from any of the shapes an answer may take', () => {
    const shapes: Array<[string, unknown]> = [
      [JSON.stringify({ pdf: b64 }), { pdf: b64 }],
      [
        JSON.stringify({ fileName: 'report.pdf', anotherName: b64 }),
        { fileName: 'report.pdf', anotherName: b64 },
      ],
      [JSON.stringify(b64), b64],
      [b64, undefined],
      ['', { pdf: `data:application/pdf;base64,${b64}` }],
      ['', { pdf: b64.replace(/(.{76})/g, '$1\n') }],
      ['', { pdf: pdf.toString('base64url') }],
    ];
    for (const [text, json] of shapes) assert.deepEqual(pdfFromAnswer(text, json), pdf, text.slice(0, 40));
  });
  it('refuses Base64 that is not a PDF, and text that is not Base64', () => {
    assert.equal(
      pdfFromAnswer('', { pdf: Buffer.from('<html>not a pdf</html>').toString('base64') }),
      undefined,
    );
    assert.equal(pdfFromAnswer('', { pdf: '%PDF-1.4 raw, not base64' }), undefined);
    assert.equal(pdfFromAnswer('', { pdf: 42 }), undefined);
    assert.equal(pdfFromAnswer('', null), undefined);
  });
});
