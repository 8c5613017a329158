/**
 * The webhook receiver snippets (issue #11, "For the receiving side"). Each snippet, inserted with
 * its defaults, runs as a real process (node, tsx, python3, Flask) and gets real HTTP deliveries:
 * the emulator's, forwarded to it when sessions finish (complete(), manual review's two calls,
 * dummyStatus, the page's buttons), are accepted and logged as sent, and so is an indented payload
 * (the emulator sends compact JSON, which a receiver re-encoding parsed JSON would also match); a
 * one-byte change of the body, a wrong key (through deliverWebhook), a missing or malformed header
 * are refused with 401. Behaviour cannot tell a constant-time compare from `==`, so the sources are
 * also read for it, and for verifying raw bytes before parsing.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, describe, test } from 'node:test';
import { request } from 'undici';
import { startEmulator, type WebhookEvent } from '../../src/emulator/server';
import { RECEIVERS, type Receiver, receiverSnippetsPath } from '../../src/snippets/receivers';
import { receiverSource } from '../../src/snippets/render-receivers';
import { deliverWebhook } from '../../src/webhooks/deliver';
import { SIGNATURE_HEADER, signWebhook } from '../../src/webhooks/signature';
import { expandSnippet } from '../support/snippet-syntax';

const root = join(__dirname, '..', '..');
const SIGNING_KEY = 'receiver-test-signing-key-Ωx';
const work = mkdtempSync(join(tmpdir(), 'idenfy-receivers-'));
// The rendered receivers resolve express and tsx from this repository, as from a project's own.
symlinkSync(join(root, 'node_modules'), join(work, 'node_modules'), 'junction');
after(() => rmSync(work, { recursive: true, force: true }));

/** What inserting the receiver's snippet gives, every tab stop at its default. */
function insertedCode(receiver: Receiver): string {
  const file = JSON.parse(
    readFileSync(join(root, receiverSnippetsPath(receiver.language)), 'utf8'),
  ) as Record<string, { prefix: string; body: string[] }>;
  const entry = file[receiver.label];
  assert.ok(entry, `no snippet "${receiver.label}" in ${receiverSnippetsPath(receiver.language)}`);
  assert.equal(entry.prefix, receiver.prefix);
  return `${expandSnippet(entry.body.join('\n'))}\n`;
}

const works = (command: string, args: string[]) =>
  spawnSync(command, args, { encoding: 'utf8' }).status === 0;
/** The Python that runs each receiver: any python3 for the standard library; one that has Flask. */
const PYTHON = works('python3', ['--version']) ? 'python3' : undefined;
const FLASK_PYTHON = ['/usr/bin/python3', 'python3'].find((p) => works(p, ['-c', 'import flask']));

/** Why a runtime cannot run here (the test is skipped with this), or undefined when it can. */
function missingRuntime(receiver: Receiver): string | undefined {
  if (receiver.runtime === 'python' && !PYTHON) {
    return 'python3 is not on PATH: the standard-library receiver is not run';
  }
  if (receiver.runtime === 'flask' && !FLASK_PYTHON) {
    return 'no python3 with Flask (/usr/bin/python3 or on PATH): the Flask receiver is not run';
  }
  return undefined;
}

function command(receiver: Receiver, file: string): [string, string[]] {
  switch (receiver.runtime) {
    case 'node':
      return [process.execPath, [file]];
    case 'tsx':
      return [process.execPath, ['--import', 'tsx', file]];
    case 'python':
      return [PYTHON ?? 'python3', [file]];
    case 'flask':
      return [FLASK_PYTHON ?? 'python3', [file]];
  }
}

interface Running {
  /** The receiver's webhook URL, from the line it prints when listening. */
  url: string;
  lines: string[];
  /** Resolves with the first line (printed so far or later) matching `pattern`. */
  waitForLine(pattern: RegExp): Promise<string>;
  stop(): Promise<void>;
}

