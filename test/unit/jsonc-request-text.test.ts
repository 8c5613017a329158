import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  findPropertyRange,
  MAX_NESTING_DEPTH,
  MAX_PROBLEMS,
  type RequestProblem,
  type RequestTextResult,
  readRequestText,
} from '../../src/jsonc/request-text.js';

function problemsOf(result: RequestTextResult): RequestProblem[] {
  assert.equal(result.ok, false, 'expected the text to be refused');
  return result.ok ? [] : result.problems;
}

/** kind/offset/length only: messages are checked separately where their wording matters. */
function spans(result: RequestTextResult): Array<[string, number, number]> {
  return problemsOf(result).map((p) => [p.kind, p.offset, p.length]);
}

describe('readRequestText: empty input', () => {
  test('an empty file is "empty" at the start', () => {
    assert.deepEqual(spans(readRequestText('')), [['empty', 0, 0]]);
  });

  test('whitespace only is "empty"', () => {
    assert.deepEqual(spans(readRequestText('  \n\t\r\n ')), [['empty', 0, 0]]);
  });

  test('comments only are "empty", and the message says what to write', () => {
    const [problem] = problemsOf(readRequestText('// draft\n/* later */\n'));
    assert.equal(problem?.kind, 'empty');
    assert.match(problem?.message ?? '', /clientId/);
  });

  test('an unterminated comment is a syntax error, not an empty file', () => {
    const kinds = problemsOf(readRequestText('/* draft')).map((p) => p.kind);
    assert.deepEqual([...new Set(kinds)], ['syntax']);
  });

  test('a BOM alone is "empty"', () => {
    assert.deepEqual(spans(readRequestText('\uFEFF')), [['empty', 0, 0]]);
  });
});

describe('readRequestText: syntax', () => {
  test('plain text is a syntax error over the text', () => {
    const [first] = problemsOf(readRequestText('hello'));
    assert.deepEqual([first?.kind, first?.offset, first?.length], ['syntax', 0, 5]);
    assert.match(first?.message ?? '', /not valid JSON/);
  });

  test('a missing comma is reported where the comma belongs, in a sentence', () => {
    const text = '{"a": 1 "b": 2}';
    const [first] = problemsOf(readRequestText(text));
    assert.deepEqual([first?.kind, first?.offset], ['syntax', text.indexOf('"b"')]);
    assert.match(first?.message ?? '', /^Expected "," here/);
  });

  test('an unclosed object is reported at the end of the text', () => {
    const text = '{"clientId": "a"';
    assert.deepEqual(spans(readRequestText(text)), [['syntax', text.length, 0]]);
  });

  test('text after the object is refused', () => {
    const text = '{"a": 1} {"b": 2}';
    const [first] = problemsOf(readRequestText(text));
    assert.deepEqual([first?.kind, first?.offset], ['syntax', 9]);
    assert.match(first?.message ?? '', /exactly one JSON object/);
  });
});

describe('readRequestText: top-level value must be an object', () => {
  for (const [label, value, found] of [
    ['array', '[1, 2]', 'an array'],
    ['string', '"clientId"', 'a string'],
    ['number', '42', 'a number'],
    ['null', 'null', 'null'],
    ['boolean', 'true', 'a boolean'],
  ] as const) {
    test(`${label} is not_object over the whole value`, () => {
      const text = `  ${value}\n`;
      const result = readRequestText(text);
      assert.deepEqual(spans(result), [['not_object', 2, value.length]]);
      const message = problemsOf(result)[0]?.message ?? '';
      assert.match(message, /^The request body must be a JSON object \{\.\.\.\}/);
      assert.ok(message.includes(`this is ${found}.`), message);
    });
  }
});

describe('readRequestText: accepted input', () => {
  test('comments and trailing commas are accepted and stripped from body', () => {
    const text = [
      '// test client',
      '{',
      '  "clientId": "user-1", /* required */',
      '  "documents": ["PASSPORT", "ID_CARD",],',
      '  "additionalData": { "ssn": "1", },',
      '}',
    ].join('\n');
    const result = readRequestText(text);
    assert.ok(result.ok);
    assert.deepEqual(result.value, {
      clientId: 'user-1',
      documents: ['PASSPORT', 'ID_CARD'],
      additionalData: { ssn: '1' },
    });
    assert.equal(
      result.body,
      '{"clientId":"user-1","documents":["PASSPORT","ID_CARD"],"additionalData":{"ssn":"1"}}',
    );
  });

  test('a leading BOM is ignored', () => {
    const result = readRequestText('\uFEFF{"clientId": "a"}');
    assert.ok(result.ok);
    assert.equal(result.body, '{"clientId":"a"}');
  });

  test('with a BOM, offsets still point into the text as given', () => {
    const text = '\uFEFF{"a" 1}';
    const [first] = problemsOf(readRequestText(text));
    assert.deepEqual([first?.kind, first?.offset], ['syntax', text.indexOf('1')]);
  });

  test('a "__proto__" key stays ordinary data on a plain object', () => {
    const result = readRequestText('{"clientId": "a", "__proto__": {"x": 1}}');
    assert.ok(result.ok);
    assert.equal(Object.getPrototypeOf(result.value), Object.prototype);
    assert.equal(result.body, '{"clientId":"a","__proto__":{"x":1}}');
  });

  test('a valid surrogate pair, raw or escaped, is accepted', () => {
    const result = readRequestText('{"a": "😀", "b": "\\uD83D\\uDE00"}');
    assert.ok(result.ok);
    assert.deepEqual(result.value, { a: '😀', b: '😀' });
  });
});

