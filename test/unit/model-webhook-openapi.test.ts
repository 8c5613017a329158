/**
 * The webhook model against iDenfy's OpenAPI: every property of IdentificationWebhook and of every
 * schema it references is modelled, every enum has exactly iDenfy's values, every value iDenfy may
 * send as null is accepted as null, and the model requires what iDenfy requires except for the
 * departures listed (and explained in the model) below. Walks the generated schema (what the editor
 * and, through the agreement test, zod apply) beside the OpenAPI, node by node.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';
import { buildWebhookSchema } from '../../src/schema/build-schema';

const yaml = createRequire(__filename)('js-yaml') as { load(text: string): unknown };
// iDenfy's published OpenAPI, copied unchanged (identical to the team's reference copy).
const OPENAPI = join(__dirname, '../fixtures/idenfy-kyc-openapi.yml');
type Node = Record<string, unknown>;
const spec = yaml.load(readFileSync(OPENAPI, 'utf8')) as { components: { schemas: Record<string, Node> } };
const schemas = spec.components.schemas;
const generated = buildWebhookSchema();
const definitions = (generated.definitions ?? {}) as Record<string, Node>;

/** Required in the OpenAPI, optional in the model: older or add-on-less payloads leave them out. */
const OPTIONAL_HERE = new Set([
  'IdentificationWebhook.companyId',
  'IdentificationWebhook.beneficiaryId',
  ...[
    'ageEstimate',
    'clientIpProxyRiskLevel',
    'duplicateFaces',
    'duplicateDocFaces',
    'orgTemporaryAddress',
    'orgMothersMaidenName',
    'orgPatronymic',
    'orgBirthName',
  ].map((f) => `IdentificationDataWebhook.${f}`),
]);
/** Modelled beyond the OpenAPI (the older name iDenfy's notes still mention). */
const EXTRA_HERE = new Set(['IdentificationStatusWebhook.suspicionReasons']);

const fields = new Set<string>();
const enums = new Map<string, number>();
const problems: string[] = [];

function refName(node: Node): string | undefined {
  const ref = node.$ref as string | undefined;
  return ref?.split('/').pop();
}

/** The OpenAPI node behind $ref / single allOf, with its name and whether it may be null. */
function resolveSpec(node: Node): { node: Node; name?: string; nullable: boolean } {
  const nullable = node.nullable === true;
  const inner = Array.isArray(node.allOf) && node.allOf.length === 1 ? (node.allOf[0] as Node) : node;
  const name = refName(inner);
  return { node: name ? (schemas[name] as Node) : inner, name, nullable };
}

/** The generated node without its null branch, through $ref / single allOf, and whether it takes null. */
function resolveGenerated(node: Node): { node: Node; nullable: boolean } {
  let n = node;
  let nullable = false;
  for (;;) {
    const types = n.type;
    if (Array.isArray(types) && types.includes('null')) nullable = true;
    if (Array.isArray(n.enum) && n.enum.includes(null)) nullable = true;
    if (Array.isArray(n.anyOf)) {
      const branches = n.anyOf as Node[];
      if (branches.some((b) => b.type === 'null')) nullable = true;
      const rest = branches.filter((b) => b.type !== 'null');
      if (rest.length === 1) {
        n = rest[0] as Node;
        continue;
      }
    }
    if (Array.isArray(n.allOf) && n.allOf.length === 1) {
      n = n.allOf[0] as Node;
      continue;
    }
    const name = refName(n);
    if (name) {
      n = definitions[name] as Node;
      continue;
    }
    return { node: n, nullable };
  }
}

const values = (node: Node) => ((node.enum ?? []) as unknown[]).filter((v) => v !== null).map(String);

