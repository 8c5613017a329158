/**
 * How VS Code's JSON service (vscode-json-languageservice, with the generated webhook schema as
 * package.json binds it) behaves in a *.idenfy-webhook.json file: completion and hover carry the
 * descriptions, a misspelt top-level key is warned about, a new key inside data is not, a wrong
 * enum value is flagged, and request files are unaffected.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-json-languageservice';
import { complete, createService, createWebhookService, diagnose, hover } from '../support/json-service';
import { RICH_PAYLOADS, TEMPLATE_PAYLOADS } from '../support/webhook-payloads';

const FILE = 'approved.idenfy-webhook.json';
const service = createWebhookService();
const approved = TEMPLATE_PAYLOADS[0] ?? {};
const text = (value: unknown) => JSON.stringify(value, null, 2);
const messageOf = (d: Diagnostic | undefined) =>
  typeof d?.message === 'string' ? d.message : (d?.message.value ?? '');

/** The value's position: right after `"key": "` of the first occurrence of `"key": "value"`. */
function insideValue(document: string, key: string, value: string): number {
  const at = document.indexOf(`"${key}": "${value}"`);
  assert.ok(at >= 0, `${key}: ${value} not in the document`);
  return at + `"${key}": "`.length;
}

describe('the webhook schema in the editor', () => {
  it('finds nothing wrong in the templates and the payloads with every block', async () => {
    for (const payload of [...TEMPLATE_PAYLOADS, ...RICH_PAYLOADS]) {
      assert.deepEqual(await diagnose(service, text(payload), FILE), []);
    }
  });

  it('completes status.overall with every value and its meaning', async () => {
    const document = text(approved);
    const list = await complete(service, document, insideValue(document, 'overall', 'APPROVED'), FILE);
    const labels = list.items.map((i) => i.label.replace(/"/g, ''));
    for (const value of ['APPROVED', 'DENIED', 'SUSPECTED', 'REVIEWING', 'EXPIRED'])
      assert.ok(labels.includes(value));
    const denied = list.items.find((i) => i.label.replace(/"/g, '') === 'DENIED');
    const doc = JSON.stringify(denied?.documentation ?? '');
    assert.match(doc, /a document or face check failed/i);
  });

  it('completes a country inside a block with its name (the shared country definition)', async () => {
    const document = text(RICH_PAYLOADS[0]);
    const list = await complete(service, document, insideValue(document, 'country', 'LT'), FILE);
    const lt = list.items.find((i) => i.label.replace(/"/g, '') === 'LT');
    assert.match(JSON.stringify(lt?.documentation ?? ''), /Lithuania/);
  });

  it('hovers a field with its description and an enum value with its meaning', async () => {
    const document = text(approved);
    const onKey = await hover(service, document, document.indexOf('"finishTime"') + 2, FILE);
    assert.match(JSON.stringify(onKey?.contents), /unix seconds/);
    const onValue = await hover(service, document, insideValue(document, 'autoFace', 'FACE_MATCH') + 1, FILE);
    assert.match(JSON.stringify(onValue?.contents), /FACE_MATCH|face/i);
    const onDataKey = await hover(service, document, document.indexOf('"docExpiry"') + 2, FILE);
    assert.match(JSON.stringify(onDataKey?.contents), /Expiry date/);
  });

  it('warns about an unknown top-level key, on the key', async () => {
    const document = text({ ...approved, scanref: 'x' });
    const diagnostics = await diagnose(service, document, FILE);
    assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
    assert.match(messageOf(diagnostics[0]), /scanref/);
  });

  it('lets a key iDenfy adds inside data (or a block) pass', async () => {
    const withNew = { ...approved, data: { ...(approved.data as object), docNewField: 'x' } };
    assert.deepEqual(await diagnose(service, text(withNew), FILE), []);
    const rich = RICH_PAYLOADS[0] as Record<string, unknown>;
    const inBlock = { ...rich, riskAssessment: { ...(rich.riskAssessment as object), riskModel: 'v2' } };
    assert.deepEqual(await diagnose(service, text(inBlock), FILE), []);
  });

  it('flags a wrong enum value, at any depth', async () => {
    const status = { ...(approved.status as object), autoDocument: 'DOC_VALID' };
    const diagnostics = await diagnose(service, text({ ...approved, status }), FILE);
    assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
    assert.match(messageOf(diagnostics[0]), /DOC_VALIDATED/);
    const rich = RICH_PAYLOADS[0] as Record<string, unknown>;
    const risk = { ...rich, riskAssessment: { riskScore: 1, riskLevel: 'SMALL' } };
    assert.equal((await diagnose(service, text(risk), FILE)).length, 1);
  });

  it('accepts comments and a trailing comma, though VS Code validates the webhook language strictly', async () => {
    // VS Code's JSON server is lenient only for jsonc; an idenfy-webhook file passes because its schema
    // says allowComments and allowTrailingCommas (the participant's `comments: true` is not read there).
    const commented = text(approved).replace('{\n', '{\n  // approved, as sent\n').replace(/\n}$/, ',\n}');
    assert.deepEqual(await diagnose(service, commented, FILE), []);
    const schema = JSON.parse(
      readFileSync(join(__dirname, '../../schemas/idenfy-webhook.schema.json'), 'utf8'),
    );
    const strict = createWebhookService(
      JSON.stringify({ ...schema, allowComments: undefined, allowTrailingCommas: undefined }),
    );
    const messages = (await diagnose(strict, commented, FILE)).map(messageOf).sort();
    assert.deepEqual(messages, ['Comments are not permitted in JSON.', 'Trailing comma']);
  });

  it('is bound to *.idenfy-webhook.json only: a request file keeps the request schema', async () => {
    const requestService = createService();
    const asRequest = await diagnose(requestService, text(approved), 'approved.idenfy.json');
    assert.ok(asRequest.length > 0, 'a payload in a request file should be flagged by the request schema');
    // Another JSON file is left alone, even with what would be a mistake in a fixture.
    assert.deepEqual(await diagnose(service, text({ ...approved, scanref: 'x' }), 'other.json'), []);
  });
});
