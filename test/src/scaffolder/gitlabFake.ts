import { createHash } from 'crypto';
import { HttpHandler, HttpResponse } from 'msw';
import { catchAllApiHandler } from './fakeApiHandler';
import { tarGz } from './tarArchive';

/**
 * One GitLab project behind msw, serving the REST endpoints that the template's GitLab steps
 * call, written by hand from GitLab's API documentation (linked at each endpoint):
 *
 * - kafka-connect:gitlab:branch (this repository's module): read the branch and the project,
 *   and create the branch from the project's default branch when it is missing;
 * - gitlab:repo:push (Backstage's GitLab module, through @gitbeaker/rest): list the branch's
 *   tree under the target path, read the branch, read the project and create the branch from
 *   its default branch when the branch is missing, and commit the files with create/update
 *   actions;
 * - kafka-connect:gitlab:delete-files (this repository's module): read the branch, look up
 *   each file to delete on it (HEAD, headers only), and commit delete actions for those there;
 * - kafka-connect:gitlab:merge-request (this repository's module): read the project, list the
 *   open merge requests from the branch, then update the one found or create one;
 * - kafka-connect:check-ownership (this repository's module): read the project and the
 *   cluster's connect-cluster.yaml on a branch;
 * - Backstage's GitLab URL reader (kafka-connect:read-cluster, through the backend's URL
 *   reader service): readUrl reads a file raw; readTree reads the project (its default
 *   branch), the newest commit of the folder and the folder's archive.
 *
 * Requests that miss a required parameter, send a wrong type or a parameter the endpoint does
 * not have are recorded in `violations`; errors that GitLab answers (existing branch, file,
 * merge request) are answered as GitLab does. What people do in GitLab's UI meanwhile (merge a
 * merge request) is played by methods such as `merge`.
 */

export interface MergeRequest {
  iid: number;
  project_id: number;
  source_project_id: number;
  target_project_id: number;
  source_branch: string;
  target_branch: string;
  title: string;
  description?: string;
  remove_source_branch?: boolean;
  state: 'opened' | 'closed' | 'merged';
  web_url: string;
}

/** One file operation of a commit, as it was sent (content left out). */
export interface CommitAction {
  action: string;
  file_path: string;
}

type Json = Record<string, any>;
/** A JSON answer, or a whole response for what is not JSON (raw files, archives). */
type Answer = [status: number, body: unknown] | Response;
type Commit = {
  id: string;
  message: string;
  files: Files;
  actions: CommitAction[];
};

/**
 * An error that GitLab answers to the next `times` requests of one route of the project,
 * written as `POST /merge_requests` (method and path below the project), as when GitLab is
 * failing or refuses a request. With `afterServing`, GitLab does the work first and only the
 * answer is the error (it opened the merge request, then a proxy answered 502, say). With
 * `hold`, the request gets no answer until the promise settles (a request in flight when the
 * backend crashes); `status: 0` with `afterServing` then gives the real answer. No fault is
 * set unless a test adds one.
 */
export interface GitLabFault {
  route: string;
  status: number;
  body: Json;
  times: number;
  afterServing?: boolean;
  hold?: Promise<unknown>;
}
type Files = Map<string, Buffer>;

const API = 'https://gitlab.com/api/v4';
const ACTIONS = ['create', 'delete', 'move', 'update', 'chmod'];
/** Git's blob id, which the tree endpoint reports as `id`. */
const blobId = (content: Buffer) =>
  createHash('sha1')
    .update(`blob ${content.length}\0`)
    .update(content)
    .digest('hex');

export class GitLabFake {
  readonly violations: string[] = [];
  readonly calls: string[] = [];
  readonly mergeRequests: MergeRequest[] = [];
  /** Errors to answer instead of the real answer; see {@link GitLabFault}. */
  readonly faults: GitLabFault[] = [];
  /** Branch → its commits' file sets, oldest first, with the actions that made each. */
  readonly branches = new Map<string, Commit[]>();
  private readonly projectId: number = 42;

  constructor(
    readonly path: string,
    private readonly token: string,
    files: Record<string, string>,
  ) {
    const initial = new Map(
      Object.entries(files).map(([p, text]) => [p, Buffer.from(text)]),
    );
    this.branches.set('main', [
      {
        id: 'c'.repeat(40),
        message: 'Initial commit',
        files: initial,
        actions: [],
      },
    ]);
  }

