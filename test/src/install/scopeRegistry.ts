import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/**
 * A stand-in for the npm registry's read side, for one scope only: the packages are meant to
 * come from the registry (`yarn add @connect-skeleton/...`), which does not have them yet. It
 * answers the two requests a package client makes for a package (the packument, then the
 * tarball) as the registry's documented contract has them, from the tarballs of a folder.
 * Nothing else is served: every other package comes from the machine's own registry.
 */

export interface ScopeRegistry {
  /** e.g. http://127.0.0.1:41234 (no trailing slash) */
  url: string;
  /** The packages served, name → version. */
  packages: Record<string, string>;
  /** The tarball served for a package's latest version. */
  tarball(name: string): Buffer;
  /** Every request path, in order: what the client actually asked for. */
  requests: string[];
  close(): Promise<void>;
}

interface Served {
  manifest: Record<string, unknown> & { name: string; version: string };
  tarball: Buffer;
  file: string;
}

/** The files of a package tarball (`yarn pack`, `npm pack`): path inside it → content. */
export function tarballFiles(tarball: Buffer): Map<string, Buffer> {
  const tar = gunzipSync(tarball);
  const files = new Map<string, Buffer>();
  const field = (offset: number, length: number) =>
    tar
      .subarray(offset, offset + length)
      .toString('utf8')
      .replace(/\0.*$/s, '');
  for (let offset = 0; offset + 512 <= tar.length; ) {
    const name = field(offset, 100);
    if (!name) break;
    const size = parseInt(field(offset + 124, 12).trim() || '0', 8);
    // Type '0' (or NUL in old archives) is a regular file; the ustar prefix holds long paths.
    const type = field(offset + 156, 1);
    const prefix = field(offset + 345, 155);
    if (type === '0' || type === '') {
      files.set(
        prefix ? `${prefix}/${name}` : name,
        tar.subarray(offset + 512, offset + 512 + size),
      );
    }
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

function manifestOf(tarball: Buffer): Served['manifest'] {
  const manifest = tarballFiles(tarball).get('package/package.json');
  if (!manifest) throw new Error('The tarball has no package/package.json');
  return JSON.parse(manifest.toString('utf8'));
}

/**
 * Serves every `.tgz` of `folder` whose package is in `scope` (e.g. `@connect-skeleton`).
 * `publishedAt` is the publish time the packuments give (`time[version]`): Yarn's
 * `npmMinimalAgeGate` (create-app writes `3d`) refuses versions younger than the gate.
 */
export async function startScopeRegistry(options: {
  folder: string;
  scope: string;
  publishedAt: Date;
}): Promise<ScopeRegistry> {
  const served = new Map<string, Served[]>();
  for (const file of readdirSync(options.folder).filter(f =>
    f.endsWith('.tgz'),
  )) {
    const tarball = readFileSync(join(options.folder, file));
    const manifest = manifestOf(tarball);
    if (!manifest.name.startsWith(`${options.scope}/`)) continue;
    served.set(manifest.name, [
      ...(served.get(manifest.name) ?? []),
      { manifest, tarball, file },
    ]);
  }
  if (served.size === 0) {
    throw new Error(
      `No ${options.scope} tarballs in ${options.folder}: pack the packages first`,
    );
  }

  const requests: string[] = [];
  let url = '';
  const tarballPath = (s: Served) =>
    `/${s.manifest.name}/-/${s.manifest.name.split('/')[1]}-${
      s.manifest.version
    }.tgz`;

  function packument(name: string, versions: Served[]) {
    const latest = [...versions].sort((a, b) =>
      a.manifest.version.localeCompare(b.manifest.version, undefined, {
        numeric: true,
      }),
    )[versions.length - 1];
    const time = options.publishedAt.toISOString();
    return {
      _id: name,
      name,
      'dist-tags': { latest: latest.manifest.version },
      versions: Object.fromEntries(
        versions.map(s => [
          s.manifest.version,
          {
            ...s.manifest,
            _id: `${name}@${s.manifest.version}`,
            dist: {
              tarball: `${url}${tarballPath(s)}`,
              shasum: createHash('sha1').update(s.tarball).digest('hex'),
              integrity: `sha512-${createHash('sha512')
                .update(s.tarball)
                .digest('base64')}`,
            },
          },
        ]),
      ),
      time: {
        created: time,
        modified: time,
        ...Object.fromEntries(versions.map(s => [s.manifest.version, time])),
      },
    };
  }

  function answer(request: IncomingMessage, response: ServerResponse) {
    const path = decodeURIComponent(
      new URL(request.url ?? '/', 'http://x').pathname,
    );
    requests.push(`${request.method} ${path}`);
    const json = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      json(405, { error: 'This stand-in only reads' });
      return;
    }
    const versions = served.get(path.slice(1));
    if (versions) {
      json(200, packument(path.slice(1), versions));
      return;
    }
    for (const list of served.values()) {
      const hit = list.find(s => tarballPath(s) === path);
      if (hit) {
        response.writeHead(200, {
          'content-type': 'application/octet-stream',
          'content-length': hit.tarball.length,
        });
        response.end(request.method === 'HEAD' ? undefined : hit.tarball);
        return;
      }
    }
    json(404, { error: 'Not found' });
  }

  const server = createServer(answer);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    packages: Object.fromEntries(
      [...served].map(([name, list]) => [
        name,
        list.map(s => s.manifest.version).join(', '),
      ]),
    ),
    requests,
    tarball: name => {
      const list = served.get(name);
      if (!list) throw new Error(`${name} is not served`);
      return list[list.length - 1].tarball;
    },
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
