import type { IncomingMessage } from 'node:http';

export type BodyRead = { kind: 'ok'; bytes: Buffer } | { kind: 'tooLarge' } | { kind: 'gone' };

/** The request body, or why there is none; stops reading (and buffering) past `cap` bytes. */
export function readBody(req: IncomingMessage, cap: number): Promise<BodyRead> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > cap) {
      resolve({ kind: 'tooLarge' });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (result: BodyRead) => {
      if (!settled) {
        settled = true;
        resolve(result);
      }
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > cap) {
        req.pause();
        settle({ kind: 'tooLarge' });
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => settle({ kind: 'ok', bytes: Buffer.concat(chunks) }));
    req.on('close', () => settle({ kind: 'gone' }));
  });
}
