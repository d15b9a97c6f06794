import { ConfigReader } from '@backstage/config';
import http from 'node:http';
import { AddressInfo } from 'node:net';

/** The integration's access token the fake accepts, as PRIVATE-TOKEN. */
export const TOKEN = 'glpat-unitTestIntegrationToken0000';
/** A user's token the fake accepts, as a Bearer token. */
export const USER_TOKEN = 'oauth-unitTestUserToken0000';
export const REPO_URL = 'gitlab.com?owner=acme&repo=gitops';
export const PROJECT = 'acme/gitops';
export const BRANCH = 'kafka-connect/orders';

export interface FakeProject {
  id: number;
  path_with_namespace: string;
  default_branch: string | null;
  web_url: string;
  /** Branch → the commit at its tip. */
  branches: Map<string, string>;
  /** Branch → the paths of its files (contents do not matter to the actions tested here). */
  files: Map<string, Set<string>>;
  /** The commits made through the commits API, oldest first. */
  commits: FakeCommit[];
}

export interface FakeCommit {
  id: string;
  branch: string;
  message: string;
  actions: { action: string; file_path: string }[];
}

export interface FakeMergeRequest {
  id: number;
  iid: number;
  project_id: number;
  source_project_id: number;
  target_project_id: number;
  source_branch: string;
  target_branch: string;
  title: string;
  description: string;
  state: 'opened' | 'closed' | 'merged';
  remove_source_branch?: boolean;
  web_url: string;
}

export interface Recorded {
  method: string;
  /**
   * The path below /api/v4, with the project id and the other segments decoded:
   * `GET /projects/acme/gitops`.
   */
  route: string;
  /** The path as it was sent, still encoded. */
  rawPath: string;
  query: Record<string, string>;
  /** The JSON body, parsed. */
  body?: Record<string, unknown>;
  headers: http.IncomingHttpHeaders;
}

export type Reply = { status: number; body: unknown; raw?: boolean };

export interface FakeGitLabOptions {
  /** The branches of project acme/gitops (id 42, default branch main) after reset(). */
  branches?: string[];
}

/**
 * A GitLab on 127.0.0.1 that serves the endpoints the GitLab actions call (projects,
 * branches, files, commits, merge requests), after GitLab's REST API documentation (linked at each), and
 * records every request.
 */
export class FakeGitLab {
  readonly requests: Recorded[] = [];
  readonly projects = new Map<string, FakeProject>();
  readonly mergeRequests: FakeMergeRequest[] = [];
  /** Answers given instead of the next matching requests, with what happens meanwhile. */
  readonly failures: { route: RegExp; reply: Reply; meanwhile?: () => void }[] =
    [];
  private server?: http.Server;
  apiBaseUrl = '';

  constructor(private readonly options: FakeGitLabOptions = {}) {}

