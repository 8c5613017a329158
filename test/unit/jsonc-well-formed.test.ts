/**
 * readRequestText reads well-formed files in one pass (JSON.parse, well-formed.ts) and everything
 * else with jsonc-parser's full parse (readThoroughly). The shortcut must never change an answer:
 * these tests hold the two to the same result on named edge cases and on generated JSONC texts,
 * clean and damaged.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { MAX_NESTING_DEPTH, scanStructure } from '../../src/jsonc/limits';
import { readRequestText, readThoroughly } from '../../src/jsonc/request-text';
import { readWellFormed } from '../../src/jsonc/well-formed';
import type { JsonValue } from '../support/arbitraries';

/** Empty and too-deep texts are answered before either reader runs, so they are not compared. */
function sameAnswer(text: string): void {
  const scan = scanStructure(text, MAX_NESTING_DEPTH);
  if (!scan.hasContent || scan.tooDeepAt !== undefined) return;
  assert.deepStrictEqual(readRequestText(text), readThoroughly(text), JSON.stringify(text));
}

function shortcut(text: string): Record<string, unknown> | undefined {
  return readWellFormed(text, scanStructure(text, MAX_NESTING_DEPTH));
}

describe('one-pass reader: named cases', () => {
  const cases: Record<string, string> = {
    'plain JSON': '{"clientId": "a", "documents": ["PASSPORT"], "expiryTime": 600}',
    'line and block comments': '// head\n{ /* a */ "clientId": /* b */ "a" // tail\n}',
    'a comment between a key and its colon': '{"clientId"/* x */:"a"}',
    'a trailing comma': '{"clientId": "a",}',
    'a trailing comma in an array': '{"clientId": "a", "documents": ["PASSPORT",]}',
    'a duplicate key': '{"clientId": "a", "clientId": "b"}',
    'a duplicate key in a nested object': '{"clientId": "a", "additionalData": {"x": 1, "x": 2}}',
    'a duplicate __proto__': '{"clientId": "a", "__proto__": 1, "__proto__": 2}',
    'one __proto__ key, kept as data': '{"clientId": "a", "__proto__": {"polluted": true}}',
    'colons inside strings': '{"clientId": "a:b:c", "successUrl": "https://x.io:8443/a"}',
    'an escaped lone surrogate in a value': '{"clientId": "\\uD800"}',
    'an escaped lone surrogate in a key': '{"clientId": "a", "\\uDC00": 1}',
    'an escaped surrogate pair': '{"clientId": "\\uD83D\\uDE00"}',
    'a raw lone surrogate': '{"clientId": "\uD800"}',
    'a replacement character': '{"clientId": "\uFFFD"}',
    'an unterminated comment after the object': '{"clientId": "a"} /* not closed',
    'an unterminated string': '{"clientId": "a',
    'a BOM': '\uFEFF{"clientId": "a"}',
    'a non-breaking space as whitespace': '{"clientId":\u00A0"a"}',
    'a vertical tab as whitespace': '{"clientId":\u000B"a"}',
    'a top-level array': '[{"clientId": "a"}]',
    'a top-level string': '"clientId"',
    'null at the top': 'null',
    'two values': '{"clientId": "a"} {"clientId": "b"}',
    'huge and negative-zero numbers': '{"clientId": "a", "x": 1e999, "y": -0, "z": 1E-400}',
    'a leading zero': '{"clientId": "a", "x": 01}',
    'a control character in a string': '{"clientId": "a\u0001"}',
    'a bad escape': '{"clientId": "\\x41"}',
    'single quotes': "{'clientId': 'a'}",
    'an empty key and an empty object': '{"": {}, "clientId": "a", "e": []}',
  };
  for (const [name, text] of Object.entries(cases)) {
    test(`${name}: same answer as the full parse`, () => sameAnswer(text));
  }

  test('the shortcut answers for the typical file, comments and all', () => {
    assert.deepEqual(shortcut('// note\n{\n  "clientId": "a", /* x */ "locale": "en"\n}\n'), {
      clientId: 'a',
      locale: 'en',
    });
  });

  test('the shortcut leaves every damaged or ambiguous file to the full parse', () => {
    for (const name of [
      'a trailing comma',
      'a duplicate key',
      'a duplicate key in a nested object',
      'a duplicate __proto__',
      'an escaped lone surrogate in a value',
      'an escaped lone surrogate in a key',
      'a raw lone surrogate',
      'a replacement character',
      'an unterminated comment after the object',
      'a top-level array',
    ]) {
      assert.equal(shortcut(cases[name] as string), undefined, name);
    }
  });
});