function compare(
  specNode: Node,
  genNode: Node,
  where: string,
  discriminator?: { property: string; values: string[] },
) {
  const s = resolveSpec(specNode);
  const g = resolveGenerated(genNode);
  if (s.nullable && !g.nullable) problems.push(`${where}: may be null in the OpenAPI, not in the model`);
  const spec = s.node;
  const gen = g.node;
  if (Array.isArray(spec.enum)) {
    const expected = values(spec).sort();
    const actual = values(gen).sort();
    if (JSON.stringify(expected) !== JSON.stringify(actual))
      problems.push(
        `${where} (${s.name ?? 'inline enum'}): values ${JSON.stringify(actual)}, OpenAPI ${JSON.stringify(expected)}`,
      );
    if (
      (gen.enumDescriptions as unknown[] | undefined)?.length !== (gen.enum as unknown[] | undefined)?.length
    )
      problems.push(`${where}: not one description per value`);
    enums.set(s.name ?? where, expected.length);
    return;
  }
  if (Array.isArray(spec.oneOf) && spec.discriminator) {
    const { propertyName, mapping } = spec.discriminator as {
      propertyName: string;
      mapping: Record<string, string>;
    };
    const variants = (gen.oneOf ?? gen.anyOf) as Node[] | undefined;
    if (!variants) return void problems.push(`${where}: not a union in the model`);
    const bySchema = new Map<string, string[]>();
    for (const [value, ref] of Object.entries(mapping)) {
      const name = ref.split('/').pop() as string;
      bySchema.set(name, [...(bySchema.get(name) ?? []), value]);
    }
    for (const [name, tags] of bySchema) {
      const variant = variants.find((v) =>
        values(
          resolveGenerated(((v.properties ?? {}) as Record<string, Node>)[propertyName] ?? {}).node,
        ).includes(tags[0] as string),
      );
      if (!variant) problems.push(`${where}: no variant for ${propertyName} ${tags.join('/')}`);
      else
        compare({ $ref: `#/components/schemas/${name}` }, variant, `${where}<${name}>`, {
          property: propertyName,
          values: tags,
        });
    }
    enums.set(`${s.name ?? where}.${propertyName}`, Object.keys(mapping).length);
    return;
  }
  if (spec.type === 'array') {
    if (!gen.items) return void problems.push(`${where}: not an array in the model`);
    return compare(spec.items as Node, gen.items as Node, `${where}[]`);
  }
  if (spec.properties) {
    const props = (gen.properties ?? {}) as Record<string, Node>;
    const required = new Set((gen.required ?? []) as string[]);
    const schemaName = s.name ?? where;
    for (const [key, child] of Object.entries(spec.properties as Record<string, Node>)) {
      const id = `${schemaName}.${key}`;
      fields.add(id);
      const modelled = props[key];
      if (!modelled) {
        problems.push(`${where}.${key}: not modelled`);
        continue;
      }
      if (((spec.required ?? []) as string[]).includes(key) && !required.has(key) && !OPTIONAL_HERE.has(id))
        problems.push(`${where}.${key}: required by the OpenAPI, optional in the model`);
      if (
        typeof modelled.description !== 'string' &&
        typeof resolveGenerated(modelled).node.description !== 'string'
      )
        problems.push(`${where}.${key}: no description`);
      if (discriminator?.property === key) {
        const tags = values(resolveGenerated(modelled).node).sort();
        if (JSON.stringify(tags) !== JSON.stringify([...discriminator.values].sort()))
          problems.push(`${where}.${key}: discriminator values ${tags}, OpenAPI ${discriminator.values}`);
        continue;
      }
      compare(child, modelled, `${where}.${key}`);
    }
    for (const key of Object.keys(props)) {
      const id = `${schemaName}.${key}`;
      if (!(key in (spec.properties as object)) && !EXTRA_HERE.has(id))
        problems.push(`${where}.${key}: not in the OpenAPI`);
    }
    return;
  }
  if (
    spec.additionalProperties &&
    typeof spec.additionalProperties === 'object' &&
    Object.keys(spec.additionalProperties).length > 0
  ) {
    compare(spec.additionalProperties as Node, (gen.additionalProperties ?? {}) as Node, `${where}{}`);
  }
}

test('every property and enum of IdentificationWebhook and what it references is modelled as iDenfy defines it', () => {
  compare({ $ref: '#/components/schemas/IdentificationWebhook' }, generated as Node, 'IdentificationWebhook');
  assert.deepEqual(problems, []);
  const enumValues = [...enums.values()].reduce((a, b) => a + b, 0);
  console.log(
    `webhook model: ${fields.size} payload fields in ${new Set([...fields].map((f) => f.split('.')[0])).size} schemas, ` +
      `${enums.size} enums with ${enumValues} values (discriminators included), +${EXTRA_HERE.size} field beyond the OpenAPI`,
  );
  assert.ok(fields.size >= 300, `only ${fields.size} fields reached`);
});

test('the top level refuses unknown keys; data and the blocks accept them', () => {
  assert.equal(generated.additionalProperties, false);
  const props = generated.properties as Record<string, Node>;
  assert.notEqual(resolveGenerated(props.data as Node).node.additionalProperties, false);
  assert.notEqual(resolveGenerated(props.riskAssessment as Node).node.additionalProperties, false);
});
