import { http, HttpHandler, HttpResponse } from 'msw';
import { catchAllApiHandler } from './fakeApiHandler';
import { GitHubDescription } from './githubDescription';
import { Commit, GitObjects } from './gitObjects';

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
type Answer = [status: number, body: unknown];

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

export class GitHubFake {
  readonly violations: string[] = [];
  /** Operation ids in the order they were called. */
  readonly calls: string[] = [];
  readonly pulls: PullRequest[] = [];
  readonly git: GitObjects;
  /** Errors to answer instead of the real answer; see {@link GitHubFault}. */
  readonly faults: GitHubFault[] = [];

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
      catchAllApiHandler(API, this.violations, request => this.rest(request)),
    ];
  }

  private async rest(request: Request) {
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
    const [status, answer]: Answer =
      owner === this.owner && repo === this.repo
        ? this.answer(
            operation.operationId,
            rest,
            searchParams,
            body ?? {},
            method,
            pathname,
          )
        : [404, { message: 'Not Found' }];
    if (status < 300)
      this.violations.push(
        ...this.api.checkResponse(method, pathname, status, answer),
      );
    if (fault) return HttpResponse.json(fault.body, { status: fault.status });
    return HttpResponse.json(answer as Json, { status });
  }

  private answer(
    id: string,
    rest: string[],
    query: URLSearchParams,
    body: Json,
    method: string,
    path: string,
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
      case 'repos/get-content':
        return this.content(rest.slice(1).join('/'), query, example(200), base);
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
   * A file of a branch (the default branch without `ref`), base64-encoded as GitHub sends it:
   * https://docs.github.com/en/rest/repos/contents#get-repository-content . A missing branch
   * or file is a 404. The path arrives as one segment with its slashes as %2F, as octokit
   * sends it; folders are not served (the fake has no use for their listing).
   */
  private content(
    path: string,
    query: URLSearchParams,
    example: Json,
    base: string,
  ): Answer {
    const ref = query.get('ref') ?? 'main';
    const tip = this.git.refs.get(ref);
    if (!tip) return [404, { message: `No commit found for the ref ${ref}` }];
    const tree = this.git.trees.get(this.git.commits.get(tip)!.tree)!;
    const blob = tree.get(path);
    if (!blob) {
      if ([...tree.keys()].some(p => p.startsWith(`${path}/`)))
        this.violations.push(
          `repos/get-content: ${path} is a folder, which the fake does not list`,
        );
      return [404, { message: 'Not Found' }];
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

  private checkToken(request: Request, what: string) {
    if (request.headers.get('authorization') !== `token ${this.token}`) {
      this.violations.push(
        `${what}: not authenticated with the expected token`,
      );
    }
  }
}