// Generated JSONC: values written with random whitespace, comments, escapes, trailing commas and
// repeated keys, then sometimes damaged (cut short, a character inserted, a comment left open).
const TRIVIA = ['', ' ', '\n  ', '\t', '\r\n', '/* c */', '// c\n', '\u00A0', '/**/'];
const ODD = ['\uFEFF', '\uFFFD', '\uD800', '\uDC00', ',', '}', ']', ':', '"', '/', '\\', '\u0000', 'x', '1'];

function write(value: JsonValue, noise: number[]): string {
  let i = 0;
  const pick = () => noise[i++ % noise.length] as number;
  const gap = () => TRIVIA[pick() % TRIVIA.length] as string;
  const str = (s: string) => {
    const plain = JSON.stringify(s);
    // Sometimes every character as a \u escape, which is where escaped surrogates come from.
    if (pick() % 5 !== 0) return plain;
    return `"${[...Array(s.length).keys()].map((k) => `\\u${s.charCodeAt(k).toString(16).padStart(4, '0')}`).join('')}"`;
  };
  const go = (v: JsonValue): string => {
    if (v === null || typeof v !== 'object') return typeof v === 'string' ? str(v) : JSON.stringify(v);
    const trailing = pick() % 7 === 0 ? ',' : '';
    if (Array.isArray(v))
      return `[${gap()}${v.map((x) => go(x)).join(`,${gap()}`)}${v.length ? trailing : ''}${gap()}]`;
    const entries = Object.entries(v);
    if (entries.length > 0 && pick() % 6 === 0) entries.push(entries[0] as [string, JsonValue]);
    const body = entries.map(([k, x]) => `${str(k)}${gap()}:${gap()}${go(x)}`).join(`,${gap()}`);
    return `{${gap()}${body}${entries.length ? trailing : ''}${gap()}}`;
  };
  return `${gap()}${go(value)}${gap()}`;
}

function damage(text: string, how: number, at: number, odd: number): string {
  const cut = at % (text.length + 1);
  switch (how % 6) {
    case 0:
      return text.slice(0, cut);
    case 1:
      return `${text.slice(0, cut)}${ODD[odd % ODD.length]}${text.slice(cut)}`;
    case 2:
      return `${text}/* open`;
    default:
      return text;
  }
}

const anyValue = fc.jsonValue({ maxDepth: 4 }) as fc.Arbitrary<JsonValue>;
const document = fc.oneof(
  { weight: 4, arbitrary: fc.dictionary(fc.string({ maxLength: 6 }), anyValue, { maxKeys: 6 }) },
  { weight: 1, arbitrary: anyValue },
);

describe('one-pass reader: generated JSONC', () => {
  test('clean and damaged texts get the same answer from both readers', () => {
    let shortcutAnswered = 0;
    fc.assert(
      fc.property(
        document,
        fc.array(fc.nat(), { minLength: 1, maxLength: 40 }),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        (value, noise, how, at, odd) => {
          const text = damage(write(value, noise), how, at, odd);
          if (shortcut(text)) shortcutAnswered++;
          sameAnswer(text);
        },
      ),
      { numRuns: 3000 },
    );
    // Both readers were really exercised: many texts took the shortcut and many did not.
    assert.ok(shortcutAnswered > 300 && shortcutAnswered < 2700, `shortcut answered ${shortcutAnswered}`);
  });
});
