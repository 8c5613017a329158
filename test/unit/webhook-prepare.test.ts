/**
 * validateWebhook and prepareWebhook: a fixture with problems is refused with positioned messages;
 * a clean one gives the document's own bytes (comments and trailing commas removed, nothing
 * re-encoded) and the parsed payload.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { validateWebhook } from '../../src/model/validate-webhook';
import { prepareWebhook } from '../../src/webhooks/prepare-webhook';

const APPROVED = {
  final: true,
  platform: 'PC',
  status: {
    overall: 'APPROVED',
    fraudTags: [],
    mismatchTags: [],
    autoDocument: 'DOC_VALIDATED',
    autoFace: 'FACE_MATCH',
    manualDocument: null,
    manualFace: null,
    additionalSteps: null,
  },
  data: {
    docFirstName: 'JOHN',
    docLastName: 'SAMPLE',
    docNumber: 'EM1234567',
    docPersonalCode: null,
    docExpiry: '2030-01-01',
    docDob: '1990-01-01',
    docDateOfIssue: '2020-01-01',
    docType: 'ID_CARD',
    docSex: 'MALE',
    docNationality: 'LT',
    docIssuingCountry: 'LT',
    fullName: 'JOHN SAMPLE',
    selectedCountry: 'LT',
    manuallyDataChanged: false,
    orgFirstName: 'John',
    orgLastName: 'Sample',
    orgNationality: null,
    orgBirthPlace: null,
    orgAuthority: null,
    orgAddress: null,
  },
  fileUrls: { FRONT: 'https://example.com/front.jpg' },
  AML: null,
  LID: null,
  scanRef: '3af0b6a4-5e2b-11ee-8c99-0242ac120002',
  externalRef: null,
  clientId: 'user-123',
  startTime: 1700000000,
  finishTime: 1700000060,
  clientIp: '203.0.113.7',
  clientIpCountry: 'LT',
  clientLocation: 'Vilnius, Lithuania',
};

describe('validateWebhook', () => {
  it('accepts an approved payload', () => {
    const result = validateWebhook(APPROVED);
    assert.deepEqual(result.ok ? [] : result.issues, []);
  });

  it('names a misspelt top-level key with the nearest known one', () => {
    const result = validateWebhook({ ...APPROVED, scanref: 'x' });
    assert.ok(!result.ok);
    assert.deepEqual(result.issues, [
      {
        path: ['scanref'],
        kind: 'unknown_property',
        message: 'Unknown property "scanref". Did you mean "scanRef"?',
      },
    ]);
  });

  it('lets iDenfy add keys inside data, and refuses a wrong enum value', () => {
    assert.ok(validateWebhook({ ...APPROVED, data: { ...APPROVED.data, somethingNew: 1 } }).ok);
    const bad = validateWebhook({ ...APPROVED, status: { ...APPROVED.status, overall: 'APPROVE' } });
    assert.ok(!bad.ok);
    assert.deepEqual(
      bad.issues.map((i) => [i.path.join('.'), i.kind]),
      [['status.overall', 'bad_value']],
    );
  });

  it('reports a missing required field', () => {
    const { scanRef: _gone, ...rest } = APPROVED;
    const result = validateWebhook(rest);
    assert.ok(!result.ok);
    assert.deepEqual(result.issues, [
      { path: ['scanRef'], kind: 'missing', message: '"scanRef" is required.' },
    ]);
  });
});

describe('prepareWebhook', () => {
  it('gives the exact body: comments, whitespace and trailing commas out, every token as spelt', () => {
    const json = JSON.stringify(APPROVED, null, 2);
    const text = `// approved\n${json.replace('"final": true,', '"final": true, /* auto only */').replace(/\n}$/, ',\n}')}`;
    const prepared = prepareWebhook(text.replace('1700000060', '1.70000006e9'));
    assert.ok(prepared.ok, JSON.stringify(prepared));
    // The number keeps its spelling: the bytes are the document's, not a re-encoding.
    assert.ok(prepared.body.includes('"finishTime":1.70000006e9'));
    assert.ok(!prepared.body.includes('// approved') && !prepared.body.includes('auto only'));
    assert.equal(prepared.payload.finishTime, 1700000060);
    assert.deepEqual(JSON.parse(prepared.body), { ...APPROVED });
  });

  it('refuses a fixture with problems, each at its place', () => {
    const text = JSON.stringify({ ...APPROVED, platfrom: 'PC' }, null, 2);
    const prepared = prepareWebhook(text);
    assert.ok(!prepared.ok);
    const [problem] = prepared.problems;
    assert.equal(prepared.problems.length, 1);
    assert.equal(text.slice(problem?.offset, (problem?.offset ?? 0) + (problem?.length ?? 0)), '"platfrom"');
    assert.equal(problem?.source, 'model');
  });

  it('refuses syntax errors, duplicate keys and empty files with webhook wording', () => {
    assert.equal(prepareWebhook('{"final": true,, }').ok, false);
    const dup = prepareWebhook('{"final": true, "final": false}');
    assert.ok(!dup.ok && dup.problems.some((p) => p.source === 'document'));
    const empty = prepareWebhook('// nothing\n');
    assert.ok(!empty.ok);
    assert.match(empty.problems[0]?.message ?? '', /no webhook payload/);
    const array = prepareWebhook('[]');
    assert.ok(!array.ok);
    assert.match(array.problems[0]?.message ?? '', /IdentificationWebhook/);
  });
});

describe('the webhook fixtures of the test workspace (and of the npm start sample)', () => {
  const read = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'workspace', name), 'utf8');
  const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

  it('approved.idenfy-webhook.json is ready to send', () => {
    const prepared = prepareWebhook(read('approved.idenfy-webhook.json'));
    assert.ok(prepared.ok, JSON.stringify(prepared));
    assert.equal(prepared.payload.status.overall, 'APPROVED');
  });

  it('mistakes.idenfy-webhook.json has one problem per marked line, and none for the new data key', () => {
    const text = read('mistakes.idenfy-webhook.json');
    const prepared = prepareWebhook(text);
    assert.ok(!prepared.ok);
    const found = prepared.problems
      .map((p) => [lineOf(text, p.offset), p.message])
      .sort((a, b) => Number(a[0]) - Number(b[0]));
    assert.deepEqual(found, [
      [1, '"scanRef" is required.'],
      [4, "Not one of iDenfy's platform values: PC, MOBILE, TABLET, MOBILE_APP, MOBILE_SDK, OTHER."],
      [8, "Not one of iDenfy's mismatch tag values; see the completion list (Ctrl+Space)."],
      [24, "Not one of iDenfy's sex values: MALE, FEMALE, UNDEFINED."],
      [39, 'Unknown property "scanref". Did you mean "scanRef"?'],
      [41, 'Expected a number.'],
    ]);
  });
});
