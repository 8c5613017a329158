/**
 * Builds the JSON Schemas that VS Code's JSON service uses for *.idenfy.json (the request) and
 * *.idenfy-webhook.json (the result webhook), from the zod models. zod's own converter does the
 * field-level work; this adds what only VS Code understands (comments allowed, markdown and enum
 * descriptions) and the request's cross-field rules, which zod's converter cannot express.
 */
import * as z from 'zod';
import { type Condition, CROSS_FIELD_RULES } from '../model/cross-field-rules';
import { createSessionRequest } from '../model/request';
import { identificationWebhook } from '../model/webhook';

type JsonSchema = Record<string, unknown>;

const SCHEMA_ID = 'https://idenfy-tools.github.io/schemas/idenfy-create-session.schema.json';
const WEBHOOK_SCHEMA_ID = 'https://idenfy-tools.github.io/schemas/idenfy-webhook.schema.json';

function conditionSchema(c: Condition): { property: JsonSchema; required: boolean } {
  switch (c.is) {
    case 'true':
      return { property: { const: true }, required: true };
    case 'object':
      return { property: { type: 'object' }, required: true };
    case 'absentOrNull':
      // Absent passes `properties` vacuously; present must be null.
      return { property: { type: 'null' }, required: false };
    case 'above':
      return { property: { type: 'number', exclusiveMinimum: c.limit }, required: true };
  }
}

/**
 * Each rule hangs under `dependencies` on the property that triggers it, so VS Code evaluates it only
 * in documents that have that property (an `allOf` at the root costs every keystroke in every file).
 */
function crossFieldRuleSchemas(): Record<string, JsonSchema> {
  const byTrigger: Record<string, JsonSchema[]> = {};
  for (const rule of CROSS_FIELD_RULES) {
    const parts = rule.when.map((c) => ({ field: c.field, ...conditionSchema(c) }));
    const trigger = parts.find((p) => p.required)?.field;
    if (!trigger) throw new Error(`cross-field rule ${rule.id} has no condition that requires a property`);
    const rules = byTrigger[trigger] ?? [];
    byTrigger[trigger] = rules;
    rules.push({
      if: {
        properties: Object.fromEntries(parts.map((p) => [p.field, p.property])),
        required: parts.filter((p) => p.required).map((p) => p.field),
      },
      // `not: {}` always fails, so VS Code shows errorMessage on the reported property's value.
      then: { properties: { [rule.report]: { not: {}, errorMessage: rule.message } } },
    });
  }
  return Object.fromEntries(
    Object.entries(byTrigger).map(([trigger, rules]) => [
      trigger,
      rules.length === 1 ? (rules[0] as JsonSchema) : { allOf: rules },
    ]),
  );
}

/**
 * zod writes a nullable value as `anyOf: [T, {type: "null"}]`; VS Code validates both branches and
 * picks the better one on every keystroke. `type: [T, "null"]` says the same more cheaply. A branch
 * that is a `$ref` to a definition (a nullable country code) gets the definition's keywords inlined,
 * as a reference cannot take a type array; the definition stays for the places that use it as is.
 * Inlining the country code (with its 250 completions) cut the typical file's validation by an eighth.
 */
function nullableAsTypeArray(node: unknown, definitions: Record<string, JsonSchema> = {}): unknown {
  if (Array.isArray(node)) return node.map((n) => nullableAsTypeArray(n, definitions));
  if (!node || typeof node !== 'object') return node;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) out[key] = nullableAsTypeArray(value, definitions);
  const branches = out.anyOf;
  if (Array.isArray(branches) && branches.length === 2) {
    const [branch, nullBranch] = branches as JsonSchema[];
    const isNull = nullBranch && Object.keys(nullBranch).length === 1 && nullBranch.type === 'null';
    const value = branch && definitionOf(branch, definitions);
    if (value && isNull && typeof value.type === 'string' && !('$ref' in value)) {
      const { anyOf: _merged, ...rest } = out;
      const merged: JsonSchema = { ...rest, ...value, type: [value.type, 'null'] };
      if (Array.isArray(value.enum)) {
        merged.enum = [...value.enum, null];
        for (const k of ['enumDescriptions', 'markdownEnumDescriptions']) {
          if (Array.isArray(value[k])) merged[k] = [...(value[k] as string[]), 'Not given.'];
        }
      }
      return merged;
    }
  }
  return out;
}

/** The schema a `{$ref: "#/definitions/x"}` node stands for; any other node itself. */
function definitionOf(node: JsonSchema, definitions: Record<string, JsonSchema>): JsonSchema | undefined {
  const ref = node.$ref;
  if (typeof ref !== 'string') return node;
  if (Object.keys(node).length !== 1 || !ref.startsWith('#/definitions/')) return undefined;
  return definitions[ref.slice('#/definitions/'.length)];
}

/**
 * Numbers as zod sees them. VS Code's JSON service calls `600.0` "not an integer" (it looks at the
 * spelling) where zod sees 600: `multipleOf: 1` checks the value instead. And zod refuses 1e999
 * (Infinity, which would be sent as null), so every number gets finite bounds.
 */
function numbersAsZodSeesThem(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(numbersAsZodSeesThem);
  if (!node || typeof node !== 'object') return node;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) out[key] = numbersAsZodSeesThem(value);
  if (out.type === 'integer') Object.assign(out, { type: 'number', multipleOf: 1 });
  if (out.type === 'number') {
    out.minimum ??= -Number.MAX_VALUE;
    out.maximum ??= Number.MAX_VALUE;
  }
  return out;
}

/** zod's schema of `model`, in the shape VS Code's JSON service validates as zod does. */
function editorSchema(model: z.ZodType): JsonSchema {
  const generated = z.toJSONSchema(model, { target: 'draft-07', io: 'input' }) as JsonSchema;
  const numbers = numbersAsZodSeesThem(generated) as JsonSchema;
  return nullableAsTypeArray(
    numbers,
    (numbers.definitions ?? {}) as Record<string, JsonSchema>,
  ) as JsonSchema;
}

export function buildRequestSchema(): JsonSchema {
  // zod's `additionalProperties: false` stays: VS Code checks it for free while it walks the known
  // properties. (Per-name "did you mean" rules in the schema tripled validation time on every
  // keystroke; the editor offers the nearest name as a quick fix instead, see src/editor/.)
  const { $schema, ...rest } = editorSchema(createSessionRequest);
  return {
    $schema,
    $id: SCHEMA_ID,
    ...rest,
    // VS Code-specific: *.idenfy.json files may hold comments and trailing commas.
    allowComments: true,
    allowTrailingCommas: true,
    dependencies: crossFieldRuleSchemas(),
    // No defaultSnippets for the templates: contributes.snippets (snippets/) already offers each one,
    // and VS Code listed both (issue #9, item 13). The snippets file is the one kept because typing a
    // prefix such as "idenfy-minimal" finds it anywhere, where the JSON service offers defaultSnippets
    // only in an empty document, filtered by their body text rather than their name.
  };
}

/**
 * The result webhook's schema. The top level refuses unknown keys (`additionalProperties: false`
 * from the strict model: VS Code warns about a misspelt key), the blocks below accept them, as
 * iDenfy adds fields there. Its templates come through contributes.snippets too (snippets/).
 */
export function buildWebhookSchema(): JsonSchema {
  const { $schema, ...rest } = editorSchema(identificationWebhook);
  return { $schema, $id: WEBHOOK_SCHEMA_ID, ...rest, allowComments: true, allowTrailingCommas: true };
}
