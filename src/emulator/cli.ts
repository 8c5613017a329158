/**
 * Runs the offline emulator from a terminal, for curl users:
 *   npm run emulator -- [--port 8080] [--show-secret] [--forward-webhooks http://127.0.0.1:3000/hook]
 * Credentials and the webhook signing key are random per run unless IDENFY_EMULATOR_API_KEY /
 * IDENFY_EMULATOR_API_SECRET / IDENFY_EMULATOR_WEBHOOK_SIGNING_KEY are set (environment, not flags,
 * so a chosen secret does not show up in the process list). The secret and the signing key are
 * printed only with --show-secret: they are throwaways, but terminals get shared. Each webhook the
 * emulator sends is printed on one line (never with the key).
 */
import { parseArgs } from 'node:util';
import type { WebhookDelivery } from '../webhooks/delivery';
import { checkWebhookTarget } from '../webhooks/target-url';
import { type Emulator, startEmulator } from './server';

export interface CliIo {
  print(line: string): void;
}

export async function runCli(
  argv: string[],
  env: NodeJS.ProcessEnv,
  io: CliIo,
): Promise<Emulator | undefined> {
  let values: { port?: string; 'show-secret'?: boolean; 'forward-webhooks'?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        'show-secret': { type: 'boolean' },
        'forward-webhooks': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (err) {
    io.print(`${err instanceof Error ? err.message : String(err)} (try --help)`);
    return undefined;
  }
  if (values.help) {
    io.print('Usage: npm run emulator -- [--port N] [--show-secret] [--forward-webhooks URL]');
    io.print(
      '  --forward-webhooks URL  send every webhook there instead of the session callbackUrl (https, or http on localhost/127.0.0.1/[::1])',
    );
    io.print('Env: IDENFY_EMULATOR_API_KEY, IDENFY_EMULATOR_API_SECRET choose the credentials;');
    io.print('     IDENFY_EMULATOR_WEBHOOK_SIGNING_KEY chooses the key webhooks are signed with.');
    return undefined;
  }
  const forward = values['forward-webhooks'];
  if (forward !== undefined) {
    const check = checkWebhookTarget(forward);
    if (!check.ok) {
      io.print(`--forward-webhooks: ${check.message}`);
      return undefined;
    }
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.print(`--port must be an integer from 0 to 65535, got "${values.port}".`);
    return undefined;
  }
  const emulator = await startEmulator({
    port,
    apiKey: env.IDENFY_EMULATOR_API_KEY || undefined,
    apiSecret: env.IDENFY_EMULATOR_API_SECRET || undefined,
    webhookSigningKey: env.IDENFY_EMULATOR_WEBHOOK_SIGNING_KEY || undefined,
    forwardWebhooksTo: forward,
  });
  emulator.events.on('webhook', ({ scanRef, delivery }) => io.print(deliveryLine(scanRef, delivery)));
  io.print(`iDenfy emulator (offline) listening on ${emulator.url}`);
  io.print(`API key:    ${emulator.apiKey}`);
  if (values['show-secret']) {
    io.print(`API secret: ${emulator.apiSecret}`);
    io.print(
      `Try: curl -u '${emulator.apiKey}:${emulator.apiSecret}' -H 'content-type: application/json' -d '{"clientId":"100000"}' ${emulator.url}/api/v2/token`,
    );
  } else {
    io.print('API secret: (hidden; run with --show-secret to print it)');
  }
  io.print(
    values['show-secret']
      ? `Webhook signing key: ${emulator.webhookSigningKey}`
      : 'Webhook signing key: (hidden; run with --show-secret to print it, or choose it with IDENFY_EMULATOR_WEBHOOK_SIGNING_KEY)',
  );
  io.print(
    forward === undefined
      ? "Webhooks: sent to each session's callbackUrl (use --forward-webhooks URL for a local handler)."
      : `Webhooks: forwarded to ${forward.trim()} (instead of each session's callbackUrl).`,
  );
  io.print(
    'Endpoints: POST /api/v2/token, /api/v2/status, /api/v2/full, /api/v2/delete, /api/v2/generate-pdf; GET /kyc/identifications/?clientId=. Stop with Ctrl+C.',
  );
  return emulator;
}

/** Values partly come from the receiver (its answer, a redirect): a line break must not forge a line. */
function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029\u0085\v\f]+/g, ' ');
}

/** One line per webhook call: time, event, URL, status, duration (the record never holds the key). */
export function deliveryLine(scanRef: string, d: WebhookDelivery): string {
  const status = d.status === null ? 'no answer' : String(d.status);
  let line = `${d.at} webhook ${d.event} scanRef=${scanRef} -> ${d.url} ${status} ${d.durationMs} ms`;
  if (d.error !== undefined) line += `: ${d.error}`;
  return oneLine(line);
}

if (require.main === module) {
  runCli(process.argv.slice(2), process.env, { print: (line) => console.log(line) }).then(
    (emulator) => {
      if (!emulator) {
        process.exitCode = 2;
        return;
      }
      const stop = () => {
        emulator.close().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : String(err));
      process.exitCode = 1;
    },
  );
}