describe('readRequestText: duplicate keys', () => {
  test('each occurrence of a top-level duplicate is flagged on its key', () => {
    const text = '{\n  "country": "LT",\n  "clientId": "a",\n  "country": "LV"\n}';
    const first = text.indexOf('"country"');
    const second = text.lastIndexOf('"country"');
    const result = readRequestText(text);
    assert.deepEqual(spans(result), [
      ['duplicate_key', first, 9],
      ['duplicate_key', second, 9],
    ]);
    const [a, b] = problemsOf(result);
    assert.match(a?.message ?? '', /"country" appears more than once .*line 4, column 3/);
    assert.match(b?.message ?? '', /"country" appears more than once .*line 2, column 3/);
  });

  test('line numbers count a CRLF as one line break', () => {
    const text = '{\r\n"a": 1,\r\n\r\n  "a": 2}';
    assert.match(problemsOf(readRequestText(text))[0]?.message ?? '', /also at line 4, column 3\)/);
  });

  test('duplicates nested in additionalData are flagged and the object is named', () => {
    const text = '{"clientId": "a", "additionalData": {"x": {"ssn": "1", "ssn": "2"}}}';
    const first = text.indexOf('"ssn"');
    const second = text.lastIndexOf('"ssn"');
    const result = readRequestText(text);
    assert.deepEqual(spans(result), [
      ['duplicate_key', first, 5],
      ['duplicate_key', second, 5],
    ]);
    assert.match(problemsOf(result)[0]?.message ?? '', /in "additionalData\.x"/);
  });

  test('duplicates inside an array element are found too', () => {
    const text = '{"list": [{"k": 1}, {"k": 1, "k": 2}]}';
    assert.deepEqual(
      spans(readRequestText(text)).map(([kind, offset]) => [kind, offset]),
      [
        ['duplicate_key', text.indexOf('"k": 1,')],
        ['duplicate_key', text.lastIndexOf('"k"')],
      ],
    );
  });

  test('the same key in different objects is not a duplicate', () => {
    assert.ok(readRequestText('{"a": {"id": 1}, "b": {"id": 2}, "id": 3}').ok);
  });
});

describe('readRequestText: limits', () => {
  test('a 10 MB file is too_large, answered without parsing it', () => {
    // Unbalanced brackets: parsing this would overflow the stack, so a clean answer proves no parse.
    const text = '['.repeat(10 * 1024 * 1024);
    const started = performance.now();
    const result = readRequestText(text);
    const elapsed = performance.now() - started;
    assert.deepEqual(spans(result), [['too_large', 0, 0]]);
    assert.match(problemsOf(result)[0]?.message ?? '', /10\.0 MB, over the 5\.0 MB limit/);
    assert.ok(elapsed < 250, `took ${elapsed} ms`);
  });

  test('the cap counts UTF-8 bytes, not characters', () => {
    // 3 million two-byte characters: under 5 MB as characters, 6 MB as bytes.
    const text = `{"clientId": "${'é'.repeat(3_000_000)}"}`;
    assert.deepEqual(spans(readRequestText(text)), [['too_large', 0, 0]]);
  });

  test('a 4 MB request is still accepted', () => {
    const text = `{"clientId": "${'a'.repeat(4 * 1024 * 1024)}"}`;
    assert.ok(readRequestText(text).ok);
  });

  test('1,000-deep nesting in additionalData is too_deep at the first bracket past the cap', () => {
    const prefix = '{"clientId": "x", "additionalData": ';
    const text = `${prefix}${'{"a": '.repeat(1000)}1${'}'.repeat(1000)}}`;
    // The top-level object is level 1 and additionalData's object level 2.
    const expected = prefix.length + (MAX_NESTING_DEPTH + 1 - 2) * '{"a": '.length;
    const result = readRequestText(text);
    assert.deepEqual(spans(result), [['too_deep', expected, 1]]);
    assert.match(problemsOf(result)[0]?.message ?? '', /more than 64 levels/);
  });

  test('nesting exactly at the cap is accepted', () => {
    const text = `${'{"a": '.repeat(MAX_NESTING_DEPTH)}1${'}'.repeat(MAX_NESTING_DEPTH)}`;
    assert.ok(readRequestText(text).ok);
  });

  test('100,000 open brackets give a message, not a stack overflow', () => {
    assert.deepEqual(spans(readRequestText('['.repeat(100_000))), [['too_deep', MAX_NESTING_DEPTH, 1]]);
  });

  test('brackets inside strings and comments do not count as nesting', () => {
    const deep = '['.repeat(200);
    assert.ok(readRequestText(`{"clientId": "${deep}" /* ${deep} */}`).ok);
  });

  test('many shallow siblings do not add up to a deep document', () => {
    const text = `{"clientId": "x", "list": [${'{"a": [1]},'.repeat(200)}]}`;
    assert.ok(readRequestText(text).ok);
  });

  test(`at most ${MAX_PROBLEMS} problems are returned, across kinds, first ones first`, () => {
    // 60 encoding problems and 120 duplicate-key problems.
    const text = `{"clientId": "${'\uFFFDx'.repeat(60)}", ${'"d": 1, '.repeat(120)}}`;
    const problems = problemsOf(readRequestText(text));
    assert.equal(problems.length, MAX_PROBLEMS);
    assert.deepEqual(
      [problems[0]?.kind, problems[59]?.kind, problems[60]?.kind],
      ['encoding', 'encoding', 'duplicate_key'],
    );
  });
});

