/**
 * A JSON or JSONC text's meaning with every number kept as the text it was written as, so two texts
 * can be compared for "the same data, the same number spellings" with deepStrictEqual. Built on
 * jsonc-parser's syntax tree, independently of the product's own reader.
 */
import { type Node, type ParseError, type ParseOptions, parseTree } from 'jsonc-parser';

export interface NumberText {
  number: string;
}

const STRICT: ParseOptions = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };
const JSONC: ParseOptions = { disallowComments: false, allowTrailingComma: true, allowEmptyContent: false };

function fromNode(text: string, node: Node, numbersAsText = true): unknown {
  switch (node.type) {
    case 'object':
      return Object.fromEntries(
        (node.children ?? []).map((p) => {
          const [key, value] = p.children ?? [];
          return [String(key?.value), value ? fromNode(text, value, numbersAsText) : undefined];
        }),
      );
    case 'array':
      return (node.children ?? []).map((child) => fromNode(text, child, numbersAsText));
    case 'number':
      if (!numbersAsText) return node.value;
      return { number: text.slice(node.offset, node.offset + node.length) } satisfies NumberText;
    default:
      return node.value;
  }
}

/** The meaning of `text`, numbers as their text; throws when `text` has syntax errors. */
export function withNumberTexts(text: string, jsonc = false, numbersAsText = true): unknown {
  const errors: ParseError[] = [];
  const source = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
  const root = parseTree(source, errors, jsonc ? JSONC : STRICT);
  if (errors.length > 0 || !root)
    throw new Error(`not ${jsonc ? 'JSONC' : 'strict JSON'}: ${text.slice(0, 200)}`);
  return fromNode(source, root, numbersAsText);
}

/** The meaning of a JSONC text as jsonc-parser reads it, numbers as numbers. */
export function jsoncValue(text: string): unknown {
  return withNumberTexts(text, true, false);
}
