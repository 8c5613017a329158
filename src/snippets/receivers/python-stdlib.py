# iDenfy webhook receiver (Python standard library). Run: IDENFY_WEBHOOK_SIGNING_KEY=<key> python3 <this file>
import hashlib
import hmac
import json
import logging
import os
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PATH = '/idenfy/webhook'
PORT = int(os.environ.get('PORT') or 3000)
SIGNING_KEY = os.environ.get('IDENFY_WEBHOOK_SIGNING_KEY', '').encode()
if not SIGNING_KEY:
    sys.exit('Set IDENFY_WEBHOOK_SIGNING_KEY to the signing key of your iDenfy webhook.')

# Webhooks are handled on threads: logging writes each line whole, print can interleave two of them.
logging.basicConfig(level=logging.INFO, format='%(message)s')
log = logging.getLogger('idenfy')


def signed_by_idenfy(body, signature):
    # Idenfy-Signature is the hex HMAC-SHA256 of the exact bytes sent: verify those bytes, not JSON
    # re-encoded after parsing. compare_digest takes the same time however much of a forged
    # signature matches (== would leak that); bytes, so an odd header cannot make it raise.
    expected = hmac.new(SIGNING_KEY, body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected.encode(), (signature or '').strip().lower().encode())


class IdenfyWebhookHandler(BaseHTTPRequestHandler):
    def do_POST(self):
        if self.path != PATH:
            return self.reply(404, b'not found')
        body = self.rfile.read(int(self.headers.get('Content-Length') or 0))
        if not signed_by_idenfy(body, self.headers.get('Idenfy-Signature')):
            return self.reply(401, b'bad signature')
        try:
            result = json.loads(body)
        except ValueError:
            return self.reply(400, b'not JSON')
        # final: false is the automatic result while a manual review is pending; the final one follows.
        overall = (result.get('status') or {}).get('overall')
        log.info('iDenfy webhook: scanRef=%s overall=%s final=%s', result.get('scanRef'), overall, result.get('final'))
        # Answer now and do slow work afterwards (a queue): iDenfy waits 10 s, and a non-2xx answer
        # sends the client to your error URL.
        self.reply(200, b'ok')

    def reply(self, status, text):
        self.send_response(status)
        self.send_header('Content-Type', 'text/plain')
        self.send_header('Content-Length', str(len(text)))
        self.end_headers()
        self.wfile.write(text)


server = ThreadingHTTPServer(('', PORT), IdenfyWebhookHandler)
print(f'Listening for iDenfy webhooks on http://127.0.0.1:{server.server_address[1]}{PATH}', flush=True)
server.serve_forever()