describe('readRequestText: encoding', () => {
  test('invalid UTF-8 bytes decoded to U+FFFD are flagged at their position', () => {
    // {"a":"<ff><fe>"} : two invalid bytes become two U+FFFD at offsets 6 and 7.
    const text = Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]).toString('utf8');
    const result = readRequestText(text);
    assert.deepEqual(spans(result), [['encoding', 6, 2]]);
    assert.match(problemsOf(result)[0]?.message ?? '', /not valid UTF-8/);
  });

  test('a U+FFFD outside a string gets only the encoding message', () => {
    const text = '{"a": 1, \uFFFD}';
    assert.deepEqual(spans(readRequestText(text)), [['encoding', 9, 1]]);
  });

  test('a raw lone surrogate is flagged', () => {
    const text = '{"a": "x\uD800y"}';
    const result = readRequestText(text);
    assert.deepEqual(spans(result), [['encoding', 8, 1]]);
    assert.match(problemsOf(result)[0]?.message ?? '', /surrogate pair with no partner/);
  });

  test('a lone low surrogate is flagged', () => {
    assert.deepEqual(spans(readRequestText('{"a": "\uDC00"}')), [['encoding', 7, 1]]);
  });

  test('an escaped lone surrogate is flagged on its string', () => {
    const text = '{"a": "\\ud800"}';
    assert.deepEqual(spans(readRequestText(text)), [['encoding', 6, 8]]);
  });

  test('problems of different kinds come back sorted by offset', () => {
    const text = '{"a": 1 "b": "\uFFFD", "a": 2}';
    assert.deepEqual(
      spans(readRequestText(text)).map(([kind]) => kind),
      ['duplicate_key', 'syntax', 'encoding', 'duplicate_key'],
    );
  });
});

describe('findPropertyRange', () => {
  const text = [
    '\uFEFF{ // comment',
    '  "clientId": "a",',
    '  "documents": ["PASSPORT", "ID_CARD",],',
    '  "additionalData": { "ssn": "1" },',
    '}',
  ].join('\n');

  test('a top-level property gives its key range', () => {
    assert.deepEqual(findPropertyRange(text, ['clientId']), {
      offset: text.indexOf('"clientId"'),
      length: 10,
    });
  });

  test('a nested property gives its key range', () => {
    assert.deepEqual(findPropertyRange(text, ['additionalData', 'ssn']), {
      offset: text.indexOf('"ssn"'),
      length: 5,
    });
  });

  test('an array element gives its value range', () => {
    assert.deepEqual(findPropertyRange(text, ['documents', 1]), {
      offset: text.indexOf('"ID_CARD"'),
      length: 9,
    });
  });

  test('the empty path gives the whole object', () => {
    const start = text.indexOf('{');
    assert.deepEqual(findPropertyRange(text, []), {
      offset: start,
      length: text.lastIndexOf('}') + 1 - start,
    });
  });

  test('a missing property is undefined', () => {
    assert.equal(findPropertyRange(text, ['country']), undefined);
    assert.equal(findPropertyRange(text, ['clientId', 'x']), undefined);
    assert.equal(findPropertyRange(text, ['documents', 5]), undefined);
  });

  test('text that readRequestText refuses to parse gives undefined instead of throwing', () => {
    assert.equal(findPropertyRange('['.repeat(100_000), [0]), undefined);
    assert.equal(findPropertyRange(`{"a": "${'x'.repeat(6 * 1024 * 1024)}"}`, ['a']), undefined);
  });
});
