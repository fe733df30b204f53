import { createServer, type Server } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
  '.pf_sort': 'application/octet-stream',
  '.webmanifest': 'application/manifest+json',
};

export interface StaticServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

async function resolveFile(root: string, urlPath: string): Promise<string | undefined> {
  const target = path.resolve(root, `.${urlPath}`);
  // A request must never read outside the site folder, whatever its dots and encodings.
  if (target !== root && !target.startsWith(root + path.sep)) return undefined;
  const info = await stat(target).catch(() => undefined);
  if (info?.isFile()) return target;
  if (info?.isDirectory()) {
    const index = path.join(target, 'index.html');
    if ((await stat(index).catch(() => undefined))?.isFile()) return index;
  }
  return undefined;
}

/**
 * Serves a built site the way a static host does: under its base path, directory indexes,
 * the site's own 404 page. Used by `npm run preview` and by the browser tests.
 */
export function startStaticServer(options: {
  root: string;
  base?: string;
  host?: string;
  port?: number;
  headers?: Record<string, string>;
}): Promise<StaticServer> {
  const root = path.resolve(options.root);
  const base = `/${(options.base ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  const host = options.host ?? '127.0.0.1';
  const server = createServer(async (req, res) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      res.writeHead(400).end('bad request');
      return;
    }
    const file = pathname.startsWith(base) ? await resolveFile(root, `/${pathname.slice(base.length)}`) : undefined;
    // As a real host configured from dist/_headers would: never let a browser sniff a raw
    // copy's text into HTML.
    const headers = { 'x-content-type-options': 'nosniff', ...options.headers };
    if (!file) {
      const notFound = path.join(root, '404.html');
      const exists = (await stat(notFound).catch(() => undefined))?.isFile();
      res.writeHead(404, { ...headers, 'content-type': TYPES['.html'] });
      if (exists) createReadStream(notFound).pipe(res);
      else res.end('not found');
      return;
    }
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    res.writeHead(200, { ...headers, 'content-type': type });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(options.port ?? 0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({
        url: `http://${host}:${port}${base}`,
        server,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
