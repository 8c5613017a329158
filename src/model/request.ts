/**
 * The body of iDenfy's "Create verification session" request (POST /api/v2/token), as a zod v4
 * model. This module is the single source of truth: the JSON Schema in schemas/, the editor's
 * hovers and completions, the pre-send check and the offline emulator all derive from it.
 *
 * Where iDenfy's sources disagree, the "Create verification session" page wins and the hover says so.
 */
import * as z from 'zod';
import { brokenRules } from './cross-field-rules';
import { customSettingFields } from './custom-setting-fields';
import { devTestingFields } from './dev-testing-fields';
import { type FieldOrigin, FIELD_ORIGINS as REGISTERED_ORIGINS, RESPONSE_DEFAULTS } from './field-helpers';
import { openApiFields } from './openapi-fields';
import { pageDocumentFields } from './page-document-fields';
import { pageSessionFields } from './page-session-fields';

export type { FieldOrigin } from './field-helpers';

/**
 * Every property of the request, in the page's order: the page's table, then custom settings, then
 * OpenAPI extras, then the testing field. The spread order is the property order of the generated
 * schema, snippets and hovers.
 */
const requestShape = {
  ...pageSessionFields,
  ...pageDocumentFields,
  ...customSettingFields,
  ...openApiFields,
  ...devTestingFields,
};

export const KNOWN_PROPERTIES: readonly string[] = Object.keys(requestShape);

/**
 * Where each property comes from, in the shape's order. The registry fills in module-load order,
 * which import sorting decides, so it is copied here in the order the request lists the fields.
 */
export const FIELD_ORIGINS = new Map<string, FieldOrigin>();
for (const property of KNOWN_PROPERTIES) {
  const origin = REGISTERED_ORIGINS.get(property);
  if (origin) FIELD_ORIGINS.set(property, origin);
}

/**
 * What iDenfy's answer holds for each optional property the request leaves out: the zod default
 * where the page documents one, otherwise the field's responseDefault (null when it has none).
 * Testing-only fields are answered only when sent.
 */
export function responseDefaults(): Record<string, unknown> {
  const defaults: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(requestShape)) {
    if (name === 'clientId' || FIELD_ORIGINS.get(name) === 'dev-testing') continue;
    const parsed = (schema as z.ZodType).safeParse(undefined);
    defaults[name] =
      parsed.success && parsed.data !== undefined ? parsed.data : (RESPONSE_DEFAULTS.get(name) ?? null);
  }
  return defaults;
}

export const createSessionRequest = z
  // Unknown keys are refused; validate.ts words the message, with the nearest known name.
  .strictObject(requestShape)
  .superRefine((request, ctx) => {
    for (const rule of brokenRules(request)) {
      ctx.addIssue({ code: 'custom', path: [rule.report], message: rule.message, params: { rule: rule.id } });
    }
  })
  .meta({
    title: 'iDenfy: Create verification session',
    description: 'Body of POST https://ivs.idenfy.com/api/v2/token.',
  });

/** What iDenfy works with (defaults filled). */
export type CreateSessionRequest = z.output<typeof createSessionRequest>;
