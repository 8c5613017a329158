/**
 * The webhook model (zod, what Send Webhook checks) and the generated webhook schema (what the
 * editor underlines) give the same verdict on generated payloads: valid bases (every template and
 * the payloads with every block) with random edits anywhere in the tree, such as a value replaced
 * by another type, an enum value from another list, a string at or past its length limit, a key
 * removed, or a key added at the top, inside data or inside a block.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  DOCUMENT_STATUSES,
  FACE_STATUSES,
  FRAUD_TAGS,
  OVERALL_STATUSES,
} from '../../src/model/result-vocabulary';
import { validateWebhook } from '../../src/model/validate-webhook';
import { KNOWN_WEBHOOK_PROPERTIES } from '../../src/model/webhook';
import {
  ADDITIONAL_STEP_STATUSES,
  AGE_GROUPS,
  BANK_CARD_STATUSES,
  KYC_DOCUMENT_TYPES,
  QUESTION_TYPES,
  RISK_LEVELS,
  SOFT_KYC_MATCH_STATUSES,
} from '../../src/model/webhook-vocabulary';
import type { JsonObject, JsonValue } from '../support/arbitraries';
import { createWebhookService, diagnose } from '../support/json-service';
import { ALL_PAYLOADS } from '../support/webhook-payloads';

const RUNS = 2000;
const FILE = 'generated.idenfy-webhook.json';
const service = createWebhookService();

type Path = (string | number)[];

function pathsOf(value: JsonValue, at: Path = []): Path[] {
  const out: Path[] = [at];
  const children: [string | number, JsonValue][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : value && typeof value === 'object'
      ? Object.entries(value)
      : [];
  for (const [k, v] of children) out.push(...pathsOf(v, [...at, k]));
  return out;
}

function getAt(value: JsonValue, path: Path): JsonValue | undefined {
  let node: JsonValue | undefined = value;
  for (const p of path)
    node = node && typeof node === 'object' ? (node as Record<string, JsonValue>)[p] : undefined;
  return node;
}

const enumValue = fc.constantFrom(
  ...[
    OVERALL_STATUSES,
    FRAUD_TAGS,
    DOCUMENT_STATUSES,
    FACE_STATUSES,
    KYC_DOCUMENT_TYPES,
    AGE_GROUPS,
    RISK_LEVELS,
    SOFT_KYC_MATCH_STATUSES,
    QUESTION_TYPES,
    BANK_CARD_STATUSES,
    ADDITIONAL_STEP_STATUSES,
  ].flatMap((terms) => terms.map((t) => t.value as string)),
  'LT',
  'XX',
  'approved',
);
// Lengths at and just past the limits the model has (2, 36, 40, 100, ...), in code points.
const limitString = fc
  .constantFrom(1, 2, 3, 30, 31, 36, 37, 40, 41, 100, 101, 201, 202, 255, 256)
  .chain((n) => fc.constantFrom('a'.repeat(n), '😀'.repeat(n), `${'a'.repeat(n - 1)}😀`));
const replacement: fc.Arbitrary<JsonValue> = fc.oneof(
  enumValue,
  limitString,
  fc.constantFrom<JsonValue>(
    null,
    true,
    false,
    0,
    -1,
    1.5,
    1700000000,
    2 ** 53,
    1e300,
    '',
    [],
    {},
    ['DUPLICATE_FACE'],
    [1],
  ),
  fc.jsonValue({ maxDepth: 1 }) as fc.Arbitrary<JsonValue>,
);
const newKey = fc.oneof(
  fc.constantFrom(
    ...KNOWN_WEBHOOK_PROPERTIES,
    'scanref',
    'Final',
    'aml',
    'docNewField',
    '__proto__',
    'constructor',
  ),
  fc.string({ minLength: 1, maxLength: 8 }),
);

type Edit =
  | { kind: 'replace'; at: number; value: JsonValue }
  | { kind: 'remove'; at: number }
  | { kind: 'add'; at: number; key: string; value: JsonValue };
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: replacement }),
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('add' as const), at: fc.nat(), key: newKey, value: replacement }),
);

function apply(base: JsonObject, edits: readonly Edit[]): JsonValue {
  let doc: JsonValue = structuredClone(base);
  for (const e of edits) {
    const paths = pathsOf(doc);
    const path = paths[e.at % paths.length] as Path;
    if (e.kind === 'add') {
      const target = getAt(doc, path);
      if (target && typeof target === 'object' && !Array.isArray(target))
        Object.defineProperty(target, e.key, {
          value: e.value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      continue;
    }
    if (path.length === 0) {
      if (e.kind === 'replace') doc = e.value;
      continue;
    }
    const parent = getAt(doc, path.slice(0, -1)) as Record<string | number, JsonValue>;
    const last = path[path.length - 1] as string | number;
    if (e.kind === 'replace') parent[last] = e.value;
    else if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  }
  return doc;
}

const payloadCase = fc.record({
  base: fc.constantFrom(...ALL_PAYLOADS),
  edits: fc.array(edit, { minLength: 0, maxLength: 3 }),
});

test(`zod and the editor agree on ${RUNS} generated webhook payloads, valid and invalid`, async () => {
  const counts = { total: 0, valid: 0, invalid: 0, agreements: 0 };
  const started = performance.now();
  await fc.assert(
    fc.asyncProperty(payloadCase, async ({ base, edits }) => {
      const text = JSON.stringify(apply(base, edits), null, 2);
      const zod = validateWebhook(JSON.parse(text));
      const diagnostics = await diagnose(service, text, FILE);
      const detail = () =>
        `${JSON.stringify(edits)}\n${text.slice(0, 1500)}\nzod: ${JSON.stringify(zod.ok ? 'ok' : zod.issues)}\neditor: ${JSON.stringify(diagnostics.map((d) => d.message))}`;
      assert.equal(diagnostics.length === 0, zod.ok, `verdicts differ (${detail()})`);
      counts.total++;
      counts.agreements++;
      counts[zod.ok ? 'valid' : 'invalid']++;
    }),
    { numRuns: RUNS },
  );
  console.log(
    `webhook agreement: total ${counts.total}, valid ${counts.valid}, invalid ${counts.invalid}, agreements ${counts.agreements}, ${Math.round(performance.now() - started)} ms`,
  );
  // Both verdicts must be well represented, or the agreement says little.
  assert.ok(counts.valid >= RUNS / 10 && counts.invalid >= RUNS / 10, JSON.stringify(counts));
});