  async start() {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', c => chunks.push(c));
      req.on('end', () => {
        const reply = this.handle(req, Buffer.concat(chunks).toString('utf8'));
        res.writeHead(reply.status, {
          'content-type': reply.raw ? 'text/html' : 'application/json',
        });
        res.end(reply.raw ? String(reply.body) : JSON.stringify(reply.body));
      });
    });
    await new Promise<void>(resolve =>
      this.server!.listen(0, '127.0.0.1', resolve),
    );
    const { port } = this.server.address() as AddressInfo;
    this.apiBaseUrl = `http://127.0.0.1:${port}/api/v4`;
  }

  async stop() {
    await new Promise(resolve => this.server?.close(resolve));
  }

  reset() {
    this.requests.length = 0;
    this.mergeRequests.length = 0;
    this.failures.length = 0;
    this.projects.clear();
    this.addProject(PROJECT, 42, 'main', this.options.branches ?? ['main']);
  }

  /** Config with one GitLab integration for gitlab.com at this fake. */
  config(entry: Record<string, unknown>): ConfigReader {
    return gitlabConfig({ apiBaseUrl: this.apiBaseUrl, ...entry });
  }

  addProject(
    path: string,
    id: number,
    defaultBranch: string | null,
    branches: string[],
  ): FakeProject {
    const project: FakeProject = {
      id,
      path_with_namespace: path,
      default_branch: defaultBranch,
      web_url: `https://gitlab.com/${path}`,
      branches: new Map(branches.map(b => [b, `${b}-tip`])),
      files: new Map(branches.map(b => [b, new Set<string>()])),
      commits: [],
    };
    this.projects.set(path, project);
    return project;
  }

  project(path = PROJECT): FakeProject {
    return this.projects.get(path)!;
  }

  addMergeRequest(
    fields: Partial<FakeMergeRequest> & { source_branch: string },
    projectPath = PROJECT,
  ): FakeMergeRequest {
    const project = this.projects.get(projectPath)!;
    const iid =
      this.mergeRequests.filter(mr => mr.project_id === project.id).length + 1;
    const mr: FakeMergeRequest = {
      id: 1000 + iid,
      iid,
      project_id: project.id,
      source_project_id: project.id,
      target_project_id: project.id,
      target_branch: 'main',
      title: 'an older title',
      description: 'an older description',
      state: 'opened',
      web_url: `${project.web_url}/-/merge_requests/${iid}`,
      ...fields,
    };
    this.mergeRequests.push(mr);
    return mr;
  }

  /** Requests that change something. */
  writes(): Recorded[] {
    return this.requests.filter(r => !['GET', 'HEAD'].includes(r.method));
  }

  routes(): string[] {
    return this.requests.map(r => `${r.method} ${r.route}`);
  }

  private findProject(idOrPath: string): FakeProject | undefined {
    const byPath = this.projects.get(idOrPath);
    // GitLab finds a project by its URL-encoded path or by its numeric id.
    if (byPath) return byPath;
    return [...this.projects.values()].find(p => String(p.id) === idOrPath);
  }

  private handle(req: http.IncomingMessage, text: string): Reply {
    const url = new URL(req.url!, 'http://127.0.0.1');
    // The project id and a branch name are one URL-encoded segment each:
    // /projects/acme%2Fgitops/repository/branches/kafka-connect%2Forders.
    const [, api, v4, projects, id, ...rest] = url.pathname.split('/');
    const projectPath = id === undefined ? '' : decodeURIComponent(id);
    const recorded: Recorded = {
      method: req.method!,
      route: `/${[projects, projectPath, ...rest.map(decodeURIComponent)].join(
        '/',
      )}`,
      rawPath: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body: text ? JSON.parse(text) : undefined,
      headers: req.headers,
    };
    this.requests.push(recorded);
    const route = `${recorded.method} ${recorded.route}`;
    const failure = this.failures.findIndex(f => f.route.test(route));
    if (failure >= 0) {
      const [{ reply, meanwhile }] = this.failures.splice(failure, 1);
      meanwhile?.();
      return reply;
    }

    // https://docs.gitlab.com/api/rest/authentication/ : PRIVATE-TOKEN or a Bearer token.
    const authorized =
      req.headers['private-token'] === TOKEN ||
      req.headers.authorization === `Bearer ${USER_TOKEN}`;
    if (!authorized)
      return { status: 401, body: { message: '401 Unauthorized' } };
    const project = this.findProject(projectPath);
    if (api !== 'api' || v4 !== 'v4' || projects !== 'projects' || !project)
      return { status: 404, body: { message: '404 Project Not Found' } };
    const path = rest.join('/');
    const params = recorded.body ?? {};

    // https://docs.gitlab.com/api/projects/#get-a-single-project
    if (req.method === 'GET' && path === '') {
      return {
        status: 200,
        body: {
          id: project.id,
          path_with_namespace: project.path_with_namespace,
          default_branch: project.default_branch,
          web_url: project.web_url,
        },
      };
    }
    // https://docs.gitlab.com/api/branches/#get-single-repository-branch
    if (
      req.method === 'GET' &&
      rest.length === 3 &&
      rest[0] === 'repository' &&
      rest[1] === 'branches'
    ) {
      const name = decodeURIComponent(rest[2]);
      const tip = project.branches.get(name);
      return tip
        ? { status: 200, body: this.branchJson(project, name) }
        : { status: 404, body: { message: '404 Branch Not Found' } };
    }
    // https://docs.gitlab.com/api/branches/#create-repository-branch : branch and ref are
    // required, as query or body parameters.
    if (req.method === 'POST' && path === 'repository/branches') {
      const { branch, ref } = { ...recorded.query, ...params };
      if (typeof branch !== 'string' || typeof ref !== 'string')
        return { status: 400, body: { error: 'branch, ref are missing' } };
      if (project.branches.has(branch))
        return { status: 400, body: { message: 'Branch already exists' } };
      const from = project.branches.get(ref);
      if (!from)
        return { status: 400, body: { message: 'Invalid reference name' } };
      project.branches.set(branch, from);
      project.files.set(branch, new Set(project.files.get(ref)));
      return { status: 201, body: this.branchJson(project, branch) };
    }
    // https://docs.gitlab.com/api/repository_files/#get-file-metadata-only : the path is one
    // URL-encoded segment, ref is required; headers only, 404 for a file (or ref) not there.
    if (
      req.method === 'HEAD' &&
      rest.length === 3 &&
      rest[0] === 'repository' &&
      rest[1] === 'files'
    ) {
      const { ref } = recorded.query;
      if (!ref) return { status: 400, body: '', raw: true };
      const there = project.files.get(ref)?.has(decodeURIComponent(rest[2]));
      return there
        ? { status: 200, body: '', raw: true }
        : { status: 404, body: '', raw: true };
    }
    // https://docs.gitlab.com/api/commits/#create-a-commit-with-multiple-files-and-actions :
    // branch, commit_message and actions required; a delete of a file that is not there is
    // refused, and the commit with it. Only `delete` is served: no action here sends another.
    if (req.method === 'POST' && path === 'repository/commits') {
      const { branch, commit_message, actions } = params as {
        branch?: unknown;
        commit_message?: unknown;
        actions?: { action?: unknown; file_path?: unknown }[];
      };
      if (
        typeof branch !== 'string' ||
        typeof commit_message !== 'string' ||
        !Array.isArray(actions)
      )
        return {
          status: 400,
          body: { error: 'branch, commit_message, actions are missing' },
        };
      const files = project.files.get(branch);
      if (!files)
        return {
          status: 400,
          body: {
            message:
              'You can only create or edit files when you are on a branch',
          },
        };
      const after = new Set(files);
      for (const a of actions) {
        if (a.action !== 'delete' || typeof a.file_path !== 'string')
          return { status: 400, body: { error: 'actions is invalid' } };
        if (!after.delete(a.file_path))
          return {
            status: 400,
            body: { message: "A file with this name doesn't exist" },
          };
      }
      const commitId = `${branch}-commit-${project.commits.length + 1}`;
      project.files.set(branch, after);
      project.branches.set(branch, commitId);
      project.commits.push({
        id: commitId,
        branch,
        message: commit_message,
        actions: actions as FakeCommit['actions'],
      });
      return {
        status: 201,
        body: {
          id: commitId,
          short_id: commitId.slice(0, 8),
          message: commit_message,
        },
      };
    }
    // https://docs.gitlab.com/api/merge_requests/#list-project-merge-requests
    if (req.method === 'GET' && path === 'merge_requests') {
      const { state, source_branch } = recorded.query;
      return {
        status: 200,
        body: this.mergeRequests
          .filter(mr => mr.target_project_id === project.id)
          .filter(mr => !state || state === 'all' || mr.state === state)
          .filter(mr => !source_branch || mr.source_branch === source_branch)
          .reverse(),
      };
    }
    // https://docs.gitlab.com/api/merge_requests/#create-mr
    if (req.method === 'POST' && path === 'merge_requests') {
      for (const key of ['source_branch', 'target_branch', 'title'])
        if (typeof params[key] !== 'string')
          return { status: 400, body: { error: `${key} is missing` } };
      const source = params.source_branch as string;
      const target = params.target_branch as string;
      if (!project.branches.has(source) || !project.branches.has(target))
        return {
          status: 400,
          body: { message: ['Source branch or target branch does not exist'] },
        };
      if (
        this.mergeRequests.some(
          mr =>
            mr.state === 'opened' &&
            mr.source_project_id === project.id &&
            mr.source_branch === source &&
            mr.target_branch === target,
        )
      ) {
        return {
          status: 409,
          body: {
            message: [
              'Another open merge request already exists for this source branch',
            ],
          },
        };
      }
      const mr = this.addMergeRequest(
        {
          source_branch: source,
          target_branch: target,
          title: params.title as string,
          description: (params.description as string) ?? '',
          remove_source_branch: params.remove_source_branch as
            | boolean
            | undefined,
        },
        project.path_with_namespace,
      );
      return { status: 201, body: mr };
    }
    // https://docs.gitlab.com/api/merge_requests/#update-mr
    const update = /^merge_requests\/(\d+)$/.exec(path);
    if (req.method === 'PUT' && update) {
      const mr = this.mergeRequests.find(
        m => m.iid === Number(update[1]) && m.project_id === project.id,
      );
      if (!mr) return { status: 404, body: { message: '404 Not found' } };
      const allowed = [
        'title',
        'description',
        'target_branch',
        'remove_source_branch',
      ];
      const unknown = Object.keys(params).filter(k => !allowed.includes(k));
      if (unknown.length || Object.keys(params).length === 0)
        return { status: 400, body: { error: `bad parameters ${unknown}` } };
      Object.assign(mr, params);
      return { status: 200, body: mr };
    }
    return { status: 404, body: { message: '404 Not Found' } };
  }

  private branchJson(project: FakeProject, name: string) {
    return {
      name,
      merged: false,
      protected: name === project.default_branch,
      default: name === project.default_branch,
      commit: { id: project.branches.get(name) },
    };
  }
}

/** Config with one GitLab integration for gitlab.com. */
export function gitlabConfig(entry: Record<string, unknown>): ConfigReader {
  return new ConfigReader({
    integrations: { gitlab: [{ host: 'gitlab.com', ...entry }] },
  });
}

/** An API base URL on 127.0.0.1 at a port nothing listens on (any more). */
export async function unreachableApiBaseUrl(): Promise<{
  apiBaseUrl: string;
  port: number;
}> {
  const closed = http.createServer();
  await new Promise<void>(resolve => closed.listen(0, '127.0.0.1', resolve));
  const { port } = closed.address() as AddressInfo;
  await new Promise(resolve => closed.close(resolve));
  return { apiBaseUrl: `http://127.0.0.1:${port}/api/v4`, port };
}
