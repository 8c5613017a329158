/** Every generated file of the repository and how to render it: one list for the generator and the drift test. */
import { buildRequestSchema, buildWebhookSchema } from '../schema/build-schema';
import { TEMPLATES, WEBHOOK_TEMPLATES } from '../snippets/catalog';
import { renderSnippetFile } from '../snippets/render';
import { renderCountriesModule } from './countries-module';

export const SCHEMA_PATH = 'schemas/idenfy-create-session.schema.json';
export const SNIPPETS_PATH = 'snippets/idenfy-request.json';
export const WEBHOOK_SCHEMA_PATH = 'schemas/idenfy-webhook.schema.json';
export const WEBHOOK_SNIPPETS_PATH = 'snippets/idenfy-webhook.json';
const COUNTRIES_PATH = 'src/model/countries.generated.ts';

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export function renderGeneratedFiles(): Record<string, string> {
  return {
    [COUNTRIES_PATH]: renderCountriesModule(),
    [SCHEMA_PATH]: json(buildRequestSchema()),
    [SNIPPETS_PATH]: json(renderSnippetFile(TEMPLATES)),
    [WEBHOOK_SCHEMA_PATH]: json(buildWebhookSchema()),
    [WEBHOOK_SNIPPETS_PATH]: json(renderSnippetFile(WEBHOOK_TEMPLATES)),
  };
}
