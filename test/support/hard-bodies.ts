/**
 * fast-check generator of valid request texts made to break quoting: clientId strings built from the
 * characters each language treats specially (written raw or as JSON escapes), names with non-ASCII
 * letters, and raw whitespace (CR, LF, CRLF, tab) between the tokens.
 */
import fc from 'fast-check';

/** Pieces that end or bend a quoted string in bash, PowerShell, JS, Python or PHP. */
const HARD_PIECES = [
  "'",
  '\\"',
  '$',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal ${…}, which a template literal or shell would expand
  '${HOME}',
  '$(id)',
  '$env:PATH',
  '`',
  '`n',
  '\\\\',
  '\\\\\\\\',
  '\\n',
  '\\r\\n',
  '\\t',
  '\\u00e9',
  '\\ud83d\\ude00',
  '\\/',
  "'@",
  "'''",
  '\\"\\"\\"',
  'IDENFY_JSON',
  '%s',
  '{{',
  '‘',
  '’',
  '\u2028',
  'Žemaitė',
  '漢字',
  '😀',
  '#',
  ';',
  '&&',
  '!',
  ' ',
  'a',
];

const NAMES = ['Žemaitė', 'Jūratė', '漢字', "O'Brien", 'Zoë Ärger', 'Łukasz', 'Ñandú'];

/** Whitespace JSON allows between tokens, CR-only breaks included. */
const space = fc.constantFrom('', ' ', '\n', '\r\n', '\r', '\t', '\n  ', '\r\n\t');

/** A JSON string literal's contents: each piece is already valid inside "…". */
const hardString = fc
  .array(fc.constantFrom(...HARD_PIECES), { minLength: 1, maxLength: 12 })
  .map((pieces) => pieces.join(''))
  .filter((s) => JSON.parse(`"${s}"`).length <= 100 && JSON.parse(`"${s}"`).trim() !== '');

export function hardRequestText(): fc.Arbitrary<string> {
  return fc
    .record({
      clientId: hardString,
      firstName: fc.option(fc.constantFrom(...NAMES), { nil: undefined }),
      gaps: fc.array(space, { minLength: 8, maxLength: 8 }),
    })
    .map(({ clientId, firstName, gaps }) => {
      const g = (i: number) => gaps[i] ?? '';
      const name =
        firstName === undefined ? '' : `,${g(4)}"firstName"${g(5)}:${g(6)}${JSON.stringify(firstName)}`;
      return `${g(0)}{${g(1)}"clientId"${g(2)}:${g(3)}"${clientId}"${name}${g(7)}}${g(0)}`;
    });
}
