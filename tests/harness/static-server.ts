import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { cspHeader } from '../../src/lib/publish/csp.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.wasm': 'application/wasm',
};

export interface StaticServer {
  /** Origin plus base path, e.g. http://127.0.0.1:4567/kstb/. */
  url: string;
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves a built site from `dir` under `base` on a free loopback port, the way
 * a plain static host does, with the site's Content-Security-Policy header: directories map to index.html, anything missing
 * gets the site's 404.html with status 404.
 */
export async function serveStatic(dir: string, base = '/'): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const send = (file: string, status: number) => {
      // Like a host configured from the site's _headers file.
      res.writeHead(status, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-security-policy': cspHeader() });
      createReadStream(file).pipe(res);
    };
    const notFound = () => send(join(dir, '404.html'), 404);
    if (!pathname.startsWith(base)) return notFound();
    let file = normalize(join(dir, pathname.slice(base.length)));
    if (!file.startsWith(normalize(dir))) return notFound();
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { location: `${pathname}/` });
        return res.end();
      }
      file = join(file, 'index.html');
    }
    if (!existsSync(file)) return notFound();
    send(file, 200);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: origin + base,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
