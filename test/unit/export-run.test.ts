/**
 * Copy as cURL / Code, executed: the generated bash cURL, Node, Python and PHP programs run against
 * the real emulator on 127.0.0.1 with IDENFY_API_KEY / IDENFY_API_SECRET set to its key pair, and the
 * emulator's `body` event shows the bytes each one sent. They must equal prepareRequest's body byte
 * for byte, be accepted with the key pair (201), and fail (401) with a wrong secret, which proves the
 * credentials come from the environment. A property test runs bodies full of the characters that
 * break quoting: quotes, `$`, backticks, backslashes, JSON escapes, raw CR/LF/tab between tokens,
 * Žemaitė, 漢字, emoji, `'@`, `'''`, `${`, `IDENFY_JSON`. PowerShell is not installed here: its text
 * is parsed back by export-text.test.ts instead.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { type Emulator, startEmulator } from '../../src/emulator/server';
import { type ExportFormatId, exportRequest } from '../../src/export/formats';
import { idenfyUrl } from '../../src/http/idenfy-urls';
import { prepareRequest } from '../../src/session/prepare';
import { hardRequestText } from '../support/hard-bodies';

/** The first python3 with requests: the system one (apt: python3-requests; starts faster), else PATH's. */
function pythonWithRequests(): string | undefined {
  for (const python of ['/usr/bin/python3', 'python3']) {
    try {
      execFileSync(python, ['-c', 'import requests'], { stdio: 'ignore' });
      return python;
    } catch {}
  }
  return undefined;
}
const PYTHON = pythonWithRequests();

const RUNNERS: Record<Exclude<ExportFormatId, 'powershell'>, { file: string; command: string[] }> = {
  bash: { file: 'request.sh', command: ['bash'] },
  node: { file: 'request.js', command: [process.execPath] },
  python: { file: 'request.py', command: [PYTHON ?? 'python3'] },
  php: { file: 'request.php', command: ['php'] },
};
const LANGUAGES = Object.keys(RUNNERS) as (keyof typeof RUNNERS)[];

let emu: Emulator;
let dir: string;

before(async () => {
  emu = await startEmulator();
  dir = mkdtempSync(join(tmpdir(), 'idenfy-export-'));
});
after(async () => {
  await emu.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Every body the emulator read while the program ran, with its path. */
  bodies: { path: string; bytes: Buffer }[];
}

/** Writes the generated program to a file and runs it with only the variables it needs (plus PATH). */
async function run(language: keyof typeof RUNNERS, text: string, secret = emu.apiSecret): Promise<Run> {
  const { file, command } = RUNNERS[language];
  const path = join(dir, file);
  writeFileSync(path, text, 'utf8');
  const bodies: Run['bodies'] = [];
  const onBody = (req: IncomingMessage, bytes: Buffer) => bodies.push({ path: req.url ?? '', bytes });
  emu.events.on('body', onBody);
  try {
    const child = spawn(command[0] as string, [...command.slice(1), path], {
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        IDENFY_API_KEY: emu.apiKey,
        IDENFY_API_SECRET: secret,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const code = await new Promise<number | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', resolve);
    });
    return { code, stdout, stderr, bodies };
  } finally {
    emu.events.off('body', onBody);
  }
}

function tokenUrl(): string {
  const url = idenfyUrl(emu.url, 'token');
  assert.ok(url.ok);
  return url.url.href;
}

/**
 * `raw`: the text itself is the body. prepareRequest's bodies hold no whitespace between tokens, yet
 * the generators take any text, so raw bodies check CR, CRLF and tabs survive each language's quoting.
 */
async function assertSentExactly(language: keyof typeof RUNNERS, text: string, raw = false): Promise<void> {
  const prepared = prepareRequest(text);
  assert.ok(prepared.ok, `test body must be valid: ${JSON.stringify(text)}`);
  if (raw) prepared.body = text;
  const code = exportRequest(language, { url: tokenUrl(), body: prepared.body, title: 'test' });
  const result = await run(language, code);
  const where = `${language} for ${JSON.stringify(text)}:\n${result.stdout}${result.stderr}`;
  assert.equal(result.bodies.length, 1, where);
  assert.equal(result.bodies[0]?.path, '/api/v2/token', where);
  assert.equal(
    result.bodies[0]?.bytes.toString('hex'),
    Buffer.from(prepared.body, 'utf8').toString('hex'),
    `bytes differ, ${where}`,
  );
  assert.equal(result.code, 0, where);
  assert.match(result.stdout, /201/, where);
  // The emulator echoes the clientId it parsed: the same string arrived.
  assert.ok(result.stdout.includes(`"clientId":${JSON.stringify(prepared.clientId)}`), where);
}

const HARD_TEXT = [
  '{',
  `  "clientId": "it's \\"$HOME\\" \`id\` \${x} \\\\n C:\\\\path\\nline2 '@ ''' IDENFY_JSON ‘q’",`,
  '  "firstName": "Žemaitė 漢字",',
  '  "lastName": "O\'Brien-Łukasz 😀"',
  '}',
  '',
].join('\r\n');

describe('Copy as cURL / Code: the generated programs send the exact body', { timeout: 600_000 }, () => {
  it('python3 with requests is available (apt: python3-requests)', () => {
    assert.ok(PYTHON, 'no python3 with requests: install the apt package python3-requests');
  });

  for (const language of LANGUAGES) {
    it(`${language}: a body with quotes, $, backticks, backslashes, CRLF and non-ASCII arrives byte for byte`, async () => {
      await assertSentExactly(language, HARD_TEXT);
    });

    it(`${language}: raw CR, CRLF and tabs between tokens arrive byte for byte`, async () => {
      await assertSentExactly(language, HARD_TEXT, true);
      await assertSentExactly(language, '\t{\r"clientId"\r\n:\n"a\'b"\r}\r', true);
    });

    it(`${language}: the key pair comes from the environment (a wrong secret gets 401)`, async () => {
      const code = exportRequest(language, { url: tokenUrl(), body: '{"clientId":"x"}', title: 'test' });
      const result = await run(language, code, `${emu.apiSecret}-wrong`);
      assert.equal(result.bodies.length, 1);
      // curl itself exits 0 on an HTTP error (--fail-with-body needs curl 7.76+); the others exit 1.
      if (language !== 'bash') assert.notEqual(result.code, 0);
      assert.match(result.stdout + result.stderr, /401/);
    });

    it(`${language}: hard bodies, property test`, async () => {
      await fc.assert(
        fc.asyncProperty(hardRequestText(), fc.boolean(), async (text, raw) => {
          await assertSentExactly(language, text, raw);
        }),
        { numRuns: 20 },
      );
    });
  }

  it('bash: a lifecycle call (status) for a created session reaches its endpoint', async () => {
    const created = prepareRequest('{"clientId":"status-check"}');
    assert.ok(created.ok);
    const first = await run(
      'bash',
      exportRequest('bash', { url: tokenUrl(), body: created.body, title: 't' }),
    );
    const scanRef = /"scanRef":\s*"([^"]+)"/.exec(first.stdout)?.[1];
    assert.ok(scanRef, first.stdout);
    const status = idenfyUrl(emu.url, 'status');
    assert.ok(status.ok);
    const body = JSON.stringify({ scanRef });
    const result = await run('bash', exportRequest('bash', { url: status.url.href, body, title: 't' }));
    assert.equal(result.bodies[0]?.path, '/api/v2/status');
    assert.equal(result.bodies[0]?.bytes.toString(), body);
    assert.match(result.stdout, /"status":\s*"ACTIVE"/);
  });
});
