/**
 * What is sent is exactly what was checked (issue #9, item 5). readRequestText's `body` is the
 * checked text with comments, trailing commas and whitespace removed, nothing re-serialised: these
 * tests hold it to "parses to the checked value, every number spelled as in the document", on named
 * edge cases, on generated JSONC texts (clean and damaged), and through a real server on 127.0.0.1.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { type Emulator, startEmulator } from '../../src/emulator/server';
import { HistoryStore } from '../../src/history/store';
import { readRequestText } from '../../src/jsonc/request-text';
import { validateRequest } from '../../src/model/validate';
import { prepareRequest } from '../../src/session/prepare';
import {
  type JsoncValue,
  jsoncData,
  ODD_NUMBER_TEXTS,
  RawNumber,
  validRequest,
  writeJsonc,
} from '../support/arbitraries';
import { jsoncValue, withNumberTexts } from '../support/json-source';
import { emulatorTarget, MapStorage, recordBodies, sendThrough } from '../support/reliability';

/** The body of an accepted text is strict JSON meaning the same data, numbers spelled the same. */
function assertExactBody(text: string): boolean {
  const read = readRequestText(text);
  if (!read.ok) return false;
  assert.deepStrictEqual(withNumberTexts(read.body), withNumberTexts(text, true), JSON.stringify(text));
  // The value the model is given is what jsonc-parser reads in the document (-0 and Infinity included).
  assert.deepStrictEqual(read.value, jsoncValue(text), JSON.stringify(text));
  return true;
}

describe('exact body: named cases', () => {
  const accepted: Record<string, string> = {
    'plain JSON': '{"clientId": "a", "documents": ["PASSPORT"], "expiryTime": 600}',
    'line and block comments': '// head\n{ /* a */ "clientId": /* b */ "a" // tail\n}',
    'a comment between a key and its colon': '{"clientId"/* x */:"a"}',
    'a trailing comma': '{"clientId": "a",}',
    'a trailing comma in an array, then a comment': '{"clientId": "a", "documents": ["PASSPORT", /* x */ ]}',
    'one __proto__ key, kept as data': '{"clientId": "a", "__proto__": {"polluted": true}}',
    'colons and commas inside strings': '{"clientId": "a:b,]", "successUrl": "https://x.io:8443/a"}',
    'comment markers inside strings': '{"clientId": "//not a comment /* nor this */"}',
    'an escaped surrogate pair': '{"clientId": "\\uD83D\\uDE00"}',
    'escapes kept as written': '{"clientId": "\\u00e9\\/\\"\\\\"}',
    'a BOM': '\uFEFF{"clientId": "a"}',
    'huge, tiny, long and negative-zero numbers': `{"clientId": "a", "additionalData": {"x": [${ODD_NUMBER_TEXTS.join(', ')}]}}`,
    'an empty key and an empty object': '{"": {}, "clientId": "a", "e": []}',
  };
  for (const [name, text] of Object.entries(accepted)) {
    test(`${name}: accepted, and the body is the checked text`, () => {
      assert.equal(assertExactBody(text), true, `refused: ${JSON.stringify(readRequestText(text))}`);
    });
  }

  test('numbers a JavaScript number cannot hold are sent as written', () => {
    const read = readRequestText(
      '{"clientId": "a", "additionalData": {"big": 1e400, "long": 12345678901234567890, "zero": -0}}',
    );
    assert.equal(read.ok, true);
    if (!read.ok) return;
    assert.equal(
      read.body,
      '{"clientId":"a","additionalData":{"big":1e400,"long":12345678901234567890,"zero":-0}}',
    );
  });

  const refused: Record<string, string> = {
    'a duplicate key': '{"clientId": "a", "clientId": "b"}',
    'a duplicate key in a nested object': '{"clientId": "a", "additionalData": {"x": 1, "x": 2}}',
    'a duplicate __proto__': '{"clientId": "a", "__proto__": 1, "__proto__": 2}',
    'an escaped lone surrogate in a value': '{"clientId": "\\uD800"}',
    'an escaped lone surrogate in a key': '{"clientId": "a", "\\uDC00": 1}',
    'a raw lone surrogate': '{"clientId": "\uD800"}',
    'a replacement character': '{"clientId": "\uFFFD"}',
    'an unterminated comment after the object': '{"clientId": "a"} /* not closed',
    'an unterminated string': '{"clientId": "a',
    'a top-level array': '[{"clientId": "a"}]',
    'a top-level string': '"clientId"',
    'null at the top': 'null',
    'two values': '{"clientId": "a"} {"clientId": "b"}',
    'a leading zero': '{"clientId": "a", "x": 01}',
    'a control character in a string': '{"clientId": "a\u0001"}',
    'a bad escape': '{"clientId": "\\x41"}',
    'single quotes': "{'clientId': 'a'}",
    'two commas': '{"clientId": "a",,}',
    'a non-breaking space between tokens': '{"clientId":\u00A0"a"}',
    'a vertical tab between tokens': '{"clientId":\u000B"a"}',
  };
  for (const [name, text] of Object.entries(refused)) {
    test(`${name}: refused, so there is no body to send`, () => {
      assert.equal(readRequestText(text).ok, false);
    });
  }
});

