// iDenfy webhook receiver (Express). Run: IDENFY_WEBHOOK_SIGNING_KEY=<key> node <this file>
const { createHmac, timingSafeEqual } = require('node:crypto');
const express = require('express');

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
function signedByIdenfy(body, signature) {
  if (typeof signature !== 'string') return false;
  const expected = createHmac('sha256', SIGNING_KEY).update(body).digest();
  const given = Buffer.from(signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const app = express();

// express.raw keeps this route's body as the bytes received (a Buffer); an app-wide express.json()
// would parse them away first, so mount this route before it.
app.post(PATH, express.raw({ type: 'application/json' }), (req, res) => {
  const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0); // not JSON: nothing to verify
  if (!signedByIdenfy(body, req.get('Idenfy-Signature'))) {
    res.status(401).send('bad signature');
    return;
  }
  let result;
  try {
    result = JSON.parse(body.toString('utf8'));
  } catch {
    res.status(400).send('not JSON');
    return;
  }
  // final: false is the automatic result while a manual review is pending; the final one follows.
  console.log(
    `iDenfy webhook: scanRef=${result.scanRef} overall=${result.status?.overall} final=${result.final}`,
  );
  // Answer now and do slow work afterwards (a queue): iDenfy waits 10 s, and a non-2xx answer
  // sends the client to your error URL.
  res.status(200).send('ok');
});

const server = app.listen(PORT, () => {
  console.log(`Listening for iDenfy webhooks on http://127.0.0.1:${server.address().port}${PATH}`);
});