  files(branch: string): Map<string, string> {
    const tip = this.branches.get(branch)!.at(-1)!;
    return new Map(
      [...tip.files].map(([p, content]) => [p, content.toString('utf8')]),
    );
  }

  /**
   * Someone merges merge request `iid` in GitLab's UI: a merge commit on the target branch
   * with what the source branch changed since it left it (files added, changed and deleted;
   * no conflicts in these tests), the request `merged`, and the source branch deleted when
   * the request says remove_source_branch, as GitLab does on merge
   * (https://docs.gitlab.com/api/merge_requests/#merge-a-merge-request,
   * should_remove_source_branch; the branch then answers 404 at
   * https://docs.gitlab.com/api/branches/#get-single-repository-branch).
   */
  merge(iid: number): void {
    const mr = this.mergeRequests.find(m => m.iid === iid);
    if (!mr || mr.state !== 'opened')
      throw new Error(`no open merge request !${iid} to merge`);
    const sourceCommits = this.branches.get(mr.source_branch)!;
    const source = sourceCommits.at(-1)!;
    const target = this.branches.get(mr.target_branch)!;
    // The merge base: the source's newest commit that the target has too.
    const base =
      [...sourceCommits].reverse().find(c => target.some(t => t.id === c.id))
        ?.files ?? new Map<string, Buffer>();
    const files = new Map(target.at(-1)!.files);
    for (const [p, content] of source.files)
      if (!base.get(p)?.equals(content)) files.set(p, content);
    for (const p of base.keys()) if (!source.files.has(p)) files.delete(p);
    const message = `Merge branch '${mr.source_branch}' into '${mr.target_branch}'`;
    target.push({
      id: createHash('sha1').update(`${message} !${iid}`).digest('hex'),
      message,
      files,
      actions: [],
    });
    mr.state = 'merged';
    if (mr.remove_source_branch) this.branches.delete(mr.source_branch);
  }

  handlers(): HttpHandler[] {
    return [
      catchAllApiHandler(API, this.violations, request => this.handle(request)),
    ];
  }

  private async handle(request: Request) {
    const url = new URL(request.url);
    const route = `${request.method} ${url.pathname.slice('/api/v4'.length)}`;
    this.calls.push(route);
    // GitLab takes a token in PRIVATE-TOKEN or as `Authorization: Bearer` (OAuth and
    // personal access tokens alike): https://docs.gitlab.com/api/rest/authentication/
    const bearer = /^Bearer (.+)$/.exec(
      request.headers.get('authorization') ?? '',
    )?.[1];
    if ((request.headers.get('private-token') ?? bearer) !== this.token) {
      this.violations.push(
        `${route}: not authenticated with the expected token`,
      );
    }
    const text = await request.text();
    const params: Json = {
      ...Object.fromEntries(url.searchParams),
      ...(text ? JSON.parse(text) : {}),
    };
    const match = /^(GET|HEAD|POST|PUT) \/projects\/([^/]+)(\/.*)?$/.exec(
      route,
    );
    if (
      !match ||
      ![this.path, String(this.projectId)].includes(
        decodeURIComponent(match[2]),
      )
    ) {
      return this.reply([404, { message: '404 Project Not Found' }]);
    }
    const inProject = `${match[1]} ${match[3] ?? ''}`;
    const fault = this.faults.find(f => f.route === inProject && f.times > 0);
    if (!fault) return this.reply(this.answer(inProject, params));
    fault.times -= 1;
    const answer = fault.afterServing
      ? this.answer(inProject, params)
      : undefined;
    if (fault.hold) await fault.hold.catch(() => undefined);
    return this.reply(
      answer && !fault.status ? answer : [fault.status, fault.body],
    );
  }

