/** The page's three example requests are valid, for zod and for the editor. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validateRequest } from '../../src/model/validate';
import { PAGE_EXAMPLE_TEXTS } from '../support/arbitraries';
import { createService, diagnose } from '../support/json-service';

const service = createService();
const titles = [
  'only clientId',
  'clientId with names',
  'full control (callbackUrl, additionalSteps: null ...)',
];

PAGE_EXAMPLE_TEXTS.forEach((text, i) => {
  test(`page example ${i + 1} (${titles[i]}) passes validateRequest`, () => {
    const result = validateRequest(JSON.parse(text));
    assert.deepEqual(result.ok ? [] : result.issues, []);
  });

  test(`page example ${i + 1} (${titles[i]}) gets no diagnostics in a *.idenfy.json file`, async () => {
    assert.deepEqual(await diagnose(service, text), []);
  });
});

test('the full-control example keeps its values and gets the documented defaults for the rest', () => {
  const result = validateRequest(JSON.parse(PAGE_EXAMPLE_TEXTS[2]));
  assert.ok(result.ok);
  assert.equal(result.data.callbackUrl, 'https://mywebsite.com/idenfy/webhookendpoint');
  assert.equal(result.data.country, 'lt');
  assert.equal(result.data.expiryTime, 600);
  assert.equal(result.data.additionalSteps, null);
  assert.equal(result.data.additionalData, null);
  assert.equal(Object.keys(JSON.parse(PAGE_EXAMPLE_TEXTS[2])).length, 27);
});

test('the minimal example gets the page-table defaults', () => {
  const result = validateRequest(JSON.parse(PAGE_EXAMPLE_TEXTS[0]));
  assert.ok(result.ok);
  assert.equal(result.data.expiryTime, 86400);
  assert.equal(result.data.sessionLength, 1800);
  assert.equal(result.data.locale, 'en');
  assert.deepEqual(result.data.documents, ['ID_CARD', 'PASSPORT']);
  assert.equal(result.data.tokenType, 'IDENTIFICATION');
  assert.equal(result.data.successUrl, 'https://ui.idenfy.com/result?status=success');
});
