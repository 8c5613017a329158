/** Turns the template catalog into VS Code snippet text, schema defaultSnippets and plain values. */
import type { Placeholder, Template, TemplateObject, TemplateValue } from './catalog';

function isPlaceholder(value: TemplateValue): value is Placeholder {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'tabStop' in value;
}

/** The body with every placeholder at its default: what a user gets by pressing Tab through. */
export function plainBody(value: TemplateValue): unknown {
  if (isPlaceholder(value)) return value.value;
  if (Array.isArray(value)) return value.map(plainBody);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainBody(v)]));
  }
  return value;
}

// Snippet syntax reserves $, } and \ inside placeholder text.
function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}
function escapeChoice(text: string): string {
  return text.replace(/[$}\\,|]/g, '\\$&');
}

function tabStop(p: Placeholder, inJsonText = false): string {
  // Inside the snippet file's JSON text, a string default must also be JSON-escaped.
  const json = (text: string) => (inJsonText ? JSON.stringify(text).slice(1, -1) : text);
  if (p.choices) return `\${${p.tabStop}|${p.choices.map((c) => json(escapeChoice(c))).join(',')}|}`;
  return `\${${p.tabStop}:${json(escapeSnippet(String(p.value)))}}`;
}

/** JSON text of the body with tab stops, as lines (the snippet file's `body`). */
export function snippetLines(body: TemplateObject): string[] {
  const marks: string[] = [];
  const marked = JSON.stringify(
    body,
    (_key, value: TemplateValue) => {
      if (!isPlaceholder(value)) {
        // Literal strings are snippet text too: escape what snippet syntax reserves.
        return typeof value === 'string' ? escapeSnippet(value) : value;
      }
      marks.push(tabStop(value, true));
      return typeof value.value === 'string'
        ? `\u0000${marks.length - 1}\u0000`
        : `\u0001${marks.length - 1}\u0001`;
    },
    2,
  );
  // Strings keep their quotes around the tab stop; numbers and booleans are inserted bare.
  const text = marked
    .replace(/\\u0000(\d+)\\u0000/g, (_m, i: string) => marks[Number(i)] ?? '')
    .replace(/"\\u0001(\d+)\\u0001"/g, (_m, i: string) => marks[Number(i)] ?? '');
  return text.split('\n');
}

/**
 * The body in the form of a JSON Schema `defaultSnippets` entry: string values are snippet text, and
 * a value that must not be quoted is written as a string starting with "^".
 */
export function defaultSnippetBody(value: TemplateValue): unknown {
  if (isPlaceholder(value)) return typeof value.value === 'string' ? tabStop(value) : `^${tabStop(value)}`;
  if (Array.isArray(value)) return value.map(defaultSnippetBody);
  if (typeof value === 'string') return escapeSnippet(value);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, defaultSnippetBody(v)]));
  }
  return value;
}

export function renderSnippetFile(templates: readonly Template[]): Record<string, unknown> {
  return Object.fromEntries(
    templates.map((t) => [
      t.label,
      { prefix: t.prefix, description: t.description, body: snippetLines(t.body) },
    ]),
  );
}
