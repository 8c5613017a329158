# iDenfy webhook receiver (Flask). Run: IDENFY_WEBHOOK_SIGNING_KEY=<key> python3 <this file>
import hashlib
import hmac
import logging
import os
import sys

from flask import Flask, abort, request

PATH = '/idenfy/webhook'
PORT = int(os.environ.get('PORT') or 3000)
SIGNING_KEY = os.environ.get('IDENFY_WEBHOOK_SIGNING_KEY', '').encode()
if not SIGNING_KEY:
    sys.exit('Set IDENFY_WEBHOOK_SIGNING_KEY to the signing key of your iDenfy webhook.')

# Webhooks are handled on threads: logging writes each line whole, print can interleave two of them.
logging.basicConfig(level=logging.INFO, format='%(message)s')
log = logging.getLogger('idenfy')

app = Flask(__name__)


def signed_by_idenfy(body, signature):
    # Idenfy-Signature is the hex HMAC-SHA256 of the exact bytes sent: verify those bytes, not JSON
    # re-encoded after parsing. compare_digest takes the same time however much of a forged
    # signature matches (== would leak that); bytes, so an odd header cannot make it raise.
    expected = hmac.new(SIGNING_KEY, body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected.encode(), (signature or '').strip().lower().encode())


@app.post(PATH)
def idenfy_webhook():
    body = request.get_data()  # the raw bytes, before anything parses them
    if not signed_by_idenfy(body, request.headers.get('Idenfy-Signature')):
        abort(401)
    result = request.get_json(silent=True)  # parses the same cached bytes
    if not isinstance(result, dict):
        abort(400)
    # final: false is the automatic result while a manual review is pending; the final one follows.
    overall = (result.get('status') or {}).get('overall')
    log.info('iDenfy webhook: scanRef=%s overall=%s final=%s', result.get('scanRef'), overall, result.get('final'))
    # Answer now and do slow work afterwards (a queue): iDenfy waits 10 s, and a non-2xx answer
    # sends the client to your error URL.
    return 'ok', 200


if __name__ == '__main__':
    app.run(port=PORT)  # a development server: use gunicorn or similar in production
