import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

/** A static file server on 127.0.0.1 for the image builds, with a log of what was asked. */
export interface ArtifactServer {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

export async function serveArtifacts(root: string): Promise<ArtifactServer> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent(
      new URL(req.url ?? '/', 'http://x').pathname,
    );
    requests.push(`${req.method} ${urlPath}`);
    const file = path.resolve(root, `.${urlPath}`);
    const inside = file.startsWith(`${path.resolve(root)}${path.sep}`);
    if (!inside || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end('not found\n');
      return;
    }
    const body = fs.readFileSync(file);
    res.writeHead(200, { 'content-length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    requests,
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