  private answer(route: string, params: Json): Answer {
    const branch = /^GET \/repository\/branches\/([^/]+)$/.exec(route);
    const file = /^GET \/repository\/files\/([^/]+)$/.exec(route);
    const fileHead = /^HEAD \/repository\/files\/([^/]+)$/.exec(route);
    const raw = /^GET \/repository\/files\/([^/]+)\/raw$/.exec(route);
    const update = /^PUT \/merge_requests\/(\d+)$/.exec(route);
    switch (true) {
      // https://docs.gitlab.com/api/projects/#get-a-single-project
      case route === 'GET ':
        return [
          200,
          {
            id: this.projectId,
            path_with_namespace: this.path,
            default_branch: 'main',
            web_url: this.webUrl(''),
          },
        ];
      // https://docs.gitlab.com/api/repositories/#list-repository-tree ; a path that does not
      // exist is a 404 since GitLab 17.x (gitlab-org/gitlab#514756).
      case route === 'GET /repository/tree':
        return this.tree(params);
      // https://docs.gitlab.com/api/branches/#get-single-repository-branch ; the branch name
      // is one URL-encoded path segment (kafka-connect%2Forders), as every :id and :branch.
      case !!branch: {
        const name = decodeURIComponent(branch![1]);
        return this.branches.has(name)
          ? [200, this.branchJson(name)]
          : [404, { message: '404 Branch Not Found' }];
      }
      // https://docs.gitlab.com/api/repository_files/#get-file-from-repository : the path is
      // one URL-encoded segment (clusters%2Fprod%2F...), ref is required.
      case !!file:
        return this.file(decodeURIComponent(file![1]), params);
      // https://docs.gitlab.com/api/repository_files/#get-file-metadata-only : the same
      // path and ref, answered with the metadata as X-Gitlab-* headers and no body.
      case !!fileHead:
        return this.fileMetadata(decodeURIComponent(fileHead![1]), params);
      // https://docs.gitlab.com/api/repository_files/#get-raw-file-from-repository : the
      // same path segment, then /raw; ref defaults to the default branch.
      case !!raw:
        return this.rawFile(decodeURIComponent(raw![1]), params);
      // https://docs.gitlab.com/api/commits/#list-repository-commits : newest first; with
      // path, only the commits that changed something under it.
      case route === 'GET /repository/commits':
        return this.listCommits(params);
      // https://docs.gitlab.com/api/repositories/#get-file-archive : tar.gz unless the path
      // names another format; sha (default: the default branch) and path optional.
      case route === 'GET /repository/archive' ||
        route === 'GET /repository/archive.tar.gz':
        return this.archive(params);
      // https://docs.gitlab.com/api/branches/#create-repository-branch : branch and ref are
      // required (query or body parameters); an existing branch or an unknown ref is a 400.
      case route === 'POST /repository/branches':
        return this.createBranch(params);
      // https://docs.gitlab.com/api/commits/#create-a-commit-with-multiple-files-and-actions
      case route === 'POST /repository/commits':
        return this.commit(params);
      // https://docs.gitlab.com/api/merge_requests/#list-project-merge-requests
      case route === 'GET /merge_requests':
        return this.listMergeRequests(params);
      // https://docs.gitlab.com/api/merge_requests/#create-mr
      case route === 'POST /merge_requests':
        return this.createMergeRequest(params);
      // https://docs.gitlab.com/api/merge_requests/#update-mr
      case !!update:
        return this.updateMergeRequest(Number(update![1]), params);
      default:
        this.violations.push(`${route}: the fake does not serve this endpoint`);
        return [404, { message: '404 Not Found' }];
    }
  }

  private tree(params: Json): Answer {
    this.require('GET /repository/tree', params, {}, [
      'ref',
      'path',
      'recursive',
      'per_page',
      'page',
      'pagination',
    ]);
    const commits = this.branches.get(params.ref ?? 'main');
    const prefix = params.path ? `${params.path}/` : '';
    const files = [
      ...(commits?.at(-1)?.files ?? new Map<string, Buffer>()),
    ].filter(([p]) => p.startsWith(prefix));
    if (!commits || (prefix && files.length === 0))
      return [404, { message: '404 invalid revision or path Not Found' }];
    return [
      200,
      files.map(([p, content]) => ({
        id: blobId(content),
        name: p.split('/').pop(),
        type: 'blob',
        path: p,
        mode: '100644',
      })),
    ];
  }

