/**
 * A real forward proxy on 127.0.0.1 for tests (unit and the bundled integration suite): CONNECT
 * tunnels for https targets, absolute-form requests (`POST http://host/path`) for http targets, as
 * corporate proxies do. It records what it was asked for, so a test can tell that a request really
 * went through it. `refuse` answers every request with that status instead.
 */
import { once } from 'node:events';
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { type AddressInfo, connect, type Socket } from 'node:net';

export interface ProxySeen {
  /** 'CONNECT' or the method of an absolute-form request. */
  method: string;
  /** host:port for CONNECT, the absolute URL otherwise. */
  target: string;
}

export interface ForwardProxy {
  url: string;
  seen: ProxySeen[];
  refuse: number | undefined;
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set(['proxy-connection', 'proxy-authorization', 'connection', 'keep-alive']);

export async function startForwardProxy(): Promise<ForwardProxy> {
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const proxy: ForwardProxy = {
    url: '',
    seen: [],
    refuse: undefined,
    close: async () => {
      for (const s of sockets) s.destroy();
      server.close();
      await once(server, 'close');
    },
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    proxy.seen.push({ method: req.method ?? '', target: req.url ?? '' });
    if (proxy.refuse !== undefined) {
      res.writeHead(proxy.refuse, { 'content-type': 'text/plain' });
      res.end('refused by the test proxy');
      return;
    }
    let target: URL;
    try {
      target = new URL(req.url ?? '');
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain' });
      res.end('this proxy only takes absolute-form requests');
      return;
    }
    const headers = Object.fromEntries(
      Object.entries(req.headers).filter(([name]) => !HOP_BY_HOP.has(name.toLowerCase())),
    );
    const upstream = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: `${target.pathname}${target.search}`,
        headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  server.on('connection', track);
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    proxy.seen.push({ method: 'CONNECT', target: req.url ?? '' });
    if (proxy.refuse !== undefined) {
      client.end(`HTTP/1.1 ${proxy.refuse} Refused\r\n\r\n`);
      return;
    }
    const at = (req.url ?? '').lastIndexOf(':');
    const host = (req.url ?? '').slice(0, at).replace(/^\[(.*)\]$/, '$1');
    const upstream = connect(Number((req.url ?? '').slice(at + 1)), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    track(upstream);
    upstream.on('close', () => client.destroy());
    client.on('close', () => upstream.destroy());
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return proxy;
}
