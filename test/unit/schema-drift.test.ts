/**
 * The committed generated files are what the model renders today, the manifest points at them, and
 * the schema has the shape VS Code needs.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  renderGeneratedFiles,
  SCHEMA_PATH,
  SNIPPETS_PATH,
  WEBHOOK_SCHEMA_PATH,
  WEBHOOK_SNIPPETS_PATH,
} from '../../src/build/generated-files';

const root = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

for (const [path, rendered] of Object.entries(renderGeneratedFiles())) {
  test(`${path} is up to date with its source`, () => {
    // Compared as text (not deepEqual) so the message stays short when they differ.
    assert.ok(read(path) === rendered, `${path} differs from what the model renders: run npm run schemas`);
  });
}

interface Manifest {
  contributes: {
    jsonValidation: { fileMatch: string | string[]; url: string }[];
    snippets: { language: string; path: string }[];
  };
}
const manifest = JSON.parse(read('package.json')) as Manifest;
const normalise = (path: string) => path.replace(/^\.\//, '');

for (const [path, pattern] of [
  [SCHEMA_PATH, '*.idenfy.json'],
  [WEBHOOK_SCHEMA_PATH, '*.idenfy-webhook.json'],
] as const) {
  test(`package.json binds ${path} to ${pattern}`, () => {
    const bindings = manifest.contributes.jsonValidation.filter((b) => normalise(b.url) === path);
    assert.equal(bindings.length, 1, `no jsonValidation entry with url ./${path}`);
    assert.deepEqual([bindings[0]?.fileMatch].flat(), [pattern]);
  });
}

test('package.json contributes the generated snippets files: requests for JSON, webhooks for webhook files', () => {
  const byLanguage = manifest.contributes.snippets.map((s) => [s.language, normalise(s.path)]);
  assert.deepEqual(byLanguage.sort(), [
    ['idenfy-webhook', WEBHOOK_SNIPPETS_PATH],
    ['json', SNIPPETS_PATH],
    ['jsonc', SNIPPETS_PATH],
  ]);
});

const schema = JSON.parse(read(SCHEMA_PATH)) as Record<string, unknown>;

test('the schema is draft-07 and allows comments and trailing commas', () => {
  assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
  assert.equal(schema.allowComments, true);
  assert.equal(schema.allowTrailingCommas, true);
  assert.equal(schema.type, 'object');
});

/** Every `required` list in the schema, with where it is. */
function requiredLists(node: unknown, where: string[] = []): { where: string; required: string[] }[] {
  if (Array.isArray(node)) return node.flatMap((n, i) => requiredLists(n, [...where, String(i)]));
  if (!node || typeof node !== 'object') return [];
  const own = Array.isArray((node as { required?: unknown }).required)
    ? [{ where: where.join('/'), required: (node as { required: string[] }).required }]
    : [];
  return [...own, ...Object.entries(node).flatMap(([k, v]) => requiredLists(v, [...where, k]))];
}

test('only clientId is required (defaults make everything else optional)', () => {
  assert.deepEqual(schema.required, ['clientId']);
  const lists = requiredLists(schema);
  // Elsewhere, `required` appears only in the conditions of the cross-field rules and inside one
  // additional step (its type; a step text's name and description).
  for (const { where, required } of lists) {
    if (where === '') continue;
    const inRuleCondition = /^dependencies\/\w+\/(allOf\/\d+\/)?if$/.test(where);
    const inStep =
      where.startsWith('properties/additionalSteps/') &&
      required.every((r) => ['type', 'name', 'description'].includes(r));
    assert.ok(inRuleCondition || inStep, `unexpected required ${JSON.stringify(required)} at ${where}`);
  }
  console.log(`required lists in the schema: ${lists.length} (top level: clientId)`);
});
