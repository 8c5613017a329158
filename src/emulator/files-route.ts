/**
 * GET /emulator/files/<scanRef>/<FRONT|BACK|FACE>.png?Expires=<unix seconds>: the photo links of a
 * full result. iDenfy's are signed storage links that stop working an hour after the answer; the
 * emulator's behave the same on its clock, and serve a plain placeholder image (no one was photographed).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { deflateSync } from 'node:zlib';
import { sendError } from './respond';
import type { SessionStore } from './sessions';

export const FILES_PREFIX = '/emulator/files/';
const PHOTO_KINDS = ['FRONT', 'BACK', 'FACE'] as const;
const LINK_LIFETIME_SECONDS = 3600;

/** The photo links of a finished verification, valid for an hour from `now` (milliseconds). */
export function photoLinks(baseUrl: string, scanRef: string, now: number): Record<string, string> {
  const expires = Math.floor(now / 1000) + LINK_LIFETIME_SECONDS;
  return Object.fromEntries(
    PHOTO_KINDS.map((kind) => [
      kind,
      `${baseUrl}${FILES_PREFIX}${encodeURIComponent(scanRef)}/${kind}.png?Expires=${expires}`,
    ]),
  );
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])));
  return Buffer.concat([head, data, crc]);
}

/** A grey 160x100 card with a darker border: enough to show that a link opens an image. */
function placeholderPng(): Buffer {
  const width = 160;
  const height = 100;
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width, 0xd0);
    row[0] = 0; // filter: none
    for (let x = 0; x < width; x++)
      if (x < 4 || x >= width - 4 || y < 4 || y >= height - 4) row[1 + x] = 0x70;
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale, no interlace
  return Buffer.concat([
    Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

let placeholder: Buffer | undefined;

export function handleFile(
  sessions: SessionStore,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): void {
  req.resume();
  const m = /^\/emulator\/files\/([^/]+)\/(FRONT|BACK|FACE)\.png$/.exec(url.pathname);
  const session = m ? sessions.byRef(decodeURIComponent(m[1] ?? '')) : undefined;
  if (!session?.result || session.deleted) {
    sendError(res, 404, 'NOT_FOUND', 'No such file.');
    return;
  }
  const expires = Number(url.searchParams.get('Expires'));
  if (!Number.isFinite(expires) || sessions.now() / 1000 >= expires) {
    // Like an expired signed storage link: ask /api/v2/full again for fresh links.
    sendError(res, 403, 'ACCESS_DENIED', 'Request has expired.');
    return;
  }
  placeholder ??= placeholderPng();
  res.writeHead(200, { 'content-type': 'image/png', 'content-length': placeholder.length });
  res.end(placeholder);
}
