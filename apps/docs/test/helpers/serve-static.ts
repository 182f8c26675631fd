// A tiny static file server for the built site, bound to 127.0.0.1 on a
// free port (port 0), for the end-to-end and link tests.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};

/** A running server: its base URL and a close function. */
export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves `root` the way a static host serves a VitePress build: `/x/` maps
 * to `/x/index.html`, `/x` to `/x.html` when that exists, anything else
 * missing to `404.html` with status 404.
 */
export async function serveStatic(root: string): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split(/[?#]/)[0] ?? '/');
    const file = resolveFile(root, path);
    if (!file) {
      res.writeHead(404, { 'content-type': TYPES['.html']! });
      createReadStream(join(root, '404.html')).pipe(res);
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function resolveFile(root: string, urlPath: string): string | undefined {
  const safe = normalize(urlPath).replace(/^([/\\])+/, '');
  if (safe.split(sep).includes('..')) return undefined;
  const candidates = urlPath.endsWith('/')
    ? [join(root, safe, 'index.html')]
    : [join(root, safe), `${join(root, safe)}.html`];
  return candidates.find((f) => existsSync(f) && statSync(f).isFile());
}
