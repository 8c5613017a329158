/** The full result as a readable document: verdict first, the meaning of every value, then the data. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FRAUD_TAGS, MISMATCH_TAGS, OVERALL_STATUSES } from '../../src/model/result-vocabulary';
import { explainFullResult } from '../../src/session/explain-result';

const meaning = (terms: readonly { value: string; description: string }[], v: string) =>
  terms.find((t) => t.value === v)?.description as string;

const answer = {
  final: false,
  platform: 'PC',
  status: {
    overall: 'DENIED',
    autoDocument: 'DOC_VALIDATED',
    autoFace: 'FACE_MISMATCH',
    manualDocument: null,
    manualFace: null,
    fraudTags: ['FACE_IN_BLACKLIST'],
    mismatchTags: ['NAME'],
  },
  data: { docFirstName: 'Ona *bold*', docLastName: 'Jonaitė|x', docDob: '1990-01-01', docNumber: null },
  fileUrls: { FRONT: 'http://127.0.0.1:1/files/front.png' },
  scanRef: 'fdd0d672-5289-4736',
  clientId: 'client-1',
  startTime: 1_700_000_000,
  finishTime: 1_700_000_100,
};

test('verdict first, then each check, fraud tag and mismatch tag with its meaning, then the data', () => {
  const md = explainFullResult(answer, { fetchedAt: new Date('2026-12-01T12:00:00Z') });
  const at = (text: string) => {
    const i = md.indexOf(text);
    assert.ok(i >= 0, `missing: ${text}\n${md}`);
    return i;
  };
  assert.ok(md.startsWith('# Verification DENIED\n'));
  const order = [
    at(meaning(OVERALL_STATUSES, 'DENIED')),
    at('`FACE_MISMATCH`'),
    at('Manual face review**: not reviewed'),
    at(`\`FACE_IN_BLACKLIST\`: ${meaning(FRAUD_TAGS, 'FACE_IN_BLACKLIST')}`),
    at(`\`NAME\`: ${meaning(MISMATCH_TAGS, 'NAME')}`),
    at('| docDob | 1990-01-01 |'),
    at('expire one hour after the answer (at 2026-12-01T13:00:00.000Z)'),
  ];
  assert.deepEqual(
    order,
    [...order].sort((a, b) => a - b),
  );
  // Values people typed cannot format the document; absent data is left out.
  assert.match(md, /Ona \\\*bold\\\*/);
  assert.match(md, /Jonaitė\\\|x/);
  assert.doesNotMatch(md, /docNumber/);
  // Inside a code span escapes would show: the scanRef is shown as it is.
  assert.match(md, /\*\*scanRef\*\* `fdd0d672-5289-4736`/);
});

test('no tags and no photos say so; an unknown value is named, not dropped', () => {
  const md = explainFullResult(
    { status: { overall: 'NEW_STATUS', fraudTags: [], mismatchTags: [], autoDocument: 'DOC_X' }, data: {} },
    { fetchedAt: new Date(0) },
  );
  assert.match(md, /# Verification NEW_STATUS/);
  assert.match(md, /## Fraud tags\n\nNone raised\./);
  assert.match(md, /`DOC_X`: Not a value this extension knows/);
  assert.match(md, /No personal data in this answer\./);
  assert.doesNotMatch(md, /## Photos/);
});
