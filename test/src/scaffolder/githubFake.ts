import { createHash } from 'crypto';
import { http, HttpHandler, HttpResponse } from 'msw';
import { catchAllApiHandler } from './fakeApiHandler';
import { GitHubDescription } from './githubDescription';
import { Commit, GitObjects } from './gitObjects';
import { tarGz } from './tarArchive';

/**
 * One GitHub repository behind msw, speaking GitHub's REST contract as published in
 * @octokit/openapi: every request is looked up in the description by method and path
 * template, its body checked against the operation's schema, and every answer built on the
 * operation's documented example and checked against its response schema. Anything outside
 * the description, or not matching it, is recorded in `violations`.
 */

export interface PullRequest {
  number: number;
  head: string;
  base: string;
  title: string;
  body?: string;
  draft?: boolean;
  state: 'open' | 'closed';
  html_url: string;
}

type Json = Record<string, any>;
/** A JSON answer, or a whole response for what is not JSON (raw files, archives, redirects). */
type Answer = [status: number, body: unknown] | Response;

/**
 * An error that GitHub answers to the next `times` calls of one operation (its operation id,
 * e.g. `pulls/create`), as when GitHub is failing or refuses a request. With `afterServing`,
 * the fake does the work first and only the answer is the error: GitHub acted, then a proxy
 * in front of it answered 502, say. No fault is set unless a test adds one.
 */
export interface GitHubFault {
  operation: string;
  status: number;
  body: Json;
  times: number;
  afterServing?: boolean;
}

const API = 'https://api.github.com';
/** Where GitHub redirects an archive download: https://docs.github.com/en/rest/repos/contents#download-a-repository-archive-tar */
const CODELOAD = 'https://codeload.github.com';
/** The media type of a file's raw content: https://docs.github.com/en/rest/repos/contents#get-repository-content */
const RAW_MEDIA_TYPE = /application\/vnd\.github(\.v3)?\.raw/;

export class GitHubFake {
  readonly violations: string[] = [];
  /** Operation ids in the order they were called. */
  readonly calls: string[] = [];
  readonly pulls: PullRequest[] = [];
  readonly git: GitObjects;
  /** Errors to answer instead of the real answer; see {@link GitHubFault}. */
  readonly faults: GitHubFault[] = [];
  /** The archive links handed out (token → commit), as GitHub signs them for a private repository. */
  private readonly archiveTokens = new Map<string, string>();

  constructor(
    private readonly api: GitHubDescription,
    readonly owner: string,
    readonly repo: string,
    private readonly token: string,
    files: Record<string, string>,
  ) {
    this.git = new GitObjects(files);
  }

  get refs(): Map<string, string> {
    return this.git.refs;
  }

  files(branch: string): Map<string, string> {
    return this.git.files(branch);
  }

  commit(branch: string): Commit {
    return this.git.tip(branch);
  }

  handlers(): HttpHandler[] {
    return [
      http.post(`${API}/graphql`, async ({ request }) => this.graphql(request)),
      http.get(`${CODELOAD}/:owner/:repo/legacy.tar.gz/:ref`, ({ request }) =>
        this.codeload(request),
      ),
      catchAllApiHandler(API, this.violations, request => this.rest(request)),
    ];
  }

  private async rest(request: Request): Promise<Response> {
    // HEAD is GET without the body (RFC 9110, 9.3.2): GitHub answers it for every GET, and
    // octokit's create-pull-request plugin asks it before it deletes a file.
    if (request.method === 'HEAD') {
      const answer = await this.rest(
        new Request(request.url, { method: 'GET', headers: request.headers }),
      );
      return new HttpResponse(null, {
        status: answer.status,
        headers: answer.headers,
      });
    }
    const { pathname, searchParams } = new URL(request.url);
    const method = request.method;
    const operation = this.api.find(method, pathname);
    if (!operation) {
      this.violations.push(
        `${method} ${pathname}: not an operation of GitHub's REST description`,
      );
      return HttpResponse.json({ message: 'Not Found' }, { status: 404 });
    }
    this.calls.push(operation.operationId);
    this.checkToken(request, operation.operationId);
    const text = await request.text();
    const body = text ? JSON.parse(text) : undefined;
    this.violations.push(...this.api.checkRequest(method, pathname, body));

    const fault = this.faults.find(
      f => f.operation === operation.operationId && f.times > 0,
    );
    if (fault) fault.times -= 1;
    if (fault && !fault.afterServing)
      return HttpResponse.json(fault.body, { status: fault.status });

    const [, , owner, repo, ...rest] = pathname
      .split('/')
      .map(decodeURIComponent);
    const served: Answer =
      owner === this.owner && repo === this.repo
        ? this.answer(
            operation.operationId,
            rest,
            searchParams,
            body ?? {},
            method,
            pathname,
            request.headers,
          )
        : [404, { message: 'Not Found' }];
    if (!(served instanceof Response) && served[0] < 300)
      this.violations.push(
        ...this.api.checkResponse(method, pathname, served[0], served[1]),
      );
    if (fault) return HttpResponse.json(fault.body, { status: fault.status });
    if (served instanceof Response) return served;
    return HttpResponse.json(served[1] as Json, { status: served[0] });
  }

