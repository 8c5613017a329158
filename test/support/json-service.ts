/**
 * Runs documents through vscode-json-languageservice, the engine behind VS Code's JSON support,
 * configured as VS Code is for *.idenfy.json by this extension's `contributes.jsonValidation`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ClientCapabilities,
  type CompletionList,
  type Diagnostic,
  getLanguageService,
  type Hover,
  type LanguageService,
  TextDocument,
} from 'vscode-json-languageservice';

const root = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  contributes: {
    jsonValidation: { fileMatch: string[]; url: string }[];
    languages: { id: string; filenamePatterns?: string[] }[];
  };
};

/** The language VS Code gives a file: a contributed filename pattern (`*.suffix`) wins over `.json`. */
export function languageOf(name: string): string {
  const byPattern = manifest.contributes.languages.find((l) =>
    (l.filenamePatterns ?? []).some((p) => p.startsWith('*') && name.endsWith(p.slice(1))),
  );
  return byPattern?.id ?? 'json';
}

export function loadSchemaText(): string {
  const binding = manifest.contributes.jsonValidation[0];
  if (!binding) throw new Error('package.json contributes no jsonValidation');
  return readFileSync(join(root, binding.url), 'utf8');
}

export function createService(schemaText = loadSchemaText(), fileMatch?: string[]): LanguageService {
  const schemaUri = 'file:///schemas/idenfy-create-session.schema.json';
  const service = getLanguageService({
    // Like VS Code: the client renders markdown, so markdownDescription is what users see.
    clientCapabilities: ClientCapabilities.LATEST,
    schemaRequestService: async (uri) => {
      if (uri === schemaUri) return schemaText;
      throw new Error(`unexpected schema request ${uri}`);
    },
  });
  service.configure({
    allowComments: true,
    validate: true,
    schemas: [{ uri: schemaUri, fileMatch: fileMatch ?? manifest.contributes.jsonValidation[0]?.fileMatch }],
  });
  return service;
}

let counter = 0;
export function doc(text: string, name = 'request.idenfy.json'): TextDocument {
  counter++;
  return TextDocument.create(`file:///work/${counter}/${name}`, languageOf(name), 1, text);
}

export async function diagnose(service: LanguageService, text: string, name?: string): Promise<Diagnostic[]> {
  const d = doc(text, name);
  // What VS Code's JSON language server (1.100, jsonServer.ts) passes: only a jsonc document is lenient;
  // json and every participant language (idenfy-webhook) are strict, unless the file's schema says
  // allowComments / allowTrailingCommas, which then wins.
  const settings =
    d.languageId === 'jsonc'
      ? ({ comments: 'ignore', trailingCommas: 'warning' } as const)
      : ({ comments: 'error', trailingCommas: 'error' } as const);
  return service.doValidation(d, service.parseJSONDocument(d), settings);
}

export async function complete(
  service: LanguageService,
  text: string,
  offset: number,
  name?: string,
): Promise<CompletionList> {
  const d = doc(text, name);
  const list = await service.doComplete(d, d.positionAt(offset), service.parseJSONDocument(d));
  if (!list) throw new Error('no completion list');
  return list;
}

export async function hover(
  service: LanguageService,
  text: string,
  offset: number,
  name?: string,
): Promise<Hover | null> {
  const d = doc(text, name);
  return service.doHover(d, d.positionAt(offset), service.parseJSONDocument(d));
}

/** The JSON service as VS Code runs it for *.idenfy-webhook.json: the webhook schema's binding. */
export function createWebhookService(schemaText?: string): LanguageService {
  const binding = manifest.contributes.jsonValidation.find((b) =>
    b.url.endsWith('idenfy-webhook.schema.json'),
  );
  if (!binding) throw new Error('package.json binds no webhook schema');
  const schemaUri = 'file:///schemas/idenfy-webhook.schema.json';
  schemaText ??= readFileSync(join(root, binding.url), 'utf8');
  const service = getLanguageService({
    clientCapabilities: ClientCapabilities.LATEST,
    schemaRequestService: async (uri) => {
      if (uri === schemaUri) return schemaText;
      throw new Error(`unexpected schema request ${uri}`);
    },
  });
  service.configure({
    allowComments: true,
    validate: true,
    schemas: [{ uri: schemaUri, fileMatch: binding.fileMatch }],
  });
  return service;
}
