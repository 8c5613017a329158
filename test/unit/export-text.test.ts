/**
 * The text of Copy as cURL / Code, read rather than run. PowerShell is not installed on this machine,
 * so its body expression is evaluated by a small reader of the three constructs it uses ('…' with
 * doubled quotes, @(…) -join "`n", and + between pieces), which must give the body back exactly, for
 * the same hard bodies the executed languages get. Every variant names the credentials only as
 * environment variables (canary values never appear).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { bashSingleQuoted } from '../../src/export/bash-curl';
import { EXPORT_FORMATS, exportRequest } from '../../src/export/formats';
import { nowdocMarker } from '../../src/export/php-curl';
import { powershellRestMethod } from '../../src/export/powershell';
import { prepareRequest } from '../../src/session/prepare';
import { hardRequestText } from '../support/hard-bodies';

const SINGLE_QUOTES = /['\u2018\u2019\u201a\u201b]/;
const BREAKS: Record<string, string> = { '"`r`n"': '\r\n', '"`n"': '\n', '"`r"': '\r' };

/** Reads one single-quoted PowerShell string at `at`; returns its value and where it ended. */
function readQuoted(text: string, at: number): { value: string; end: number } {
  assert.ok(SINGLE_QUOTES.test(text[at] ?? ''), `expected a quote at ${at}: ${text.slice(at, at + 20)}`);
  let value = '';
  let i = at + 1;
  for (;;) {
    const c = text[i];
    assert.ok(c !== undefined, 'unterminated string');
    if (SINGLE_QUOTES.test(c)) {
      if (SINGLE_QUOTES.test(text[i + 1] ?? '')) {
        value += c;
        i += 2;
        continue;
      }
      return { value, end: i + 1 };
    }
    value += c;
    i++;
  }
}

/** The value of the `$body = …` expression in generated PowerShell. */
function powershellBody(script: string): string {
  const start = script.indexOf('$body = ') + '$body = '.length;
  const rest = script.slice(start);
  if (rest.startsWith('@(\n')) {
    const lines: string[] = [];
    let i = start + 3;
    while (script.startsWith('  ', i)) {
      const read = readQuoted(script, i + 2);
      lines.push(read.value);
      assert.equal(script[read.end], '\n');
      i = read.end + 1;
    }
    const tail = /^\) -join ("`r`n"|"`n"|"`r")\n/.exec(script.slice(i));
    assert.ok(tail?.[1], `no -join after the lines: ${script.slice(i, i + 30)}`);
    return lines.join(BREAKS[tail[1]]);
  }
  let value = '';
  let i = start;
  for (;;) {
    const br = /^("`r`n"|"`n"|"`r")/.exec(script.slice(i));
    if (br?.[1]) {
      value += BREAKS[br[1]];
      i += br[1].length;
    } else {
      const read = readQuoted(script, i);
      value += read.value;
      i = read.end;
    }
    if (script.startsWith(' +\n  ', i)) i += ' +\n  '.length;
    else return value;
  }
}

describe('Copy as cURL / Code: the text', () => {
  it('PowerShell: the body expression reads back as the exact body, for hard bodies', () => {
    fc.assert(
      // raw: the text itself, whose whitespace between tokens (CR, CRLF, tabs) prepareRequest drops.
      fc.property(hardRequestText(), fc.boolean(), (text, raw) => {
        const prepared = prepareRequest(text);
        assert.ok(prepared.ok);
        const body = raw ? text : prepared.body;
        const script = powershellRestMethod({ url: 'http://127.0.0.1:1/api/v2/token', body, title: 't' });
        assert.equal(powershellBody(script), body);
      }),
      { numRuns: 500 },
    );
  });

  it('PowerShell: mixed line breaks and typographic quotes read back too', () => {
    for (const body of ['{"a":"‘x’ \'y\' ‚z‛"}', '{\r\n"a":1,\n"b":2\r}', '{"a":"`$env:X $(whoami) @\'"}']) {
      assert.equal(powershellBody(powershellRestMethod({ url: 'http://h/', body, title: 't' })), body);
    }
  });

  it('PowerShell: runs on 5.1 and 7 (Invoke-RestMethod, UTF-8 bytes, basic auth built by hand, env vars)', () => {
    const script = powershellRestMethod({ url: "http://h/it's", body: '{"clientId":"Žemaitė"}', title: 't' });
    assert.match(script, /Invoke-RestMethod -Method Post -Uri 'http:\/\/h\/it''s' `\n/);
    assert.match(script, /-Body \(\[Text\.Encoding\]::UTF8\.GetBytes\(\$body\)\)/);
    assert.match(script, /\$pair = "\$\(\$env:IDENFY_API_KEY\):\$\(\$env:IDENFY_API_SECRET\)"/);
    assert.match(script, /Authorization = "Basic \$auth"/);
    // -Authentication and curl.exe are not available or not safe on Windows PowerShell 5.1.
    assert.doesNotMatch(script, /-Authentication|curl/);
    // Every line but the last of the command ends with a backtick continuation and nothing after it.
    const command = script.slice(script.indexOf('Invoke-RestMethod')).trimEnd().split('\n');
    for (const line of command.slice(0, -1)) assert.match(line, / `$/);
  });

  it('bash: single quotes survive round-trip through the quoting rule', () => {
    assert.equal(bashSingleQuoted("it's"), `'it'\\''s'`);
  });

  it('PHP: the nowdoc marker never occurs in the body', () => {
    assert.equal(nowdocMarker('{"a":"IDENFY_JSON IDENFY_JSON_2"}'), 'IDENFY_JSON_3');
  });

  it('every variant names the credentials as environment variables only (canary values never appear)', () => {
    const apiKey = 'CANARY-KEY-7f3a9c';
    const apiSecret = 'CANARY-SECRET-91bd2e';
    const refs: Record<string, RegExp[]> = {
      bash: [/\$\{IDENFY_API_KEY:\?\}/, /\$\{IDENFY_API_SECRET:\?\}/],
      powershell: [/\$env:IDENFY_API_KEY/, /\$env:IDENFY_API_SECRET/],
      node: [/process\.env\.IDENFY_API_KEY/, /process\.env\.IDENFY_API_SECRET/],
      python: [/os\.environ\['IDENFY_API_KEY'\]/, /os\.environ\['IDENFY_API_SECRET'\]/],
      php: [/getenv\('IDENFY_API_KEY'\)/, /getenv\('IDENFY_API_SECRET'\)/],
    };
    for (const format of EXPORT_FORMATS) {
      const text = exportRequest(format.id, {
        url: 'https://ivs.idenfy.com/api/v2/token',
        body: '{"clientId":"c"}',
        title: 't',
      });
      for (const ref of refs[format.id] ?? [/^$/]) assert.match(text, ref, format.id);
      assert.ok(!text.includes(apiKey) && !text.includes(apiSecret), format.id);
      assert.doesNotMatch(text, /Basic [A-Za-z0-9+/]{8,}/, `${format.id}: no precomputed auth header`);
    }
  });

  it('a title with a line break stays one comment line', () => {
    for (const format of EXPORT_FORMATS) {
      const text = exportRequest(format.id, { url: 'https://h/', body: '{}', title: 'a\nrm -rf /' });
      assert.ok(!text.split('\n').some((line) => line.startsWith('rm -rf')), format.id);
    }
  });
});