  private answer(
    id: string,
    rest: string[],
    query: URLSearchParams,
    body: Json,
    method: string,
    path: string,
    headers: Headers,
  ): Answer {
    const example = (status: number): Json =>
      this.api.example<Json>(method, path, status);
    const base = `${API}/repos/${this.owner}/${this.repo}`;
    switch (id) {
      case 'repos/get':
        // Not a fork: no parent or source. (The documented example lacks the required `language`.)
        return [
          200,
          {
            ...example(200),
            parent: undefined,
            source: undefined,
            language: null,
            name: this.repo,
            full_name: `${this.owner}/${this.repo}`,
            default_branch: 'main',
            permissions: {
              admin: false,
              maintain: false,
              push: true,
              triage: true,
              pull: true,
            },
          },
        ];
      case 'repos/list-commits': {
        const sha =
          this.git.refs.get(query.get('sha') ?? 'main') ?? query.get('sha')!;
        const commit = this.git.commits.get(sha);
        if (!commit) return [404, { message: 'No commit found for SHA' }];
        const [item] = this.api.example<Json[]>(method, path, 200);
        return [
          200,
          [
            {
              ...item,
              sha,
              commit: {
                ...item.commit,
                message: commit.message,
                tree: { ...item.commit.tree, sha: commit.tree },
              },
            },
          ],
        ];
      }
      case 'repos/get-content': {
        const file = rest.slice(1).join('/');
        // Backstage's GitHub URL reader asks for the raw media type: the bytes, not JSON.
        if (RAW_MEDIA_TYPE.test(headers.get('accept') ?? ''))
          return this.rawContent(file, query, headers);
        return this.content(file, query, example(200), base);
      }
      case 'repos/get-combined-status-for-ref':
        return this.combinedStatus(rest.slice(1, -1).join('/'), base, example);
      case 'repos/download-tarball-archive':
        return this.tarballRedirect(rest.slice(1).join('/'));
      case 'git/create-blob': {
        const sha = this.git.blob(
          Buffer.from(
            body.content,
            body.encoding === 'base64' ? 'base64' : 'utf8',
          ),
        );
        return [201, { url: `${base}/git/blobs/${sha}`, sha }];
      }
      case 'git/create-tree':
        return this.createTree(body, base);
      case 'git/create-commit': {
        if (
          !this.git.trees.has(body.tree) ||
          !body.parents.every((p: string) => this.git.commits.has(p))
        ) {
          return [422, { message: 'Tree or parent SHA does not exist' }];
        }
        const sha = this.git.commit({
          tree: body.tree,
          parents: body.parents,
          message: body.message,
        });
        return [
          201,
          {
            ...example(201),
            sha,
            url: `${base}/git/commits/${sha}`,
            html_url: `https://github.com/${this.owner}/${this.repo}/commit/${sha}`,
            message: body.message,
            tree: { sha: body.tree, url: `${base}/git/trees/${body.tree}` },
            parents: body.parents.map((p: string) => ({
              sha: p,
              url: `${base}/git/commits/${p}`,
              html_url: `https://github.com/${this.owner}/${this.repo}/commit/${p}`,
            })),
          },
        ];
      }
      case 'git/create-ref': {
        const branch = String(body.ref).replace(/^refs\/heads\//, '');
        if (this.git.refs.has(branch))
          return [422, { message: 'Reference already exists' }];
        return this.setRef(branch, body.sha, 201, example(201), base);
      }
      case 'git/update-ref': {
        const branch = rest
          .slice(2)
          .join('/')
          .replace(/^heads\//, '');
        if (!this.git.refs.has(branch))
          return [422, { message: 'Reference does not exist' }];
        if (
          !body.force &&
          !this.git.descends(body.sha, this.git.refs.get(branch)!)
        )
          return [422, { message: 'Update is not a fast forward' }];
        return this.setRef(branch, body.sha, 200, example(200), base);
      }
      case 'pulls/create':
        return this.createPull(body, example(201), base);
      case 'pulls/update': {
        const pull = this.pulls.find(p => p.number === Number(rest[1]));
        if (!pull) return [404, { message: 'Not Found' }];
        Object.assign(pull, {
          title: body.title ?? pull.title,
          body: body.body ?? pull.body,
          base: body.base ?? pull.base,
        });
        return [200, this.pullJson(pull, example(200), base)];
      }
      default:
        this.violations.push(`${id}: the fake does not serve this operation`);
        return [501, { message: `${id} is not served by the fake` }];
    }
  }

  /**
   * A file of a branch or commit (the default branch without `ref`), base64-encoded as GitHub sends it:
   * https://docs.github.com/en/rest/repos/contents#get-repository-content . A missing branch
   * or file is a 404. The path arrives as one segment with its slashes as %2F, as octokit
   * sends it. A folder is answered with its entries, one level (files and folders, each with
   * its path and Git object id; a folder's id is made up: trees are kept flat here).
   */
  private content(
    path: string,
    query: URLSearchParams,
    example: Json,
    base: string,
  ): Answer {
    const ref = query.get('ref') ?? 'main';
    const tip = this.resolveRef(ref);
    if (!tip) return [404, { message: `No commit found for the ref ${ref}` }];
    const tree = this.git.trees.get(this.git.commits.get(tip)!.tree)!;
    const blob = tree.get(path);
    if (!blob) {
      const below = [...tree].filter(([p]) => p.startsWith(`${path}/`));
      if (below.length === 0) return [404, { message: 'Not Found' }];
      return [200, this.folder(path, ref, below, base)];
    }
    const content = this.git.blobs.get(blob)!;
    const html = `https://github.com/${this.owner}/${this.repo}/blob/${ref}/${path}`;
    return [
      200,
      {
        ...example,
        type: 'file',
        encoding: 'base64',
        size: content.length,
        name: path.split('/').pop(),
        path,
        content: content.toString('base64'),
        sha: blob,
        url: `${base}/contents/${path}?ref=${ref}`,
        git_url: `${base}/git/blobs/${blob}`,
        html_url: html,
        download_url: `https://raw.githubusercontent.com/${this.owner}/${this.repo}/${ref}/${path}`,
        _links: {
          git: `${base}/git/blobs/${blob}`,
          self: `${base}/contents/${path}?ref=${ref}`,
          html,
        },
      },
    ];
  }

  /** The entries of a folder, from the files below it (path → blob), as GitHub lists them. */
  private folder(
    path: string,
    ref: string,
    below: [string, string][],
    base: string,
  ): Json[] {
    const entries = new Map<string, Json>();
    for (const [file, blob] of below) {
      const [name, ...deeper] = file.slice(path.length + 1).split('/');
      const child = `${path}/${name}`;
      if (entries.has(child)) continue;
      const isDir = deeper.length > 0;
      const sha = isDir
        ? createHash('sha1').update(`tree ${child} ${ref}`).digest('hex')
        : blob;
      const html = `https://github.com/${this.owner}/${this.repo}/${
        isDir ? 'tree' : 'blob'
      }/${ref}/${child}`;
      const self = `${base}/contents/${child}?ref=${ref}`;
      const git = `${base}/git/${isDir ? 'trees' : 'blobs'}/${sha}`;
      entries.set(child, {
        type: isDir ? 'dir' : 'file',
        size: isDir ? 0 : this.git.blobs.get(blob)!.length,
        name,
        path: child,
        sha,
        url: self,
        git_url: git,
        html_url: html,
        download_url: isDir
          ? null
          : `https://raw.githubusercontent.com/${this.owner}/${this.repo}/${ref}/${child}`,
        _links: { git, self, html },
      });
    }
    return [...entries.values()];
  }

  /** A branch name or a commit SHA, as GitHub resolves `{ref}`; undefined when neither. */
  private resolveRef(ref: string): string | undefined {
    const name = ref.replace(/^(refs\/)?heads\//, '');
    return (
      this.git.refs.get(name) ?? (this.git.commits.has(ref) ? ref : undefined)
    );
  }

  /**
   * A file's bytes, for `Accept: application/vnd.github.raw` (or the older
   * `application/vnd.github.v3.raw`), with its blob SHA as the ETag; `If-None-Match` with
   * that ETag is a 304: https://docs.github.com/en/rest/repos/contents#get-repository-content
   * and https://docs.github.com/en/rest/using-the-rest-api/best-practices-for-using-the-rest-api#use-conditional-requests-if-appropriate
   */
  private rawContent(
    path: string,
    query: URLSearchParams,
    headers: Headers,
  ): Answer {
    const ref = query.get('ref') ?? 'main';
    const tip = this.resolveRef(ref);
    if (!tip) return [404, { message: `No commit found for the ref ${ref}` }];
    const blob = this.git.trees.get(this.git.commits.get(tip)!.tree)!.get(path);
    if (!blob) return [404, { message: 'Not Found' }];
    const etag = `"${blob}"`;
    if (headers.get('if-none-match') === etag)
      return new HttpResponse(null, { status: 304, headers: { etag } });
    return new HttpResponse(this.git.blobs.get(blob)!, {
      status: 200,
      headers: { 'content-type': 'application/vnd.github.raw', etag },
    });
  }

  /**
   * The combined status of a ref: its commit's SHA and the repository (with its archive_url),
   * which Backstage's GitHub URL reader reads before it downloads a tree
   * (https://docs.github.com/en/rest/commits/statuses#get-the-combined-status-for-a-specific-reference).
   * No status was ever set here: state pending, no statuses.
   */
  private combinedStatus(
    ref: string,
    base: string,
    example: (status: number) => Json,
  ): Answer {
    const sha = this.resolveRef(ref);
    if (!sha) return [404, { message: `No commit found for SHA: ${ref}` }];
    const documented = example(200);
    const repository = JSON.parse(
      JSON.stringify(documented.repository)
        .split('octocat/Hello-World')
        .join(`${this.owner}/${this.repo}`),
    );
    return [
      200,
      {
        ...documented,
        state: 'pending',
        statuses: [],
        total_count: 0,
        sha,
        url: `${base}/commits/${sha}/status`,
        commit_url: `${base}/commits/${sha}`,
        repository: {
          ...repository,
          name: this.repo,
          full_name: `${this.owner}/${this.repo}`,
          private: true,
        },
      },
    ];
  }

  /**
   * An archive download is a 302 to codeload with a token in the query, as GitHub answers for
   * a private repository (https://docs.github.com/en/rest/repos/contents#download-a-repository-archive-tar).
   */
  private tarballRedirect(ref: string): Answer {
    const sha = this.resolveRef(ref);
    if (!sha) return [404, { message: 'Not Found' }];
    const token = `${sha.slice(0, 8)}${this.archiveTokens.size}`;
    this.archiveTokens.set(token, sha);
    return new HttpResponse(null, {
      status: 302,
      headers: {
        location: `${CODELOAD}/${this.owner}/${this.repo}/legacy.tar.gz/${sha}?token=${token}`,
      },
    });
  }

  /** The tarball: the commit's files under `<owner>-<repo>-<short sha>/`. */
  private codeload(request: Request) {
    this.calls.push('codeload');
    const url = new URL(request.url);
    const sha = url.pathname.split('/').pop()!;
    if (this.archiveTokens.get(url.searchParams.get('token') ?? '') !== sha) {
      this.violations.push(
        `codeload: ${url.pathname} without the token of GitHub's redirect`,
      );
      return new HttpResponse('Not Found', { status: 404 });
    }
    const tree = this.git.trees.get(this.git.commits.get(sha)!.tree)!;
    const files = new Map(
      [...tree].map(([path, blob]) => [path, this.git.blobs.get(blob)!]),
    );
    return new HttpResponse(
      tarGz(`${this.owner}-${this.repo}-${sha.slice(0, 7)}`, files),
      {
        status: 200,
        headers: {
          'content-type': 'application/x-gzip',
          'content-disposition': `attachment; filename=${this.owner}-${
            this.repo
          }-${sha.slice(0, 7)}.tar.gz`,
        },
      },
    );
  }

  private createTree(body: Json, base: string): Answer {
    const start = body.base_tree
      ? this.git.trees.get(body.base_tree)
      : new Map<string, string>();
    if (!start) return [422, { message: 'base_tree is not a valid tree' }];
    const tree = new Map(start);
    for (const entry of body.tree as Json[]) {
      if (entry.sha === null) tree.delete(entry.path);
      else if (entry.sha) {
        if (!this.git.blobs.has(entry.sha))
          return [422, { message: `Blob ${entry.sha} not found` }];
        tree.set(entry.path, entry.sha);
      } else
        tree.set(
          entry.path,
          this.git.blob(Buffer.from(entry.content ?? '', 'utf8')),
        );
    }
    const sha = this.git.tree(tree);
    const entries = [...tree].map(([path, blob]) => ({
      path,
      mode: '100644',
      type: 'blob',
      sha: blob,
      size: this.git.blobs.get(blob)!.length,
      url: `${base}/git/blobs/${blob}`,
    }));
    return [
      201,
      { sha, url: `${base}/git/trees/${sha}`, tree: entries, truncated: false },
    ];
  }

  private createPull(body: Json, example: Json, base: string): Answer {
    const head = String(body.head).replace(new RegExp(`^${this.owner}:`), '');
    if (!this.git.refs.has(head) || !this.git.refs.has(body.base))
      return [422, { message: 'Validation Failed' }];
    if (this.pulls.some(p => p.head === head && p.state === 'open')) {
      return [
        422,
        { message: `A pull request already exists for ${this.owner}:${head}.` },
      ];
    }
    const number = this.pulls.length + 1;
    const pull: PullRequest = {
      number,
      head,
      base: body.base,
      title: body.title,
      body: body.body,
      draft: body.draft,
      state: 'open',
      html_url: `https://github.com/${this.owner}/${this.repo}/pull/${number}`,
    };
    this.pulls.push(pull);
    return [201, this.pullJson(pull, example, base)];
  }

  private pullJson(pull: PullRequest, example: Json, base: string): Json {
    const side = (ref: string, template: Json) => ({
      ...template,
      ref,
      label: `${this.owner}:${ref}`,
      sha: this.git.refs.get(ref),
    });
    // No reviewers were asked for; the documented example's teams also lack the required `type`.
    return {
      ...example,
      requested_reviewers: [],
      requested_teams: [],
      number: pull.number,
      url: `${base}/pulls/${pull.number}`,
      html_url: pull.html_url,
      state: pull.state,
      title: pull.title,
      body: pull.body ?? null,
      draft: pull.draft ?? false,
      head: side(pull.head, example.head),
      base: side(pull.base, example.base),
    };
  }

  private setRef(
    branch: string,
    sha: string,
    status: number,
    example: Json,
    base: string,
  ): Answer {
    if (!this.git.commits.has(sha))
      return [422, { message: 'Object does not exist' }];
    this.git.refs.set(branch, sha);
    return [
      status,
      {
        ...example,
        ref: `refs/heads/${branch}`,
        url: `${base}/git/refs/heads/${branch}`,
        object: { type: 'commit', sha, url: `${base}/git/commits/${sha}` },
      },
    ];
  }

  /**
   * The one GraphQL call octokit-plugin-create-pull-request makes: does the head branch
   * exist, and has it an open pull request. GraphQL is outside the REST description; the
   * shape follows https://docs.github.com/en/graphql/reference/objects#ref
   * (Ref.associatedPullRequests, a PullRequestConnection).
   */
  private async graphql(request: Request) {
    this.calls.push('graphql');
    this.checkToken(request, 'graphql');
    const { query, variables } = (await request.json()) as {
      query: string;
      variables: Json;
    };
    const expected = [
      /repository\(name: \$repo, owner: \$owner\)/,
      /ref\(qualifiedName: \$head\)/,
      /associatedPullRequests\(first: 1, states: OPEN\)/,
    ];
    if (
      !expected.every(re => re.test(query)) ||
      variables.owner !== this.owner ||
      variables.repo !== this.repo
    ) {
      this.violations.push(
        `graphql: unexpected query ${JSON.stringify({ query, variables })}`,
      );
      return HttpResponse.json({
        data: null,
        errors: [{ message: 'unexpected query' }],
      });
    }
    const branch = String(variables.head).replace(/^refs\/heads\//, '');
    const open = this.pulls
      .filter(p => p.head === branch && p.state === 'open')
      .slice(0, 1);
    const ref = this.git.refs.has(branch)
      ? {
          associatedPullRequests: {
            edges: open.map(p => ({
              node: { id: `PR_${p.number}`, number: p.number, url: p.html_url },
            })),
          },
        }
      : null;
    return HttpResponse.json({ data: { repository: { ref } } });
  }

  /**
   * GitHub takes a token as `Authorization: token …` (octokit) or `Authorization: Bearer …`
   * (Backstage's URL reader): https://docs.github.com/en/rest/authentication/authenticating-to-the-rest-api
   */
  private checkToken(request: Request, what: string) {
    const authorization = request.headers.get('authorization') ?? '';
    if (
      authorization !== `token ${this.token}` &&
      authorization !== `Bearer ${this.token}`
    ) {
      this.violations.push(
        `${what}: not authenticated with the expected token`,
      );
    }
  }
}
