/**
 * The one-pass reader for the common case, a file with nothing wrong in it: the engine's own
 * JSON.parse reads it (comments blanked first), several times faster than building jsonc-parser's
 * syntax tree, which only pays off when there are problems to place and explain.
 *
 * It answers only when the value is certainly the one the full parse (request-text.ts) would give.
 * Anything else returns undefined and goes to the full parse: trailing commas and syntax errors
 * (JSON.parse refuses them), bad tokens the scanner saw, bad encoding, a top-level value that is not
 * an object, and duplicate keys, which JSON.parse would resolve silently by keeping the last one.
 */
import { hasEncodingProblem, hasLoneSurrogate } from './encoding.js';
import type { StructureScan } from './limits.js';

/** The request object, or undefined when the full parse must decide. */
export function readWellFormed(source: string, scan: StructureScan): Record<string, unknown> | undefined {
  if (scan.tokenErrors || hasEncodingProblem(source)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(blankComments(source, scan.comments));
  } catch {
    return undefined;
  }
  if (!isObject(value)) return undefined;
  // Lone surrogates in the raw text were ruled out above; only a \u escape can still produce one.
  const escapes = source.includes('\\u');
  // One ':' per property in the text; fewer properties in the value means a key was repeated.
  return countProperties(value, escapes) === scan.colons ? value : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function blankComments(source: string, comments: StructureScan['comments']): string {
  if (comments.length === 0) return source;
  let out = '';
  let from = 0;
  for (const [start, end] of comments) {
    out += `${source.slice(from, start)} `;
    from = end;
  }
  return out + source.slice(from);
}

/**
 * Properties in all objects of `value`, or -1 when `escapes` is set and a string (value or key)
 * holds a lone surrogate: the full parse explains those. Recursion is safe: scanStructure has
 * already capped the nesting depth.
 */
function countProperties(value: unknown, escapes: boolean): number {
  if (typeof value === 'string') return escapes && hasLoneSurrogate(value) ? -1 : 0;
  if (typeof value !== 'object' || value === null) return 0;
  let count = 0;
  if (Array.isArray(value)) {
    for (const item of value) {
      const inner = countProperties(item, escapes);
      if (inner < 0) return -1;
      count += inner;
    }
    return count;
  }
  const object = value as Record<string, unknown>;
  for (const key of Object.keys(object)) {
    if (escapes && hasLoneSurrogate(key)) return -1;
    const inner = countProperties(object[key], escapes);
    if (inner < 0) return -1;
    count += inner + 1;
  }
  return count;
}
