import { getNodePath, type JSONPath, type Node } from 'jsonc-parser';
import { ESCAPED_SURROGATE_MESSAGE, hasLoneSurrogate } from './encoding.js';

export interface TreeHit {
  kind: 'duplicate_key' | 'encoding';
  offset: number;
  length: number;
  message: string;
}

/**
 * Walks a parsed tree (already known to be at most MAX_NESTING_DEPTH deep, so recursion is safe)
 * and reports duplicate keys and escaped lone surrogates. jsonc-parser keeps the last duplicate
 * silently; we must not, because the user cannot see which value would be sent.
 */
export function inspectTree(text: string, root: Node): TreeHit[] {
  const hits: TreeHit[] = [];
  const positionOf = positionLookup(text);
  const visit = (node: Node): void => {
    if (node.type === 'string' && isEscapedLoneSurrogate(text, node)) {
      hits.push({
        kind: 'encoding',
        offset: node.offset,
        length: node.length,
        message: ESCAPED_SURROGATE_MESSAGE,
      });
    }
    if (node.type === 'object') hits.push(...duplicatesIn(node, positionOf));
    for (const child of node.children ?? []) visit(child);
  };
  visit(root);
  return hits;
}

function duplicatesIn(object: Node, positionOf: (offset: number) => string): TreeHit[] {
  const byKey = new Map<string, Node[]>();
  for (const property of object.children ?? []) {
    const key = property.children?.[0];
    if (key?.type !== 'string') continue;
    const name = String(key.value);
    byKey.set(name, [...(byKey.get(name) ?? []), key]);
  }
  const hits: TreeHit[] = [];
  for (const [name, keys] of byKey) {
    if (keys.length < 2) continue;
    const where = describePath(getNodePath(object));
    for (const key of keys) {
      const others = keys.filter((k) => k !== key).map((k) => positionOf(k.offset));
      hits.push({
        kind: 'duplicate_key',
        offset: key.offset,
        length: key.length,
        message:
          `The key "${name}" appears more than once in ${where} (also at ${others.join('; ')}). ` +
          'Delete all but one: the values may differ and only one of them can be sent.',
      });
    }
  }
  return hits;
}

// A raw lone surrogate is already reported from the text scan; only report strings where the
// surrogate came from a \u escape so the same problem is not shown twice.
function isEscapedLoneSurrogate(text: string, node: Node): boolean {
  return (
    typeof node.value === 'string' &&
    hasLoneSurrogate(node.value) &&
    !hasLoneSurrogate(text.slice(node.offset, node.offset + node.length))
  );
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

/**
 * Plain-object copy of the tree. jsonc-parser's getNodeValue returns null-prototype objects, which
 * surprise callers (deepStrictEqual, hasOwnProperty); Object.fromEntries also keeps a "__proto__"
 * key as ordinary data instead of changing the prototype.
 */
export function nodeToValue(node: Node): unknown {
  switch (node.type) {
    case 'object':
      return Object.fromEntries(
        (node.children ?? []).flatMap((property) => {
          const [key, value] = property.children ?? [];
          return key && value ? [[String(key.value), nodeToValue(value)]] : [];
        }),
      );
    case 'array':
      return (node.children ?? []).map(nodeToValue);
    default:
      return node.value;
  }
}
