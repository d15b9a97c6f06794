import { execFileSync, spawn } from 'child_process';
import { createServer, IncomingMessage, Server, ServerResponse } from 'http';
import { AddressInfo, Socket } from 'net';
import { dirname, basename } from 'path';

/**
 * A GitOps repository served over Git's smart HTTP protocol by the real `git http-backend`
 * (as a CGI program, the way a Git server runs it), so that the push action talks to a
 * remote across a network connection that a test can cut: `onRequest` sees every request
 * first and may drop it, which is what a push sees when the Git server goes away.
 */

export type GitService = 'git-upload-pack' | 'git-receive-pack';

export interface GitRequest {
  method: string;
  /** The service asked for: reads (ls-remote, fetch) or the push. */
  service: GitService;
  /** `advertise` for GET …/info/refs, `rpc` for the POST that does the work. */
  phase: 'advertise' | 'rpc';
}

/**
 * What to do with a request: `serve` it, `drop` the connection without an answer (the server
 * went away), `vanish` (drop it and stop listening: every later connection is refused), or
 * `serve-then-drop` (the server does the work, then the connection breaks before the answer).
 */
export type Verdict = 'serve' | 'drop' | 'vanish' | 'serve-then-drop';

export class GitHttpServer {
  readonly requests: GitRequest[] = [];
  onRequest: (request: GitRequest) => Verdict = () => 'serve';
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    /** The bare repository on disk. */
    readonly repositoryPath: string,
  ) {
    server.on('connection', socket => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  /** Serves the bare repository at `repositoryPath` (pushes allowed) on a free local port. */
  static async start(repositoryPath: string): Promise<GitHttpServer> {
    execFileSync('git', ['config', 'http.receivepack', 'true'], {
      cwd: repositoryPath,
    });
    const handler: { serve?: GitHttpServer } = {};
    const server = createServer((req, res) => handler.serve!.handle(req, res));
    const self = new GitHttpServer(server, repositoryPath);
    handler.serve = self;
    await new Promise<void>(resolve =>
      server.listen(0, '127.0.0.1', () => resolve()),
    );
    const { port } = server.address() as AddressInfo;
    self.address = `http://127.0.0.1:${port}/${basename(repositoryPath)}`;
    return self;
  }

  /** The repository's URL; it stays the same after the server went away. */
  get url(): string {
    return this.address;
  }

  private address = '';

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>(resolve => {
      if (!this.server.listening) resolve();
      else this.server.close(() => resolve());
    });
  }

  private handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const service = (url.searchParams.get('service') ??
      url.pathname.split('/').pop()) as GitService;
    const request: GitRequest = {
      method: req.method ?? 'GET',
      service,
      phase: url.pathname.endsWith('/info/refs') ? 'advertise' : 'rpc',
    };
    this.requests.push(request);
    const verdict = this.onRequest(request);
    if (verdict === 'drop' || verdict === 'vanish') {
      req.socket.destroy();
      if (verdict === 'vanish') void this.stop();
      return;
    }
    this.cgi(req, res, url, verdict === 'serve-then-drop');
  }

  /** Runs `git http-backend` for one request, as a web server runs a CGI program. */
  private cgi(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    dropAnswer: boolean,
  ) {
    const child = spawn('git', ['http-backend'], {
      env: {
        PATH: process.env.PATH,
        GIT_PROJECT_ROOT: dirname(this.repositoryPath),
        GIT_HTTP_EXPORT_ALL: '1',
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_CONFIG_GLOBAL: '/dev/null',
        REQUEST_METHOD: req.method,
        PATH_INFO: decodeURIComponent(url.pathname),
        QUERY_STRING: url.search.slice(1),
        CONTENT_TYPE: req.headers['content-type'] ?? '',
        ...(req.headers['content-length']
          ? { CONTENT_LENGTH: req.headers['content-length'] }
          : {}),
        ...(req.headers['content-encoding']
          ? { HTTP_CONTENT_ENCODING: req.headers['content-encoding'] }
          : {}),
        ...(req.headers['git-protocol']
          ? { GIT_PROTOCOL: String(req.headers['git-protocol']) }
          : {}),
        REMOTE_ADDR: '127.0.0.1',
      },
    });
    req.pipe(child.stdin);
    const chunks: Buffer[] = [];
    child.stdout.on('data', chunk => chunks.push(chunk));
    child.on('close', () => {
      if (dropAnswer) {
        req.socket.destroy();
        return;
      }
      const output = Buffer.concat(chunks);
      let end = output.indexOf('\r\n\r\n');
      let gap = 4;
      if (end < 0) {
        end = output.indexOf('\n\n');
        gap = 2;
      }
      const head = output.subarray(0, Math.max(end, 0)).toString('latin1');
      let status = 200;
      for (const line of head.split(/\r?\n/).filter(Boolean)) {
        const colon = line.indexOf(':');
        const name = line.slice(0, colon).trim();
        const value = line.slice(colon + 1).trim();
        if (name.toLowerCase() === 'status') status = parseInt(value, 10);
        else res.setHeader(name, value);
      }
      res.statusCode = status;
      res.end(end < 0 ? output : output.subarray(end + gap));
    });
  }
}
