/** Turns the template catalog into VS Code snippet text (snippets/) and plain values. */
import { isPlainObject } from '../util/is-plain-object';
import type { Placeholder, Template, TemplateObject, TemplateValue } from './catalog';

function isPlaceholder(value: TemplateValue): value is Placeholder {
  return isPlainObject(value) && 'tabStop' in value;
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

function tabStop(p: Placeholder): string {
  // The inserted text lands inside a JSON string: JSON-escape first, then escape snippet syntax.
  const json = (text: string) => JSON.stringify(text).slice(1, -1);
  if (p.choices) return `\${${p.tabStop}|${p.choices.map((c) => escapeChoice(json(c))).join(',')}|}`;
  return `\${${p.tabStop}:${escapeSnippet(json(String(p.value)))}}`;
}

/** JSON text of the body with tab stops, as lines (the snippet file's `body`). */
export function snippetLines(body: TemplateObject): string[] {
  const marks: string[] = [];
  // Markers that JSON.stringify leaves as they are and that no template contains (U+2063, U+2064).
  const marked = JSON.stringify(
    body,
    (_key, value: TemplateValue) => {
      if (!isPlaceholder(value)) return value;
      marks.push(tabStop(value));
      return typeof value.value === 'string'
        ? `\u2063${marks.length - 1}\u2063`
        : `\u2064${marks.length - 1}\u2064`;
    },
    2,
  );
  // The JSON text itself is snippet text: its $ and \ must not start snippet syntax.
  // Strings keep their quotes around the tab stop; numbers and booleans are inserted bare.
  const text = marked
    .replace(/[$\\]/g, '\\$&')
    .replace(/\u2063(\d+)\u2063/g, (_m, i: string) => marks[Number(i)] ?? '')
    .replace(/"\u2064(\d+)\u2064"/g, (_m, i: string) => marks[Number(i)] ?? '');
  return text.split('\n');
}

export function renderSnippetFile(templates: readonly Template[]): Record<string, unknown> {
  return Object.fromEntries(
    templates.map((t) => [
      t.label,
      { prefix: t.prefix, description: t.description, body: snippetLines(t.body) },
    ]),
  );
}
