/**
 * One pass of jsonc-parser's visitor over a document (already known to be at most
 * MAX_NESTING_DEPTH deep, so the visitor's recursion is safe) that collects everything the reader
 * needs: syntax errors, duplicate keys, escaped lone surrogates, what the top-level value is, and
 * the JSON text to send.
 *
 * The body is the document's own tokens, exactly as written, without comments, whitespace and
 * trailing commas. Nothing is re-serialised from a parsed value, so a number such as 1e400,
 * 12345678901234567890 or -0 and an escape such as \u00e9 reach iDenfy spelled the way the user
 * wrote and checked them. Whitespace carries no data, and iDenfy's own examples send compact JSON.
 */
import { type JSONPath, type ParseErrorCode, visit } from 'jsonc-parser';
import { ESCAPED_SURROGATE_MESSAGE, hasLoneSurrogate } from './encoding';

export interface TreeHit {
  kind: 'duplicate_key' | 'encoding';
  offset: number;
  length: number;
  message: string;
}

export interface Walked {
  errors: { error: ParseErrorCode; offset: number; length: number }[];
  hits: TreeHit[];
  /** The first top-level value; undefined when the text holds none. */
  root?: {
    type: 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';
    offset: number;
    length: number;
  };
  /** The tokens without comments, whitespace and trailing commas: JSON when `errors` is empty. */
  body: string;
}

interface OpenObject {
  /** Offset and length of each key's first occurrence. */
  keys: Map<string, [number, number]>;
  /** Only for objects with a repeated key: its path, and every occurrence of each repeated key. */
  repeated?: { path: JSONPath; keys: Map<string, [number, number][]> };
}

export function walkDocument(text: string): Walked {
  const errors: Walked['errors'] = [];
  const hits: TreeHit[] = [];
  const objects: OpenObject[] = [];
  const openAt: number[] = [];
  const positionOf = positionLookup(text);
  let root: Walked['root'];
  let body = '';
  let pendingComma = false;

  const emit = (offset: number, length: number): string => {
    if (pendingComma) body += ',';
    pendingComma = false;
    const token = text.slice(offset, offset + length);
    body += token;
    return token;
  };
  const topLevel = (type: NonNullable<Walked['root']>['type'], offset: number, length: number) => {
    if (openAt.length === 0 && root === undefined) root = { type, offset, length };
  };
  const checkString = (value: string, raw: string, offset: number, length: number) => {
    // A raw lone surrogate is already reported from the text scan; only report strings where the
    // surrogate came from a \u escape so the same problem is not shown twice.
    if (raw.includes('\\u') && hasLoneSurrogate(value) && !hasLoneSurrogate(raw)) {
      hits.push({ kind: 'encoding', offset, length, message: ESCAPED_SURROGATE_MESSAGE });
    }
  };
  const close = (offset: number, length: number, type: 'object' | 'array') => {
    const start = openAt.pop() ?? offset;
    pendingComma = false; // it was a trailing comma
    emit(offset, length);
    topLevel(type, start, offset + length - start);
  };

  visit(
    text,
    {
      onObjectBegin: (offset, length) => {
        emit(offset, length);
        openAt.push(offset);
        objects.push({ keys: new Map() });
      },
      onObjectProperty: (name, offset, length, _line, _column, pathSupplier) => {
        checkString(name, emit(offset, length), offset, length);
        const object = objects[objects.length - 1];
        const first = object?.keys.get(name);
        if (!object) return;
        if (!first) {
          object.keys.set(name, [offset, length]);
          return;
        }
        // A repeated key: the path to its object is only worked out now (here it is that object's).
        object.repeated ??= { path: pathSupplier(), keys: new Map() };
        const all = object.repeated.keys.get(name);
        if (all) all.push([offset, length]);
        else object.repeated.keys.set(name, [first, [offset, length]]);
      },
      onObjectEnd: (offset, length) => {
        const repeated = objects.pop()?.repeated;
        if (repeated) hits.push(...duplicatesIn(repeated, positionOf));
        close(offset, length, 'object');
      },
      onArrayBegin: (offset, length) => {
        emit(offset, length);
        openAt.push(offset);
      },
      onArrayEnd: (offset, length) => close(offset, length, 'array'),
      onLiteralValue: (value: unknown, offset, length) => {
        const raw = emit(offset, length);
        if (typeof value === 'string') checkString(value, raw, offset, length);
        const type = value === null ? 'null' : (typeof value as 'string' | 'number' | 'boolean');
        topLevel(type, offset, length);
      },
      onSeparator: (character, offset, length) => {
        // A comma is kept back until the next token shows that it is not a trailing one.
        if (character === ',') pendingComma = true;
        else emit(offset, length);
      },
      onError: (error, offset, length) => {
        errors.push({ error, offset, length });
      },
    },
    { disallowComments: false, allowTrailingComma: true, allowEmptyContent: false },
  );
  return { errors, hits, root, body };
}

function duplicatesIn(
  object: NonNullable<OpenObject['repeated']>,
  positionOf: (offset: number) => string,
): TreeHit[] {
  const hits: TreeHit[] = [];
  for (const [name, keys] of object.keys) {
    const where = describePath(object.path);
    for (const [offset, length] of keys) {
      const others = keys.filter(([o]) => o !== offset).map(([o]) => positionOf(o));
      hits.push({
        kind: 'duplicate_key',
        offset,
        length,
        message:
          `The key "${name}" appears more than once in ${where} (also at ${others.join('; ')}). ` +
          'Delete all but one: the values may differ and only one of them can be sent.',
      });
    }
  }
  return hits;
}

function describePath(path: JSONPath): string {
  if (path.length === 0) return 'the request object';
  const text = path
    .map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : i === 0 ? segment : `.${segment}`))
    .join('');
  return `"${text}"`;
}

/**
 * "line L, column C" (1-based, as the editor's status bar shows it) for messages. Columns matter
 * because duplicates are often on the same line. Built on first use: most documents have none.
 */
function positionLookup(text: string): (offset: number) => string {
  let starts: number[] | undefined;
  return (offset) => {
    starts ??= lineStarts(text);
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return `line ${low + 1}, column ${offset - (starts[low] ?? 0) + 1}`;
  };
}

// Same line breaks as jsonc-parser and VS Code: \n, \r\n and a lone \r.
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 13 && text.charCodeAt(i + 1) === 10) i++;
    if (ch === 13 || ch === 10) starts.push(i + 1);
  }
  return starts;
}
