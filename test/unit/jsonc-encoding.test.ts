import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findEncodingProblems } from '../../src/jsonc/encoding.js';

test('findEncodingProblems stops at the limit instead of collecting every hit', () => {
  // A binary file opened as text can hold millions of U+FFFD; collecting them all would stall the editor.
  const hits = findEncodingProblems('\uFFFDx'.repeat(1000), 5);
  assert.deepEqual(
    hits.map((h) => h.offset),
    [0, 2, 4, 6, 8],
  );
});

test('findEncodingProblems merges a run of U+FFFD into one hit and keeps surrogates separate', () => {
  const hits = findEncodingProblems('a\uFFFD\uFFFD\uFFFDb\uD800\uDC00c\uDBFF', 10);
  assert.deepEqual(
    hits.map((h) => [h.offset, h.length]),
    [
      [1, 3],
      [8, 1],
    ],
  );
});
