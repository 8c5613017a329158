/**
 * A reverse proxy on 127.0.0.1 in front of one server (the emulator), standing in for one iDenfy
 * account's host: every request is counted by `METHOD /path` before it is passed on, so a test can
 * prove which "host" a command reached and that a cancelled one reached none. Nothing is changed on
 * the way; the emulator's answers come back as they are.
 */
import { once } from 'node:events';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface CountingGateway {
  url: string;
  /** Requests received, by `METHOD /path` (query left out). */
  counts: Map<string, number>;
  total(): number;
  close(): Promise<void>;
}

export async function startCountingGateway(target: string): Promise<CountingGateway> {
  const upstream = new URL(target);
  const counts = new Map<string, number>();
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const key = `${req.method} ${(req.url ?? '/').split('?')[0]}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    const forward = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: upstream.host },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    total: () => [...counts.values()].reduce((a, b) => a + b, 0),
    close: async () => {
      for (const s of sockets) s.destroy();
      server.close();
      await once(server, 'close');
    },
  };
}