  private file(
    path: string,
    params: Json,
    route = 'GET /repository/files/:file_path',
  ): Answer {
    if (!this.require(route, params, { ref: 'string' }))
      return [400, { error: 'ref is missing' }];
    const commits = this.branches.get(params.ref);
    if (!commits) return [404, { message: '404 Commit Not Found' }];
    const tip = commits.at(-1)!;
    const content = tip.files.get(path);
    if (!content) return [404, { message: '404 File Not Found' }];
    return [
      200,
      {
        file_name: path.split('/').pop(),
        file_path: path,
        size: content.length,
        encoding: 'base64',
        content: content.toString('base64'),
        content_sha256: createHash('sha256').update(content).digest('hex'),
        ref: params.ref,
        blob_id: blobId(content),
        commit_id: tip.id,
        last_commit_id: tip.id,
        execute_filemode: false,
      },
    ];
  }

  /** The file's fields of {@link file} as `X-Gitlab-*` headers, without a body. */
  private fileMetadata(path: string, params: Json): Answer {
    const [status, body] = this.file(
      path,
      params,
      'HEAD /repository/files/:file_path',
    ) as [number, Json];
    if (status !== 200) return new Response(null, { status });
    const headers = new Headers();
    for (const [field, value] of Object.entries(body)) {
      if (field === 'content') continue;
      const name = field.replace(
        /(^|_)([a-z])/g,
        (_m, sep, c) => `${sep ? '-' : ''}${c.toUpperCase()}`,
      );
      headers.set(`X-Gitlab-${name}`, String(value));
    }
    return new Response(null, { status, headers });
  }

  /** A branch's newest commit, or a commit by its id, as GitLab resolves a ref or sha. */
  private commitAt(ref: string): Commit | undefined {
    const tip = this.branches.get(ref)?.at(-1);
    if (tip) return tip;
    for (const commits of this.branches.values()) {
      const found = commits.find(c => c.id === ref);
      if (found) return found;
    }
    return undefined;
  }

  private rawFile(path: string, params: Json): Answer {
    this.require('GET /repository/files/:file_path/raw', params, {}, [
      'ref',
      'lfs',
    ]);
    const commit = this.commitAt(params.ref ?? 'main');
    if (!commit) return [404, { message: '404 Commit Not Found' }];
    const content = commit.files.get(path);
    if (!content) return [404, { message: '404 File Not Found' }];
    return new Response(content, {
      status: 200,
      headers: {
        'content-type': 'text/plain; charset=utf-8',
        etag: `"${blobId(content)}"`,
        'x-gitlab-file-path': path,
        'x-gitlab-commit-id': commit.id,
      },
    });
  }

  private listCommits(params: Json): Answer {
    this.require('GET /repository/commits', params, {}, [
      'ref_name',
      'since',
      'until',
      'path',
      'author',
      'all',
      'with_stats',
      'first_parent',
      'order',
      'trailers',
      'per_page',
      'page',
    ]);
    const commits = this.branches.get(params.ref_name ?? 'main');
    if (!commits) return [404, { message: '404 Not Found' }];
    const under = (files: Files | undefined) =>
      JSON.stringify(
        [...(files ?? new Map<string, Buffer>())]
          .filter(([p]) => !params.path || p.startsWith(`${params.path}/`))
          .map(([p, content]) => [p, blobId(content)]),
      );
    const touching = commits.filter(
      (commit, i) => under(commit.files) !== under(commits[i - 1]?.files),
    );
    return [
      200,
      touching.reverse().map(commit => ({
        id: commit.id,
        short_id: commit.id.slice(0, 8),
        title: commit.message.split('\n')[0],
        message: commit.message,
        parent_ids: [commits[commits.indexOf(commit) - 1]?.id].filter(Boolean),
        web_url: this.webUrl(`/-/commit/${commit.id}`),
      })),
    ];
  }

