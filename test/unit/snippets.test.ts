/**
 * The snippet catalog: what each template inserts is a valid request (for zod and for the editor),
 * and each template is offered exactly once, through contributes.snippets (issue #9, item 13).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { SCHEMA_PATH, SNIPPETS_PATH } from '../../src/build/generated-files';
import { validateRequest } from '../../src/model/validate';
import { ph, TEMPLATES, type Template } from '../../src/snippets/catalog';
import { plainBody, snippetLines } from '../../src/snippets/render';
import { PAGE_EXAMPLES } from '../support/arbitraries';
import { expandSnippet } from '../support/expand-snippet';
import { complete, createService, diagnose } from '../support/json-service';

const root = join(__dirname, '..', '..');
const service = createService();

// biome-ignore-start lint/suspicious/noTemplateCurlyInString: these strings are snippet syntax
test('expandSnippet follows the snippet syntax', () => {
  assert.equal(expandSnippet('"${1:100000}"'), '"100000"');
  assert.equal(expandSnippet('"${2|M,F|}"'), '"M"');
  assert.equal(expandSnippet('"a\\$b\\}c\\\\d" $0'), '"a$b}c\\d" ');
  assert.equal(expandSnippet('${3|a\\,b,c|}'), 'a,b');
});
// biome-ignore-end lint/suspicious/noTemplateCurlyInString: these strings are snippet syntax

test('every template prefix starts with "idenfy"; prefixes and labels are unique', () => {
  for (const t of TEMPLATES) assert.match(t.prefix, /^idenfy/, t.label);
  assert.equal(new Set(TEMPLATES.map((t) => t.prefix)).size, TEMPLATES.length);
  assert.equal(new Set(TEMPLATES.map((t) => t.label)).size, TEMPLATES.length);
  console.log(`snippet templates: ${TEMPLATES.length}`);
});

const snippetFile = JSON.parse(readFileSync(join(root, SNIPPETS_PATH), 'utf8')) as Record<
  string,
  { prefix: string; description: string; body: string[] }
>;
const schema = JSON.parse(readFileSync(join(root, SCHEMA_PATH), 'utf8')) as Record<string, unknown>;

test('the snippets file has one entry per template', () => {
  assert.deepEqual(
    Object.keys(snippetFile),
    TEMPLATES.map((t) => t.label),
  );
  assert.deepEqual(
    Object.values(snippetFile).map((s) => s.prefix),
    TEMPLATES.map((t) => t.prefix),
  );
});

/**
 * How often VS Code lists each template at `offset` in a *.idenfy.json file (language jsonc): once
 * per contributes.snippets entry for jsonc whose file holds it (VS Code offers those in every
 * position), plus each completion of the JSON service (the schema) that carries its name or body.
 */
async function timesOffered(text: string, offset: number): Promise<Map<string, number>> {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    contributes: { snippets?: { language: string; path: string }[] };
  };
  const counts = new Map(TEMPLATES.map((t) => [t.label, 0]));
  for (const entry of manifest.contributes.snippets ?? []) {
    if (entry.language !== 'jsonc') continue;
    const file = JSON.parse(readFileSync(join(root, entry.path), 'utf8')) as Record<string, unknown>;
    for (const label of Object.keys(file)) counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  const list = await complete(service, text, offset);
  for (const t of TEMPLATES) {
    const body = JSON.stringify(plainBody(t.body));
    const fromSchema = list.items.filter(
      (i) => i.label === t.label || (i.insertText && expandSnippet(i.insertText).replace(/\s/g, '') === body),
    );
    counts.set(t.label, (counts.get(t.label) ?? 0) + fromSchema.length);
  }
  return counts;
}

for (const [where, text, offset] of [
  ['an empty file', '', 0],
  ['the empty root object', '{}', 1],
  ['the root object, after a property', '{"clientId": "1", }', 18],
] as const) {
  test(`in ${where}, each template is offered exactly once`, async () => {
    const counts = await timesOffered(text, offset);
    const notOnce = [...counts].filter(([, n]) => n !== 1);
    assert.deepEqual(notOnce, [], 'templates offered other than once');
  });
}

test('the schema holds no template (contributes.snippets is the one source)', () => {
  assert.equal((schema as Record<string, unknown>).defaultSnippets, undefined);
});

for (const t of TEMPLATES) {
  test(`${t.prefix}: the body with defaults is valid for zod and for the editor`, async () => {
    const body = plainBody(t.body);
    const result = validateRequest(body);
    assert.deepEqual(result.ok ? [] : result.issues, []);
    assert.deepEqual(await diagnose(service, JSON.stringify(body, null, 2)), []);
  });

  test(`${t.prefix}: the snippet file's body inserts exactly that JSON`, () => {
    const entry = snippetFile[t.label];
    assert.ok(entry, `no snippet "${t.label}"`);
    assert.deepEqual(JSON.parse(expandSnippet(entry.body.join('\n'))), plainBody(t.body));
  });
}

test('each snippet inserts JSON the editor accepts as it is', async () => {
  for (const t of TEMPLATES) {
    const inserted = expandSnippet((snippetFile[t.label]?.body ?? []).join('\n'));
    assert.deepEqual(await diagnose(service, inserted), [], t.label);
  }
});

test('snippet text keeps $, } and \\ in values', () => {
  const t: Template = {
    prefix: 'idenfy-x',
    label: 'x',
    description: 'x',
    body: { clientId: ph(1, 'a$b}c\\d"e'), address: 'cost: $5 {x}' },
  };
  assert.deepEqual(JSON.parse(expandSnippet(snippetLines(t.body).join('\n'))), plainBody(t.body));
});

/** The first template whose default body satisfies `has`. */
function findTemplate(what: string, has: (body: Record<string, unknown>) => boolean): Template {
  const found = TEMPLATES.find((t) => has(plainBody(t.body) as Record<string, unknown>));
  assert.ok(found, `no template for: ${what}`);
  return found;
}

test('the catalog covers the common requests', () => {
  const keys = (b: Record<string, unknown>) => Object.keys(b).sort().join(',');
  const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
  findTemplate('minimal', (b) => keys(b) === 'clientId');
  findTemplate('recommended', (b) => keys(b) === 'clientId,firstName,lastName');
  findTemplate('full (the page example)', (b) => {
    try {
      assert.deepEqual(b, PAGE_EXAMPLES[2]);
      return true;
    } catch {
      return false;
    }
  });
  findTemplate('document-only', (b) => b.tokenType === 'DOCUMENT');
  findTemplate(
    'video call with questions',
    (b) =>
      String(b.tokenType).startsWith('VIDEO_CALL') &&
      Array.isArray(b.videoCallQuestions) &&
      b.videoCallQuestions.length > 0,
  );
  findTemplate('utility bill', (b) => b.utilityBill === true);
  findTemplate(
    'additional steps with COMPARE and additionalData',
    (b) =>
      JSON.stringify(b.additionalSteps ?? null).includes('"type":"COMPARE"') && isObject(b.additionalData),
  );
  findTemplate(
    'mobile digit code',
    (b) => b.generateDigitString === true && typeof b.expiryTime === 'number',
  );
  findTemplate(
    'custom settings: liveness, manual review, AML',
    (b) =>
      b.checkLiveness === true &&
      (b.reviewSuccessful === true || b.reviewFailed === true) &&
      Array.isArray(b.fraudServices) &&
      b.fraudServices.includes('AML_NAMES_CHECK'),
  );
  const dummy = findTemplate('dummy verification', (b) => typeof b.dummyStatus === 'string');
  assert.match(dummy.description, /DEV-environment partners only/);
});