// Damage to a generated text: cut short, a character inserted, a comment left open.
const ODD = ['\uFEFF', '\uFFFD', '\uD800', '\uDC00', ',', '}', ']', ':', '"', '/', '\\', '\u0000', 'x', '1'];
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

const document = fc.oneof(
  { weight: 4, arbitrary: fc.dictionary(fc.string({ maxLength: 6 }), jsoncData, { maxKeys: 6 }) },
  { weight: 1, arbitrary: jsoncData },
);
const noise = fc.array(fc.nat(), { minLength: 1, maxLength: 40 });

describe('exact body: generated JSONC', () => {
  test('every accepted text, clean or damaged, gives a body that is that text', () => {
    let accepted = 0;
    fc.assert(
      fc.property(document, noise, fc.nat(), fc.nat(), fc.nat(), (value, n, how, at, odd) => {
        if (assertExactBody(damage(writeJsonc(value, n, true), how, at, odd))) accepted++;
      }),
      { numRuns: 3000 },
    );
    // Both sides were exercised: many texts were accepted and many refused.
    assert.ok(accepted > 300 && accepted < 2700, `accepted ${accepted}`);
  });
});

describe('exact body: what the server receives', { timeout: 120_000 }, () => {
  let emu: Emulator;
  before(async () => {
    emu = await startEmulator();
  });
  after(() => emu.close());

  // A valid request whose additionalData holds any JSON, numbers included that a round trip changes.
  const request = fc
    .tuple(validRequest, fc.dictionary(fc.string({ maxLength: 6 }), jsoncData, { maxKeys: 5 }))
    .map(([r, data]): JsoncValue => {
      const { utilityBill: _dropped, ...rest } = r;
      return {
        ...rest,
        additionalSteps: { ALL: { ALL: { UTILITY_BILL: { type: 'COMPARE', fields: ['address'] } } } },
        additionalData: { UTILITY_BILL: { address: 'Address', ...data }, odd: new RawNumber('1e400') },
      };
    });

  test('the body received on 127.0.0.1 parses to what the model validated, numbers as their text', async () => {
    const history = new HistoryStore(new MapStorage());
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(request, noise, async (value, n) => {
        const text = writeJsonc(value, n);
        const read = readRequestText(text);
        assert.equal(read.ok, true, text);
        if (!read.ok) return;
        assert.equal(validateRequest(read.value).ok, true, text);
        const prepared = prepareRequest(text);
        assert.equal(prepared.ok, true, text);
        if (!prepared.ok) return;

        const bodies = recordBodies(emu);
        const { outcome } = await sendThrough(emulatorTarget(emu), history, prepared.body);
        await bodies.done();
        emu.events.removeAllListeners('request');
        assert.equal(outcome.ok, true, JSON.stringify(outcome).slice(0, 300));
        const received = bodies.bodies[0]?.toString('utf8') ?? '';
        assert.deepStrictEqual(withNumberTexts(received), withNumberTexts(text, true));
        assert.deepStrictEqual(JSON.parse(received), read.value);
        sent++;
      }),
      { numRuns: 150 },
    );
    assert.equal(sent, 150);
  });
});
