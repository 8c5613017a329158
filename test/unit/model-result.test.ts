/**
 * The result model against iDenfy's OpenAPI (parsed, not copied): every enum holds exactly the yml's
 * values in the yml's order, every value has a one-line meaning, and the zod models accept what the
 * emulator produces and reject a value iDenfy does not list. The JSON Schema generated from the zod
 * model carries the same values and descriptions.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import * as z from 'zod';
import { fullAnswer, identificationsPage, statusAnswer } from '../../src/model/result';
import {
  DOCUMENT_STATUSES,
  FACE_STATUSES,
  FRAUD_TAGS,
  MISMATCH_TAGS,
  OVERALL_STATUSES,
  PLATFORMS,
} from '../../src/model/result-vocabulary';
import type { Term } from '../../src/model/vocabulary';

// js-yaml (a devDependency): a real YAML parser, so the test reads the file's structure rather than
// scraping its text.
const yaml = createRequire(__filename)('js-yaml') as { load(text: string): unknown };
// iDenfy's published OpenAPI (openapi/kyc.yaml of its documentation site), copied unchanged.
const OPENAPI = join(__dirname, '../fixtures/idenfy-kyc-openapi.yml');
const spec = yaml.load(readFileSync(OPENAPI, 'utf8')) as {
  components: { schemas: Record<string, { enum?: string[] }> };
};

const ENUMS: [string, readonly Term[], number][] = [
  ['IdentificationStatusEnum', OVERALL_STATUSES, 8],
  ['FraudTagsEnum', FRAUD_TAGS, 28],
  ['InfoMismatchEnum', MISMATCH_TAGS, 27],
  ['DocumentStatusEnum', DOCUMENT_STATUSES, 40],
  ['FaceStatusEnum', FACE_STATUSES, 12],
  ['DeviceTypeEnum', PLATFORMS, 6],
];

describe('result vocabulary matches the OpenAPI', () => {
  for (const [name, terms, count] of ENUMS) {
    it(`${name}: the yml's ${count} values, in order`, () => {
      const fromYml = spec.components.schemas[name]?.enum;
      assert.ok(fromYml, `${name} not found in the yml`);
      assert.equal(fromYml.length, count);
      assert.deepEqual(
        terms.map((t) => t.value),
        fromYml,
      );
    });
    it(`${name}: every value has a one-line meaning`, () => {
      for (const t of terms) {
        assert.match(t.description, /^[A-Za-z'"`].{10,}[.!?]$/, `${t.value}: "${t.description}"`);
        assert.ok(!t.description.includes('\n'), t.value);
      }
      assert.equal(new Set(terms.map((t) => t.description)).size, terms.length, 'descriptions are distinct');
    });
  }
});

const STATUS = {
  status: 'SUSPECTED',
  fraudTags: ['DUPLICATE_FACE'],
  mismatchTags: ['NAME'],
  autoDocument: 'DOC_VALIDATED',
  autoFace: 'FACE_MATCH',
  manualDocument: null,
  manualFace: null,
  scanRef: '8b3a7c1e-0000-4000-8000-000000000000',
  clientId: 'client-1',
};

describe('result answers', () => {
  it('the status answer accepts a documented answer and rejects a value the yml does not list', () => {
    assert.ok(statusAnswer.safeParse(STATUS).success);
    assert.ok(!statusAnswer.safeParse({ ...STATUS, fraudTags: ['NOT_A_TAG'] }).success);
    assert.ok(!statusAnswer.safeParse({ ...STATUS, status: 'PENDING' }).success);
    // Loose: a field iDenfy adds later does not make the answer unreadable.
    assert.ok(statusAnswer.safeParse({ ...STATUS, somethingNew: 1 }).success);
  });

  it('the listing answer has count, next, previous and results', () => {
    const page = {
      count: 1,
      next: null,
      previous: null,
      results: [{ scanRef: 'x', status: 'ACTIVE', suspected: false }],
    };
    assert.ok(identificationsPage.safeParse(page).success);
    assert.ok(!identificationsPage.safeParse({ ...page, results: [{ scanRef: 'x' }] }).success);
  });

  it('the full answer requires the webhook-shaped blocks', () => {
    assert.ok(!fullAnswer.safeParse({ scanRef: 'x', clientId: 'y' }).success);
  });
});

describe('JSON Schema generated from the result model agrees with it', () => {
  const schema = z.toJSONSchema(statusAnswer) as {
    properties: Record<string, { enum?: string[]; items?: { enum?: string[]; enumDescriptions?: string[] } }>;
  };
  it('overall, tags and statuses carry the same values and descriptions', () => {
    assert.deepEqual(
      schema.properties.status?.enum,
      OVERALL_STATUSES.map((t) => t.value),
    );
    assert.deepEqual(
      schema.properties.fraudTags?.items?.enum,
      FRAUD_TAGS.map((t) => t.value),
    );
    assert.deepEqual(
      schema.properties.fraudTags?.items?.enumDescriptions,
      FRAUD_TAGS.map((t) => t.description),
    );
    assert.deepEqual(
      schema.properties.mismatchTags?.items?.enum,
      MISMATCH_TAGS.map((t) => t.value),
    );
    const json = JSON.stringify(schema);
    for (const t of [...DOCUMENT_STATUSES, ...FACE_STATUSES]) assert.ok(json.includes(t.value), t.value);
  });

  it('every enum in the schemas of the status, full and listing answers has one description per value', () => {
    for (const model of [statusAnswer, fullAnswer, identificationsPage]) {
      let enums = 0;
      const visit = (node: unknown): void => {
        if (Array.isArray(node)) node.forEach(visit);
        else if (node && typeof node === 'object') {
          const o = node as { enum?: unknown[]; enumDescriptions?: unknown[] };
          if (o.enum && o.enumDescriptions) {
            enums++;
            assert.equal(o.enumDescriptions.length, o.enum.length);
          }
          Object.values(node).forEach(visit);
        }
      };
      visit(z.toJSONSchema(model));
      assert.ok(enums >= 1);
    }
  });
});
