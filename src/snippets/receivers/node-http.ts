// iDenfy webhook receiver (Node http). Run: IDENFY_WEBHOOK_SIGNING_KEY=<key> npx tsx <this file>
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

interface IdenfyWebhook {
  scanRef?: string;
  final?: boolean;
  status?: { overall?: string };
}

const PATH = '/idenfy/webhook';
const PORT = Number(process.env.PORT || 3000);
const SIGNING_KEY = process.env.IDENFY_WEBHOOK_SIGNING_KEY ?? '';
if (!SIGNING_KEY) {
  console.error('Set IDENFY_WEBHOOK_SIGNING_KEY to the signing key of your iDenfy webhook.');
  process.exit(1);
}

// Idenfy-Signature is the hex HMAC-SHA256 of the exact bytes sent: verify those bytes, not JSON
// re-encoded after parsing (spacing and escapes differ). timingSafeEqual takes the same time however
// much of a forged signature matches; === would leak that.
function signedByIdenfy(body: Buffer, signature: string | string[] | undefined): boolean {
  if (typeof signature !== 'string') return false;
  const expected = createHmac('sha256', SIGNING_KEY).update(body).digest();
  const given = Buffer.from(signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const server = createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== PATH) {
    res.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    if (!signedByIdenfy(body, req.headers['idenfy-signature'])) {
      res.writeHead(401).end('bad signature');
      return;
    }
    let result: IdenfyWebhook;
    try {
      result = JSON.parse(body.toString('utf8')) as IdenfyWebhook;
    } catch {
      res.writeHead(400).end('not JSON');
      return;
    }
    // final: false is the automatic result while a manual review is pending; the final one follows.
    console.log(
      `iDenfy webhook: scanRef=${result.scanRef} overall=${result.status?.overall} final=${result.final}`,
    );
    // Answer now and do slow work afterwards (a queue): iDenfy waits 10 s, and a non-2xx answer
    // sends the client to your error URL.
    res.writeHead(200).end('ok');
  });
});

server.listen(PORT, () => {
  const { port } = server.address() as AddressInfo;
  console.log(`Listening for iDenfy webhooks on http://127.0.0.1:${port}${PATH}`);
});