  /** The files of a commit (under `path`, keeping their paths) below one top folder. */
  private archive(params: Json): Answer {
    this.require('GET /repository/archive', params, {}, [
      'sha',
      'path',
      'exclude_paths',
      'include_lfs_blobs',
    ]);
    const ref = params.sha ?? 'main';
    const commit = this.commitAt(ref);
    if (!commit) return [404, { message: '404 Not Found' }];
    const files = new Map(
      [...commit.files].filter(
        ([p]) => !params.path || p.startsWith(`${params.path}/`),
      ),
    );
    if (files.size === 0) return [404, { message: '404 Not Found' }];
    const project = this.path.split('/').pop();
    const root = `${project}-${ref}-${commit.id}`.replace(/\//g, '-');
    return new Response(tarGz(root, files), {
      status: 200,
      headers: {
        'content-type': 'application/octet-stream',
        'content-disposition': `attachment; filename="${root}.tar.gz"`,
      },
    });
  }

  private createBranch(params: Json): Answer {
    if (
      !this.require('POST /repository/branches', params, {
        branch: 'string',
        ref: 'string',
      })
    )
      return [400, { message: 'branch is missing' }];
    if (this.branches.has(params.branch))
      return [400, { message: 'Branch already exists' }];
    const from = this.branches.get(params.ref);
    if (!from) return [400, { message: 'Invalid reference name' }];
    this.branches.set(params.branch, [...from]);
    return [201, this.branchJson(params.branch)];
  }

  private commit(params: Json): Answer {
    if (
      !this.require('POST /repository/commits', params, {
        branch: 'string',
        commit_message: 'string',
        actions: 'object',
      })
    ) {
      return [400, { message: 'branch, commit_message or actions is missing' }];
    }
    const commits = this.branches.get(params.branch);
    if (!commits)
      return [
        400,
        {
          message: 'You can only create or edit files when you are on a branch',
        },
      ];
    const files = new Map(commits.at(-1)!.files);
    const done: CommitAction[] = [];
    for (const action of params.actions as Json[]) {
      if (
        !ACTIONS.includes(action.action) ||
        typeof action.file_path !== 'string' ||
        !['text', 'base64', undefined].includes(action.encoding)
      ) {
        this.violations.push(
          `POST /repository/commits: bad action ${JSON.stringify({
            ...action,
            content: '…',
          })}`,
        );
        return [400, { message: 'actions is invalid' }];
      }
      done.push({ action: action.action, file_path: action.file_path });
      const exists = files.has(action.file_path);
      if (action.action === 'create' && exists)
        return [400, { message: 'A file with this name already exists' }];
      if (['update', 'delete'].includes(action.action) && !exists)
        return [400, { message: "A file with this name doesn't exist" }];
      if (action.action === 'delete') files.delete(action.file_path);
      else
        files.set(
          action.file_path,
          Buffer.from(
            action.content ?? '',
            action.encoding === 'base64' ? 'base64' : 'utf8',
          ),
        );
    }
    const id = createHash('sha1')
      .update(`${params.branch} ${commits.length} ${params.commit_message}`)
      .digest('hex');
    commits.push({ id, message: params.commit_message, files, actions: done });
    return [
      201,
      {
        id,
        short_id: id.slice(0, 8),
        title: params.commit_message.split('\n')[0],
        message: params.commit_message,
        parent_ids: [commits.at(-2)!.id],
        web_url: this.webUrl(`/-/commit/${id}`),
      },
    ];
  }

  private createMergeRequest(params: Json): Answer {
    const fields = {
      source_branch: 'string',
      target_branch: 'string',
      title: 'string',
    };
    if (
      !this.require('POST /merge_requests', params, fields, [
        'description',
        'remove_source_branch',
        'assignee_id',
        'reviewer_ids',
        'labels',
      ])
    ) {
      return [
        400,
        { message: 'source_branch, target_branch or title is missing' },
      ];
    }
    if (
      !this.branches.has(params.source_branch) ||
      !this.branches.has(params.target_branch)
    ) {
      return [
        400,
        { message: ['Source branch or target branch does not exist'] },
      ];
    }
    // GitLab allows one open merge request per source and target branch.
    const open = this.mergeRequests.find(
      mr =>
        mr.state === 'opened' &&
        mr.source_branch === params.source_branch &&
        mr.target_branch === params.target_branch,
    );
    if (open)
      return [
        409,
        {
          message: [
            `Another open merge request already exists for this source branch: !${open.iid}`,
          ],
        },
      ];
    const iid = this.mergeRequests.length + 1;
    const mr: MergeRequest = {
      iid,
      project_id: this.projectId,
      source_project_id: this.projectId,
      target_project_id: this.projectId,
      source_branch: params.source_branch,
      target_branch: params.target_branch,
      title: params.title,
      description: params.description,
      remove_source_branch: params.remove_source_branch,
      state: 'opened',
      web_url: this.webUrl(`/-/merge_requests/${iid}`),
    };
    this.mergeRequests.push(mr);
    return [201, this.mergeRequestJson(mr)];
  }

  private listMergeRequests(params: Json): Answer {
    this.require('GET /merge_requests', params, {}, [
      'state',
      'source_branch',
      'target_branch',
      'order_by',
      'sort',
      'per_page',
      'page',
    ]);
    const states = ['opened', 'closed', 'locked', 'merged', 'all'];
    if (params.state !== undefined && !states.includes(params.state)) {
      this.violations.push(
        `GET /merge_requests: state must be one of ${states.join(', ')}`,
      );
      return [400, { error: 'state does not have a valid value' }];
    }
    return [
      200,
      // Newest first, as GitLab's default order (created_at, desc).
      this.mergeRequests
        .filter(
          mr =>
            (!params.state ||
              params.state === 'all' ||
              mr.state === params.state) &&
            (!params.source_branch ||
              mr.source_branch === params.source_branch) &&
            (!params.target_branch ||
              mr.target_branch === params.target_branch),
        )
        .reverse()
        .map(mr => this.mergeRequestJson(mr)),
    ];
  }

  private updateMergeRequest(iid: number, params: Json): Answer {
    const route = 'PUT /merge_requests/:iid';
    const types: Record<string, string> = {
      title: 'string',
      description: 'string',
      target_branch: 'string',
      remove_source_branch: 'boolean',
      state_event: 'string',
    };
    this.require(route, params, {}, Object.keys(types));
    const wrong = Object.entries(params).filter(
      ([key, value]) => key in types && typeof value !== types[key],
    );
    for (const [key] of wrong)
      this.violations.push(`${route}: ${key} must be a ${types[key]}`);
    // "Must include at least one non-required attribute from above."
    if (Object.keys(params).length === 0) {
      this.violations.push(`${route}: no attribute to update`);
      return [400, { error: 'at least one parameter must be given' }];
    }
    if (wrong.length) return [400, { error: `${wrong[0][0]} is invalid` }];
    const mr = this.mergeRequests.find(m => m.iid === iid);
    if (!mr) return [404, { message: '404 Not found' }];
    if (params.target_branch && !this.branches.has(params.target_branch))
      return [400, { message: ['Target branch does not exist'] }];
    for (const key of [
      'title',
      'description',
      'target_branch',
      'remove_source_branch',
    ] as const) {
      if (key in params) (mr as Json)[key] = params[key];
    }
    return [200, this.mergeRequestJson(mr)];
  }

  private mergeRequestJson(mr: MergeRequest): Json {
    return {
      id: 1000 + mr.iid,
      detailed_merge_status: 'mergeable',
      ...mr,
    };
  }

  /** Checks required fields and their types, and that no field outside `optional` is sent. */
  private require(
    route: string,
    params: Json,
    required: Record<string, string>,
    optional: string[] = [],
  ): boolean {
    const missing = Object.entries(required).filter(
      ([key, type]) => typeof params[key] !== type,
    );
    const unknown = Object.keys(params).filter(
      key => !(key in required) && !optional.includes(key),
    );
    for (const [key, type] of missing)
      this.violations.push(`${route}: ${key} must be a ${type}`);
    for (const key of unknown)
      this.violations.push(
        `${route}: ${key} is not a parameter of this endpoint`,
      );
    return missing.length === 0;
  }

  private branchJson(name: string): Json {
    const tip = this.branches.get(name)!.at(-1)!;
    return {
      name,
      merged: false,
      protected: name === 'main',
      default: name === 'main',
      web_url: this.webUrl(`/-/tree/${name}`),
      commit: { id: tip.id, short_id: tip.id.slice(0, 8), title: tip.message },
    };
  }

  private webUrl(suffix: string): string {
    return `https://gitlab.com/${this.path}${suffix}`;
  }

  private reply(answer: Answer) {
    if (answer instanceof Response) return answer;
    const [status, body] = answer;
    return HttpResponse.json(body as Json, { status });
  }
}
