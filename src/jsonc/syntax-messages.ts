import { type ParseErrorCode, printParseErrorCode } from 'jsonc-parser';

/**
 * jsonc-parser only gives a code name such as "CommaExpected"; users need a sentence that says
 * what to change. Keyed by the printed name so no const-enum values are copied here.
 */
const MESSAGES: Record<string, string> = {
  InvalidSymbol:
    'This is not valid JSON. Remove these characters, or put text in double quotes to make it a string.',
  InvalidNumberFormat:
    'This number is not valid JSON (no leading zeros, trailing dots, hex or NaN). Write it like 42 or 1.5, or quote it as a string.',
  PropertyNameExpected: 'Expected a property name in double quotes here, for example "clientId".',
  ValueExpected: 'Expected a value here: a "string", a number, true, false, null, an {object} or an [array].',
  ColonExpected: 'Expected ":" between the property name and its value.',
  CommaExpected: 'Expected "," here: add a comma between the two entries.',
  CloseBraceExpected: 'Expected "}" here: close the object, or add a missing comma before this point.',
  CloseBracketExpected: 'Expected "]" here: close the array, or add a missing comma before this point.',
  EndOfFileExpected:
    'Unexpected text after the end of the request object. The file must hold exactly one JSON object: remove this or move it inside the braces.',
  InvalidCommentToken: 'This comment is not valid. Use // line comments or /* block comments */.',
  UnexpectedEndOfComment: 'This block comment is never closed. Add "*/" where it should end.',
  UnexpectedEndOfString:
    'This string is never closed. Add the closing double quote; a string cannot run over a line break.',
  UnexpectedEndOfNumber: 'This number is cut off. Complete it, for example 1.5 or 1e3.',
  InvalidUnicode: 'This \\u escape is not valid. It needs exactly four hex digits, for example \\u00e9.',
  InvalidEscapeCharacter:
    'This escape is not valid JSON. Use \\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX; write a literal backslash as \\\\.',
  InvalidCharacter:
    'A control character (such as a raw tab or line break) is not allowed inside a string. Write it as \\t or \\n.',
};

export function syntaxMessage(code: ParseErrorCode): string {
  const name = printParseErrorCode(code);
  return MESSAGES[name] ?? `This is not valid JSON (${name}). Check the text around this point.`;
}