let serial = 0;
/** Deliveries sent at the same moment, to show that concurrent ones are logged whole. */
const BURST = 24;

/** Writes the inserted code to a file and runs it; resolves once it says where it listens. */
function run(
  receiver: Receiver,
  env: Record<string, string>,
): { child: ChildProcess; running: Promise<Running> } {
  const file = join(work, `receiver-${++serial}${extname(receiver.file)}`);
  writeFileSync(file, insertedCode(receiver));
  const childEnv: Record<string, string | undefined> = {
    ...process.env,
    PYTHONDONTWRITEBYTECODE: '1',
    ...env,
  };
  // Plain node, as a user runs it: no test-runner loader or context.
  delete childEnv.NODE_OPTIONS;
  delete childEnv.NODE_TEST_CONTEXT;
  const [cmd, args] = command(receiver, file);
  const child = spawn(cmd, args, { cwd: work, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const waiters: { pattern: RegExp; resolve: (line: string) => void; reject: (e: Error) => void }[] = [];
  // 'close' comes after the output streams ended, so every line has been seen by then.
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const onLine = (line: string) => {
    lines.push(line);
    for (const w of [...waiters]) {
      if (w.pattern.test(line)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
    }
  };
  for (const stream of [child.stdout, child.stderr]) createInterface({ input: stream }).on('line', onLine);
  child.once('close', (code, signal) => {
    for (const w of waiters.splice(0)) {
      w.reject(
        new Error(`receiver exited (${code ?? signal}) before printing ${w.pattern}:\n${lines.join('\n')}`),
      );
    }
  });
  // A line that never comes fails the test with what was printed, instead of holding the run.
  const waitForLine = (pattern: RegExp, timeoutMs = 20_000) =>
    new Promise<string>((resolve, reject) => {
      const seen = lines.find((l) => pattern.test(l));
      if (seen !== undefined) return resolve(seen);
      if (child.exitCode !== null || child.signalCode !== null) {
        return reject(new Error(`receiver has exited; it printed:\n${lines.join('\n')}`));
      }
      const waiter = {
        pattern,
        resolve: (line: string) => {
          clearTimeout(timer);
          resolve(line);
        },
        reject: (e: Error) => {
          clearTimeout(timer);
          reject(e);
        },
      };
      const timer = setTimeout(() => {
        waiters.splice(waiters.indexOf(waiter), 1);
        reject(
          new Error(`receiver printed no line matching ${pattern} in ${timeoutMs} ms:\n${lines.join('\n')}`),
        );
      }, timeoutMs);
      waiters.push(waiter);
    });
  const running = waitForLine(/http:\/\/127\.0\.0\.1:\d+/).then((line) => {
    const port = /http:\/\/127\.0\.0\.1:(\d+)/.exec(line)?.[1];
    const path = receiver.tabStops[0] ?? '';
    return {
      url: `http://127.0.0.1:${port}${path}`,
      lines,
      waitForLine,
      stop: async () => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
        await exited;
      },
    };
  });
  return { child, running };
}

/** A callback payload as iDenfy formats it: indented, with non-ASCII text and an escaped slash, so
 * JSON re-encoded after parsing is not these bytes. */
function payload(scanRef: string): Buffer {
  const text = `{
  "final": true,
  "platform": "PC",
  "status": {
    "overall": "APPROVED",
    "suspicionReasons": [],
    "mismatchTags": [],
    "fraudTags": [],
    "autoDocument": "DOC_VALIDATED",
    "autoFace": "FACE_MATCH",
    "manualDocument": null,
    "manualFace": null
  },
  "data": { "docFirstName": "ŽYDRŪNĖ", "docLastName": "O\\u2019BRIEN", "docNumber": "12345678" },
  "fileUrls": { "FRONT": "https:\\/\\/s3.eu-west-1.amazonaws.com\\/front.png" },
  "scanRef": "${scanRef}",
  "clientId": "client-${scanRef}"
}`;
  return Buffer.from(text, 'utf8');
}

/** A delivery as iDenfy (and the emulator, and Send Webhook) makes it: deliver.ts signs the bytes with `signingKey`. */
async function deliver(url: string, body: Buffer, signingKey: string) {
  const record = await deliverWebhook({
    url,
    body,
    signingKey,
    eventType: 'IDENTIFICATION_AUTO_FINISHED',
    source: 'editor',
  });
  return { status: record.status, text: record.answerHead ?? record.error ?? '' };
}

/** A POST with a signature of our choosing (deliver.ts always signs what it sends), or none. */
async function post(url: string, body: Buffer, signature: string | undefined) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (signature !== undefined) headers[SIGNATURE_HEADER] = signature;
  const res = await request(url, { method: 'POST', body, headers });
  return { status: res.statusCode, text: await res.body.text() };
}

/** The receiver's log line for an accepted delivery of `body` (Python spells booleans True/False). */
function loggedLine(body: Buffer): RegExp {
  const json = JSON.parse(body.toString('utf8')) as {
    scanRef: string;
    final: boolean;
    status: { overall: string };
  };
  const final = String(json.final);
  const either = `(${final}|${final[0]?.toUpperCase()}${final.slice(1)})`;
  return new RegExp(`scanRef=${json.scanRef} overall=${json.status.overall} final=${either}$`);
}

/** An emulator that signs with SIGNING_KEY and forwards every webhook to `url`, with its deliveries. */
async function emulatorForwardingTo(url: string) {
  const emulator = await startEmulator({ webhookSigningKey: SIGNING_KEY, forwardWebhooksTo: url });
  const webhooks: WebhookEvent[] = [];
  emulator.events.on('webhook', (e) => webhooks.push(e));
  const auth = `Basic ${Buffer.from(`${emulator.apiKey}:${emulator.apiSecret}`).toString('base64')}`;
  return {
    emulator,
    /** Creates a session as an integrator's backend does (POST /api/v2/token). */
    async create(body: Record<string, unknown> = {}) {
      const res = await request(`${emulator.url}/api/v2/token`, {
        method: 'POST',
        headers: { authorization: auth, 'content-type': 'application/json' },
        body: JSON.stringify({ clientId: 'receiver-test', ...body }),
      });
      const json = (await res.body.json()) as { scanRef: string; authToken: string };
      assert.equal(res.statusCode, 201, JSON.stringify(json));
      return json;
    },
    /** Presses an outcome button on the session's verification page, as the person would. */
    async press(authToken: string, outcome: string) {
      const res = await request(`${emulator.url}/api/v2/redirect?authToken=${authToken}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `outcome=${outcome}`,
      });
      await res.body.dump();
      assert.ok(res.statusCode < 400, `the page answered ${res.statusCode}`);
    },
    /** Resolves with the deliveries once `n` have ended. */
    async deliveries(n: number): Promise<WebhookEvent[]> {
      while (webhooks.length < n) await once(emulator.events, 'webhook');
      return webhooks;
    },
  };
}

for (const receiver of RECEIVERS) {
  const name = `${receiver.language} ${receiver.prefix} (${receiver.file})`;

  describe(name, () => {
    test('the snippet with its defaults inserts the runnable source', () => {
      assert.equal(insertedCode(receiver), receiverSource(receiver));
      assert.match(receiver.prefix, /^idenfy-webhook-/);
    });

    test('it verifies in constant time, over the raw bytes, before parsing', () => {
      const python = receiver.language === 'python';
      // The code without its comments (which may well name what the code must not do).
      const source = receiverSource(receiver).replace(python ? /(^|\s)#.*$/gm : /(^|\s)\/\/.*$/gm, '$1');
      const verifier = python
        ? /def signed_by_idenfy\([^)]*\):\n((?: {4}.*\n|\n)+)/.exec(source)?.[1]
        : /function signedByIdenfy\([^)]*\)[^{]*\{\n([\s\S]*?)\n\}/.exec(source)?.[1];
      assert.ok(verifier, 'no signature-checking function found');
      // The HMAC of the body, compared with the constant-time compare of the language.
      const compare = python ? /hmac\.compare_digest\(/ : /timingSafeEqual\(given, expected\)/;
      assert.match(verifier, compare, 'the signature is not compared in constant time');
      assert.match(
        verifier,
        python ? /hmac\.new\(SIGNING_KEY, body, hashlib\.sha256\)/ : /createHmac\('sha256'/,
      );
      // No other comparison of signature material (a length check and a type check are fine).
      const rest = verifier
        .replace(/given\.length === expected\.length/, '')
        .replace(/typeof signature !== 'string'/, '')
        .replace(/^\s*#.*$/gm, '');
      assert.doesNotMatch(rest, /[=!]==?|\.equals\(|\.compare\(/, 'the signature is compared with ==');
      // Raw bytes: nothing re-encodes JSON, and the check comes before any parsing.
      assert.doesNotMatch(source, /JSON\.stringify|json\.dumps|express\.json|request\.json\b/);
      const check = source.search(python ? /if not signed_by_idenfy\(body,/ : /if \(!signedByIdenfy\(body,/);
      const parse = source.search(/JSON\.parse\(|json\.loads\(|get_json\(/);
      assert.ok(check > 0 && parse > check, 'the body is parsed before its signature is checked');
      const raw = {
        'node-http': /Buffer\.concat\(chunks\)/,
        express: /express\.raw\(\{ type: 'application\/json' \}\)/,
        'python-stdlib': /self\.rfile\.read\(/,
        'python-flask': /request\.get_data\(\)/,
      }[receiver.file.replace(/\.\w+$/, '')];
      assert.ok(raw, `no raw-body pattern for ${receiver.file}`);
      assert.match(source, raw);
    });

    const skip = missingRuntime(receiver);
    test("it accepts the emulator's deliveries and refuses a changed byte, a wrong key, a missing header", {
      skip,
    }, async () => {
      const { running } = run(receiver, { IDENFY_WEBHOOK_SIGNING_KEY: SIGNING_KEY, PORT: '0' });
      const receiverProcess = await running;
      const emu = await emulatorForwardingTo(receiverProcess.url);
      try {
        // Sessions finished the ways the emulator offers: complete() (the editor's Complete
        // command), manual review (an interim then a final call), dummyStatus, the page's buttons.
        const approved = await emu.create();
        emu.emulator.complete(approved.scanRef, { kind: 'APPROVED' });
        const reviewed = await emu.create();
        emu.emulator.complete(reviewed.scanRef, { kind: 'REVIEWING' });
        emu.emulator.complete(reviewed.scanRef, { kind: 'APPROVED' });
        await emu.create({ dummyStatus: 'DENIED' });
        const onPage = await emu.create();
        await emu.press(onPage.authToken, 'SUSPECTED');
        const delivered = await emu.deliveries(5);
        for (const { delivery, body } of delivered) {
          assert.equal(
            delivery.status,
            200,
            `the emulator's delivery was answered: ${JSON.stringify(delivery)}`,
          );
          // The receiver logged what was sent: same scanRef, overall status and final flag.
          await receiverProcess.waitForLine(loggedLine(body));
        }
        const finals = delivered.map((d) => JSON.parse(d.body.toString('utf8')).final as boolean);
        assert.equal(finals.filter((f) => !f).length, 1, 'one interim (final: false) call');

        // iDenfy's own formatting (indented, escaped) is accepted too: the check is over the bytes.
        const ref = (tag: string) => `${receiver.runtime}${serial}${tag}`.toUpperCase();
        const indented = payload(ref('A'));
        const answer = await deliver(receiverProcess.url, indented, SIGNING_KEY);
        assert.equal(answer.status, 200, `an indented signed payload was refused: ${answer.text}`);
        await receiverProcess.waitForLine(loggedLine(indented));

        // Many at once, as iDenfy may send them: each accepted one is logged on a line of its own
        // (the Python receivers handle requests on threads; print interleaved two lines on CI).
        const burst = Array.from({ length: BURST }, (_, i) => payload(ref(`B${i}`)));
        const answers = await Promise.all(burst.map((b) => deliver(receiverProcess.url, b, SIGNING_KEY)));
        assert.deepEqual(
          answers.map((a) => a.status),
          burst.map(() => 200),
        );
        for (const b of burst) await receiverProcess.waitForLine(loggedLine(b));
        const mangled = receiverProcess.lines.filter(
          (l) => l.includes('scanRef=') && !/^iDenfy webhook: scanRef=\S+ overall=\S+ final=\S+$/.test(l),
        );
        assert.deepEqual(mangled, [], 'log lines of concurrent webhooks ran into each other');

        const sample = (delivered[0] as WebhookEvent).body;
        const refused: [string, () => Promise<{ status: number | null; text: string }>][] = [];
        // One byte of an emulator delivery changed (a letter of its scanRef), with the original's signature.
        const changed = Buffer.from(sample);
        const at = changed.indexOf(approved.scanRef) + 1;
        changed[at] = (changed[at] as number) ^ 0x01;
        refused.push([
          'a one-byte change',
          () => post(receiverProcess.url, changed, signWebhook(sample, SIGNING_KEY)),
        ]);
        refused.push(['a wrong key', () => deliver(receiverProcess.url, sample, `${SIGNING_KEY}x`)]);
        refused.push(['no Idenfy-Signature', () => post(receiverProcess.url, sample, undefined)]);
        refused.push([
          'a signature that is not hex',
          () => post(receiverProcess.url, sample, 'z'.repeat(64)),
        ]);
        const truncated = signWebhook(sample, SIGNING_KEY).slice(0, 63);
        refused.push(['a truncated signature', () => post(receiverProcess.url, sample, truncated)]);
        for (const [what, send] of refused) {
          const answer = await send();
          assert.equal(answer.status, 401, `${what} was answered ${answer.status} ${answer.text}`);
        }

        // Still serving, and nothing refused reached the handler's log.
        const last = payload(ref('H'));
        assert.equal((await deliver(receiverProcess.url, last, SIGNING_KEY)).status, 200);
        await receiverProcess.waitForLine(loggedLine(last));
        const logged = receiverProcess.lines.filter((l) => l.includes('scanRef='));
        assert.equal(logged.length, delivered.length + 2 + BURST, `logged:\n${logged.join('\n')}`);
        assert.ok(
          !receiverProcess.lines.some((l) => l.includes(SIGNING_KEY)),
          'the receiver printed its key',
        );
        const by =
          receiver.runtime === 'flask'
            ? FLASK_PYTHON
            : receiver.runtime === 'python'
              ? PYTHON
              : receiver.runtime;
        console.log(
          `${name}, run by ${by}: ${delivered.length} emulator deliveries and ${2 + BURST} direct ones accepted (${BURST} at once), ${refused.length} refused with 401`,
        );
      } finally {
        await emu.emulator.close();
        await receiverProcess.stop();
      }
    });

    test('without IDENFY_WEBHOOK_SIGNING_KEY it stops at once and says why', { skip }, async () => {
      const { child, running } = run(receiver, { IDENFY_WEBHOOK_SIGNING_KEY: '', PORT: '0' });
      const outcome = await running.then(
        async (r) => {
          await r.stop();
          return 'listening';
        },
        (e: Error) => e.message,
      );
      assert.notEqual(child.exitCode, 0);
      assert.match(outcome, /Set IDENFY_WEBHOOK_SIGNING_KEY/);
    });
  });
}
