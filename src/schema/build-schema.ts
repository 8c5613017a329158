/**
 * Builds the JSON Schema that VS Code's JSON service uses for *.idenfy.json, from the zod model.
 * zod's own converter does the field-level work; this adds what only VS Code understands
 * (comments allowed, defaultSnippets) and the two things zod cannot express in JSON Schema:
 * the cross-field rules and "did you mean" for unknown property names.
 */
import { z } from 'zod';
import { type Condition, CROSS_FIELD_RULES } from '../model/cross-field-rules';
import { oneEditPattern, unknownPropertyMessage } from '../model/property-names';
import { createSessionRequest, KNOWN_PROPERTIES } from '../model/request';
import { TEMPLATES } from '../snippets/catalog';
import { defaultSnippetBody } from '../snippets/render';

type JsonSchema = Record<string, unknown>;

export const SCHEMA_ID = 'https://idenfy-tools.github.io/schemas/idenfy-create-session.schema.json';

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

function crossFieldRuleSchemas(): JsonSchema[] {
  return CROSS_FIELD_RULES.map((rule) => {
    const parts = rule.when.map((c) => ({ field: c.field, ...conditionSchema(c) }));
    return {
      if: {
        properties: Object.fromEntries(parts.map((p) => [p.field, p.property])),
        required: parts.filter((p) => p.required).map((p) => p.field),
      },
      // `not: {}` always fails, so VS Code shows errorMessage on the reported property's value.
      then: { properties: { [rule.report]: { not: {}, errorMessage: rule.message } } },
    };
  });
}

/**
 * Unknown property names fail here (instead of `additionalProperties: false`, whose message cannot
 * suggest anything): known names pass at once; an unknown name one edit from a known one gets
 * "Did you mean ...?"; any other unknown name gets the plain message.
 */
function propertyNamesSchema(): JsonSchema {
  // A chain of if/else, so the plain message applies only when no suggestion did.
  let chain: JsonSchema = { not: {}, errorMessage: unknownPropertyMessage(undefined) };
  for (const name of [...KNOWN_PROPERTIES].reverse()) {
    chain = {
      if: { pattern: `(?i)${oneEditPattern(name)}` },
      then: { not: {}, errorMessage: unknownPropertyMessage(name) },
      else: chain,
    };
  }
  return { doNotSuggest: true, if: { enum: [...KNOWN_PROPERTIES] }, else: chain };
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

export function buildRequestSchema(): JsonSchema {
  const generated = z.toJSONSchema(createSessionRequest, {
    target: 'draft-07',
    io: 'input',
  }) as JsonSchema;
  const {
    $schema,
    additionalProperties: _replacedByPropertyNames,
    ...rest
  } = numbersAsZodSeesThem(generated) as JsonSchema;
  return {
    $schema,
    $id: SCHEMA_ID,
    ...rest,
    // VS Code-specific: *.idenfy.json files may hold comments and trailing commas.
    allowComments: true,
    allowTrailingCommas: true,
    propertyNames: propertyNamesSchema(),
    allOf: crossFieldRuleSchemas(),
    defaultSnippets: TEMPLATES.map((t) => ({
      label: t.label,
      description: t.description,
      body: defaultSnippetBody(t.body),
    })),
  };
}
