/**
 * What a user sees in a *.idenfy.json file: diagnostics with their ranges and messages, no schema on
 * other files, comments allowed, completions and hovers with documentation. Run through
 * vscode-json-languageservice configured as VS Code is for this extension.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Diagnostic, DiagnosticSeverity } from 'vscode-json-languageservice';
import { KNOWN_PROPERTIES } from '../../src/model/request';
import { TEMPLATES } from '../../src/snippets/catalog';
import { complete, createService, diagnose, hover } from '../support/json-service';

const service = createService();

type Seen = [line: number, from: number, to: number, message: string];
const seen = (diagnostics: Diagnostic[]): Seen[] =>
  diagnostics
    .map(
      (d): Seen => [
        d.range.start.line,
        d.range.start.character,
        d.range.end.character,
        typeof d.message === 'string' ? d.message : d.message.value,
      ],
    )
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);

const URL_OK = 'https://www.my-company.com/idenfy/success';
const BAD = `{
  "clientID": "100000",
  "firstName": "J0hn",
  "expiryTime": 0,
  "country": "XX",
  "dateOfBirth": "2023-02-29",
  "callbackUrl": "http://example.com/hook",
  "successUrl": "${URL_OK}",
  "utilityBill": true,
  "additionalSteps": {"ALL": {"ALL": {"UTILITY_BILL": {"type": "UPLOAD"}}}}
}`;

test('a bad document gets each diagnostic on the right range with a helpful message', async () => {
  const diagnostics = await diagnose(service, BAD);
  assert.deepEqual(seen(diagnostics), [
    [0, 0, 1, 'Missing property "clientId".'],
    [1, 2, 12, 'Property clientID is not allowed.'],
    [2, 15, 21, 'Names may not contain digits or any of ~!@#$%^*()_+={}[]|:;",<>/?'],
    [3, 16, 17, 'Value is below the minimum of 1.'],
    [4, 13, 17, 'Use an ISO 3166-1 alpha-2 country code, such as "LT" or "lt".'],
    [5, 17, 29, 'Use a real calendar date in YYYY-MM-DD form, such as 1990-12-20.'],
    [6, 17, 42, 'The callback URL must be an https:// address (iDenfy does not call plain http webhooks).'],
    [
      9,
      21,
      75,
      '`utilityBill: true` cannot be combined with `additionalSteps`. Remove `additionalSteps`, or set `utilityBill` to false and ask for the bill as a `UTILITY_BILL` step.',
    ],
  ]);
  for (const d of diagnostics) assert.equal(d.severity, DiagnosticSeverity.Warning);
});

test('the other two cross-field rules show on the reported property', async () => {
  const text = `{
  "clientId": "1",
  "additionalData": {"UTILITY_BILL": {"address": "x"}},
  "generateDigitString": true,
  "expiryTime": 86401
}`;
  assert.deepEqual(seen(await diagnose(service, text)), [
    [
      2,
      20,
      54,
      '`additionalData` is only read together with `additionalSteps`. Add the step it belongs to (for example a `COMPARE` step), or remove `additionalData`.',
    ],
    [
      4,
      16,
      21,
      'With `generateDigitString: true`, `expiryTime` may not exceed 86400 seconds (24 hours, the default): an 8-digit code is easy to guess, so iDenfy limits how long it stays valid. Lower `expiryTime`, or ask iDenfy to raise the limit for your account.',
    ],
  ]);
});

test('bad keys inside additionalSteps get a sentence, not the regular expression', async () => {
  const text = `{
  "clientId": "1",
  "additionalSteps": {"XX": {"CARD": {"bill": {"type": "UPLOAD", "texts": {"EN": {"name": "a", "description": ""}}}}}}
}`;
  assert.deepEqual(seen(await diagnose(service, text)), [
    [2, 22, 26, 'Use an alpha-2 country code or ALL.'],
    [2, 29, 35, 'Use a document type (such as ID_CARD) or ALL.'],
    [2, 38, 44, 'Step names are upper-case, such as UTILITY_BILL.'],
    [2, 75, 79, 'Use a two-letter lower-case language code, such as "en".'],
  ]);
});

test('the same content in other.json gets no diagnostics (the schema is bound to *.idenfy.json only)', async () => {
  assert.deepEqual(await diagnose(service, BAD, 'other.json'), []);
  assert.deepEqual(await diagnose(service, BAD, 'idenfy.json'), []);
  assert.ok((await diagnose(service, BAD, 'sessions/kyc.idenfy.json')).length > 0);
});

test('comments and trailing commas give no diagnostics', async () => {
  const text = `// A session for the staging environment
{
  /* only clientId is required */
  "clientId": "100000", // ours
  "documents": ["PASSPORT", "ID_CARD",],
  "locale": "lt",
}
`;
  assert.deepEqual(await diagnose(service, text), []);
});

test('completion at the top level offers all 71 properties, each documented', async () => {
  const list = await complete(service, '{}', 1);
  assert.deepEqual(list.items.map((i) => i.label).sort(), [...KNOWN_PROPERTIES].sort());
  assert.equal(list.items.length, 71);
  for (const item of list.items) {
    const doc = typeof item.documentation === 'string' ? item.documentation : item.documentation?.value;
    assert.ok(doc && doc.length > 10, `${item.label} has no documentation`);
  }
});

async function valueCompletions(text: string) {
  const list = await complete(service, text, text.length - 2);
  const documentation = (label: string) => {
    const item = list.items.find((i) => i.label === label);
    assert.ok(item, `no completion ${label}`);
    return typeof item.documentation === 'string' ? item.documentation : item.documentation?.value;
  };
  return { labels: list.items.map((i) => i.label), documentation };
}

test('"locale": offers the 16 codes with language names', async () => {
  const { labels, documentation } = await valueCompletions('{"clientId": "1", "locale": }');
  assert.equal(labels.length, 16);
  const names = {
    lt: 'Lithuanian',
    en: 'English',
    ru: 'Russian',
    ja: 'Japanese',
    cs: 'Czech',
    sv: 'Swedish',
  };
  for (const [code, name] of Object.entries(names)) assert.equal(documentation(`"${code}"`), name);
  for (const label of labels) assert.ok(documentation(label), `${label} has no language name`);
});

test('"tokenType": offers the 5 values with descriptions', async () => {
  const { labels, documentation } = await valueCompletions('{"clientId": "1", "tokenType": }');
  assert.deepEqual(labels, [
    '"DOCUMENT"',
    '"IDENTIFICATION"',
    '"VIDEO_CALL"',
    '"VIDEO_CALL_PHOTOS"',
    '"VIDEO_CALL_IDENTIFICATION"',
  ]);
  for (const label of labels) assert.ok((documentation(label) ?? '').length > 10, label);
});

test('"documents": [ offers the 18 document types with descriptions', async () => {
  const { labels, documentation } = await valueCompletions('{"clientId": "1", "documents": [ ]}');
  assert.equal(labels.length, 18);
  assert.ok(labels.includes('"DIPLOMATIC_ID"'));
  for (const label of labels) assert.ok(documentation(label), `${label} has no description`);
});

test('"country": offers LT described as Lithuania', async () => {
  const { labels, documentation } = await valueCompletions('{"clientId": "1", "country": }');
  assert.ok(labels.length >= 250, `${labels.length} country completions`);
  assert.equal(documentation('LT'), 'Lithuania');
  assert.equal(documentation('DE'), 'Germany');
});

test('completion in an empty document leaves the templates to contributes.snippets (no second copy)', async () => {
  const list = await complete(service, '', 0);
  const labels = list.items.map((i) => i.label);
  for (const t of TEMPLATES) assert.ok(!labels.includes(t.label), `${t.label} is also offered by the schema`);
});

const hoverText = async (text: string, offset: number) => {
  const h = await hover(service, text, offset);
  assert.ok(h, 'no hover');
  return [h.contents]
    .flat()
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
};

test('hover on expiryTime shows its description and the default 86400', async () => {
  const text = await hoverText('{"clientId": "1", "expiryTime": 600}', 20);
  assert.match(text, /Seconds until the new token stops working/);
  assert.match(text, /Default: `86400`/);
});

test('hover on sessionLength mentions that the OpenAPI model disagrees', async () => {
  const text = await hoverText('{"clientId": "1", "sessionLength": 600}', 20);
  assert.match(text, /OpenAPI model allows 60 to 3600/);
  assert.match(text, /Default: `1800`/);
});

/**
 * Issue #9, item 16a: additionalData's text read as if cut at "Only used together with". Every
 * paragraph and list item the editor shows for a property ends a sentence, so none looks cut.
 */
function unfinishedLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim().replace(/^- /, ''))
    .filter((line) => line.length > 0 && !/[.!?][)_*]*$/.test(line));
}

test('no completion or hover text of a property ends in an unfinished sentence', async () => {
  const unfinished: string[] = [];
  const list = await complete(service, '{}', 1);
  for (const item of list.items) {
    const doc =
      typeof item.documentation === 'string' ? item.documentation : (item.documentation?.value ?? '');
    for (const line of unfinishedLines(doc)) unfinished.push(`completion ${item.label}: ${line}`);
  }
  for (const name of KNOWN_PROPERTIES) {
    const text = `{"${name}": null}`;
    for (const line of unfinishedLines(await hoverText(text, 2))) unfinished.push(`hover ${name}: ${line}`);
  }
  // One level down too: the properties of an additional step.
  const step = '{"additionalSteps": {"ALL": {"ALL": {"UTILITY_BILL": {}}}}}';
  const inner = await complete(service, step, step.indexOf('{}') + 1);
  assert.ok(inner.items.length >= 3, 'no completion inside an additional step');
  for (const item of inner.items) {
    const doc =
      typeof item.documentation === 'string' ? item.documentation : (item.documentation?.value ?? '');
    for (const line of unfinishedLines(doc)) unfinished.push(`completion step.${item.label}: ${line}`);
  }
  assert.deepEqual(unfinished, []);
  const additionalData = list.items.find((i) => i.label === 'additionalData')?.documentation;
  const text = typeof additionalData === 'string' ? additionalData : (additionalData?.value ?? '');
  assert.match(text, /Only used together with `additionalSteps`\./);
});
