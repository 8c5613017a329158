/**
 * Finds characters that mean the file's bytes were not valid UTF-8 (U+FFFD is what decoders put in
 * place of bad bytes) or that cannot be encoded as UTF-8 at all (lone UTF-16 surrogates). Sending
 * either would silently replace the user's data, so they are reported instead.
 */

export interface EncodingHit {
  offset: number;
  length: number;
  message: string;
}

// No `u` flag on purpose: we need to see UTF-16 code units to find unpaired surrogates.
const BAD_TEXT = /\uFFFD+|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const REPLACEMENT_MESSAGE =
  'This file contains U+FFFD replacement characters, which appear when the file has bytes that are ' +
  'not valid UTF-8; sending them would replace the original data. Reopen the file with its real ' +
  'encoding (status bar > "Reopen with Encoding"), save it as UTF-8, or retype this text.';

const LONE_SURROGATE_MESSAGE =
  'This character is half of a UTF-16 surrogate pair with no partner, so it cannot be sent as ' +
  'UTF-8. Delete it and retype the character.';

export const ESCAPED_SURROGATE_MESSAGE =
  'This string contains a \\u escape for half of a surrogate pair (\\uD800-\\uDFFF) without its ' +
  'partner, which the server cannot store as text. Use the full pair (e.g. \\uD83D\\uDE00) or the ' +
  'character itself.';

/** Every run of U+FFFD and every lone surrogate in the raw text. */
export function findEncodingProblems(text: string, limit: number): EncodingHit[] {
  const hits: EncodingHit[] = [];
  for (const match of text.matchAll(BAD_TEXT)) {
    if (hits.length >= limit) break;
    const isReplacement = match[0].charCodeAt(0) === 0xfffd;
    hits.push({
      offset: match.index ?? 0,
      length: match[0].length,
      message: isReplacement ? REPLACEMENT_MESSAGE : LONE_SURROGATE_MESSAGE,
    });
  }
  return hits;
}

export function hasLoneSurrogate(value: string): boolean {
  return LONE_SURROGATE.test(value);
}
