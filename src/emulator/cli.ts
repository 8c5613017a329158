/**
 * Runs the offline emulator from a terminal, for curl users:
 *   npm run emulator -- [--port 8080] [--show-secret]
 * Credentials are random per run unless IDENFY_EMULATOR_API_KEY / IDENFY_EMULATOR_API_SECRET are
 * set (environment, not flags, so a chosen secret does not show up in the process list).
 * The secret is printed only with --show-secret: it is a throwaway, but terminals get shared.
 */
import { parseArgs } from 'node:util';
import { type Emulator, startEmulator } from './server';

export interface CliIo {
  print(line: string): void;
}

export async function runCli(
  argv: string[],
  env: NodeJS.ProcessEnv,
  io: CliIo,
): Promise<Emulator | undefined> {
  let values: { port?: string; 'show-secret'?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        'show-secret': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (err) {
    io.print(`${err instanceof Error ? err.message : String(err)} (try --help)`);
    return undefined;
  }
  if (values.help) {
    io.print('Usage: npm run emulator -- [--port N] [--show-secret]');
    io.print('Env: IDENFY_EMULATOR_API_KEY, IDENFY_EMULATOR_API_SECRET choose the credentials.');
    return undefined;
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
  });
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
    'Endpoints: POST /api/v2/token, /api/v2/status, /api/v2/full, /api/v2/delete, /api/v2/generate-pdf; GET /kyc/identifications/?clientId=. Stop with Ctrl+C.',
  );
  return emulator;
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
