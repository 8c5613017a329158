import { createScanner, ScanError, SyntaxKind } from 'jsonc-parser';

/**
 * Largest request body we accept, in UTF-8 bytes. A body this big is almost certainly a mistake
 * (e.g. an embedded file) and would be refused by the server anyway; refusing early also keeps the
 * editor responsive because nothing past this check ever parses the text.
 */
export const MAX_REQUEST_BYTES = 5 * 1024 * 1024;

/**
 * Deepest nesting we accept (the top-level object is level 1). Real iDenfy requests are at most a
 * few levels deep; the cap exists because jsonc-parser, JSON.stringify and zod all recurse, and a
 * hand-made or generated 100,000-deep document would overflow the stack instead of giving a message.
 */
export const MAX_NESTING_DEPTH = 64;

/** UTF-8 size of `text`, or undefined when it fits under `maxBytes`. */
export function oversizeBytes(text: string, maxBytes: number): number | undefined {
  // UTF-8 never uses fewer bytes than UTF-16 code units, so a long string is over the cap without
  // encoding it; this keeps a 10 MB document from being walked at all.
  if (text.length > maxBytes) return Math.max(text.length, Buffer.byteLength(text, 'utf8'));
  // Three bytes per code unit is the UTF-8 worst case, so short texts cannot be over the cap either.
  if (text.length * 3 <= maxBytes) return undefined;
  const bytes = Buffer.byteLength(text, 'utf8');
  return bytes > maxBytes ? bytes : undefined;
}

export interface StructureScan {
  /** False when the text holds nothing but whitespace and well-formed comments. */
  hasContent: boolean;
  /** Offset of the first '{' or '[' that opens a level deeper than the cap. */
  tooDeepAt?: number;
}

/**
 * One flat pass with jsonc-parser's scanner (which does not recurse), so depth is known before
 * anything recursive touches the text.
 */
export function scanStructure(text: string, maxDepth: number): StructureScan {
  const scanner = createScanner(text, false);
  let depth = 0;
  let hasContent = false;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (isTrivia(kind)) {
      // An unterminated block comment is a syntax error, not an empty file: let the parser report it.
      if (scanner.getTokenError() !== ScanError.None) hasContent = true;
      continue;
    }
    hasContent = true;
    if (kind === SyntaxKind.OpenBraceToken || kind === SyntaxKind.OpenBracketToken) {
      depth++;
      if (depth > maxDepth) return { hasContent, tooDeepAt: scanner.getTokenOffset() };
    } else if ((kind === SyntaxKind.CloseBraceToken || kind === SyntaxKind.CloseBracketToken) && depth > 0) {
      depth--;
    }
  }
  return { hasContent };
}

function isTrivia(kind: SyntaxKind): boolean {
  return (
    kind === SyntaxKind.Trivia ||
    kind === SyntaxKind.LineBreakTrivia ||
    kind === SyntaxKind.LineCommentTrivia ||
    kind === SyntaxKind.BlockCommentTrivia
  );
}
