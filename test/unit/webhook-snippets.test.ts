/**
 * The webhook fixture templates: each body (at its defaults, and as the snippet file inserts it) is
 * valid for the webhook model, the webhook schema and prepareWebhook; the catalog covers the
 * common events; and each kind of template is offered only in its kind of file, as VS Code picks
 * them: contributes.snippets by the document's language (from package.json `languages`), plus the
 * completions of the JSON service for the schema bound to the file.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { WEBHOOK_SNIPPETS_PATH } from '../../src/build/generated-files';
import { validateWebhook } from '../../src/model/validate-webhook';
import { TEMPLATES, type Template, WEBHOOK_TEMPLATES } from '../../src/snippets/catalog';
import { plainBody } from '../../src/snippets/render';
import { prepareWebhook } from '../../src/webhooks/prepare-webhook';
import { complete, createService, createWebhookService, diagnose, languageOf } from '../support/json-service';
import { expandSnippet } from '../support/snippet-syntax';

const root = join(__dirname, '..', '..');
const FILE = 'fixture.idenfy-webhook.json';
const service = createWebhookService();
const snippetFile = JSON.parse(readFileSync(join(root, WEBHOOK_SNIPPETS_PATH), 'utf8')) as Record<
  string,
  { prefix: string; description: string; body: string[] }
>;
const inserted = (t: Template) => expandSnippet((snippetFile[t.label]?.body ?? []).join('\n'));

test('the webhook snippets file has one entry per template, prefixes start with "idenfy-webhook"', () => {
  assert.deepEqual(
    Object.keys(snippetFile),
    WEBHOOK_TEMPLATES.map((t) => t.label),
  );
  for (const t of WEBHOOK_TEMPLATES) assert.match(snippetFile[t.label]?.prefix ?? '', /^idenfy-webhook-/);
  const prefixes = [...TEMPLATES, ...WEBHOOK_TEMPLATES].map((t) => t.prefix);
  assert.equal(new Set(prefixes).size, prefixes.length, 'a prefix is used twice');
  console.log(`webhook snippet templates: ${WEBHOOK_TEMPLATES.length}`);
});

for (const t of WEBHOOK_TEMPLATES) {
  test(`${t.prefix}: valid for zod, the editor and prepareWebhook, as inserted`, async () => {
    const body = plainBody(t.body);
    const zod = validateWebhook(body);
    assert.deepEqual(zod.ok ? [] : zod.issues, []);
    const text = inserted(t);
    assert.deepEqual(JSON.parse(text), body);
    assert.deepEqual(await diagnose(service, text, FILE), []);
    const prepared = prepareWebhook(text);
    assert.ok(prepared.ok, JSON.stringify(prepared));
  });
}

function find(what: string, has: (b: Record<string, unknown>, s: Record<string, unknown>) => boolean): void {
  const found = WEBHOOK_TEMPLATES.some((t) => {
    const b = plainBody(t.body) as Record<string, unknown>;
    return has(b, b.status as Record<string, unknown>);
  });
  assert.ok(found, `no template for: ${what}`);
}

test('the catalog covers the common events', () => {
  find(
    'approved, automatic only, final',
    (b, s) =>
      b.final === true && s.overall === 'APPROVED' && s.manualDocument === null && s.manualFace === null,
  );
  find(
    'interim automatic result, manual review pending',
    (b, s) => b.final === false && s.manualFace === null,
  );
  find('manual result', (b, s) => b.final === true && s.manualDocument !== null && s.manualFace !== null);
  find('denied with document/face statuses', (_b, s) => s.overall === 'DENIED' && s.autoDocument !== null);
  find(
    'suspected with fraud and mismatch tags',
    (_b, s) =>
      s.overall === 'SUSPECTED' &&
      (s.fraudTags as unknown[]).length > 0 &&
      (s.mismatchTags as unknown[]).length > 0,
  );
  find('expired', (_b, s) => s.overall === 'EXPIRED' && s.autoDocument === null);
  assert.ok(
    WEBHOOK_TEMPLATES.some((t) => /cancel/i.test(t.label)),
    'no template for: cancelled',
  );
});

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  contributes: {
    snippets: { language: string; path: string }[];
  };
};

/** Labels of the templates offered in an empty file called `name`, with how often each is offered. */
async function offered(name: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const add = (label: string) => counts.set(label, (counts.get(label) ?? 0) + 1);
  for (const entry of manifest.contributes.snippets) {
    if (entry.language !== languageOf(name)) continue;
    const file = JSON.parse(readFileSync(join(root, entry.path), 'utf8')) as Record<string, unknown>;
    Object.keys(file).forEach(add);
  }
  const schemaService = name.endsWith('.idenfy-webhook.json') ? service : createService();
  const all = [...TEMPLATES, ...WEBHOOK_TEMPLATES];
  for (const item of (await complete(schemaService, '', 0, name)).items) {
    const body = item.insertText && expandSnippet(item.insertText).replace(/\s/g, '');
    const t = all.find((x) => x.label === item.label || JSON.stringify(plainBody(x.body)) === body);
    if (t) add(t.label);
  }
  return counts;
}

test('webhook files are their own language, and the JSON service still validates them', () => {
  assert.equal(languageOf('approved.idenfy-webhook.json'), 'idenfy-webhook');
  assert.equal(languageOf('request.idenfy.json'), 'jsonc');
  assert.equal(languageOf('package.json'), 'json');
  const participants = (
    manifest.contributes as { jsonLanguageParticipants?: { languageId: string; comments?: boolean }[] }
  ).jsonLanguageParticipants;
  assert.deepEqual(participants, [{ languageId: 'idenfy-webhook', comments: true }]);
});

test('each webhook template is offered once in a webhook file, and no request template', async () => {
  const counts = await offered('new.idenfy-webhook.json');
  for (const t of WEBHOOK_TEMPLATES) assert.equal(counts.get(t.label), 1, t.label);
  for (const t of TEMPLATES)
    assert.equal(counts.get(t.label), undefined, `request template ${t.label} offered`);
});

test('no webhook template is offered in a request file or another JSON file', async () => {
  for (const name of ['new.idenfy.json', 'other.json']) {
    const counts = await offered(name);
    for (const t of WEBHOOK_TEMPLATES) assert.equal(counts.get(t.label), undefined, `${t.label} in ${name}`);
    assert.equal(counts.get(TEMPLATES[0]?.label ?? ''), 1, `request templates missing in ${name}`);
  }
});
