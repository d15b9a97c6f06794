import { redactCredentials, userFacing } from './errors';
import { clip, describeGitLabAnswer, errorForStatus } from './gitlabErrors';

const STATUS = Symbol('GitLab status');

/**
 * The HTTP status GitLab answered to the request that failed with `error`; 0 when GitLab could
 * not be reached (the request may or may not have arrived); undefined for other errors.
 */
export function gitlabStatusOf(error: unknown): number | undefined {
  return error && typeof error === 'object'
    ? (error as { [STATUS]?: number })[STATUS]
    : undefined;
}

function withStatus<E extends Error>(error: E, status: number): E {
  Object.defineProperty(error, STATUS, { value: status, enumerable: false });
  return error;
}

/** One request to GitLab, for the error message if it fails. */
export interface GitLabCall {
  method: 'GET' | 'HEAD' | 'POST' | 'PUT';
  /** Below the API base URL, e.g. `/projects/acme%2Fgitops/merge_requests`. */
  path: string;
  query?: Record<string, string>;
  body?: Record<string, unknown>;
  /** What the request is for, as the message says it: "read the project". */
  purpose: string;
}

export interface GitLabApi {
  /** Sends the request and returns GitLab's JSON answer; any other answer than 2xx fails. */
  call<T>(request: GitLabCall): Promise<T>;
  /** As `call`, but a 404 answer is `undefined` (a branch that does not exist, say). */
  find<T>(request: GitLabCall): Promise<T | undefined>;
  /**
   * Sends a HEAD request, which GitLab answers with headers only: true on 2xx, false on 404
   * (a file that is not there, say); any other answer fails as in `call`.
   */
  exists(request: Omit<GitLabCall, 'method' | 'body'>): Promise<boolean>;
}

/**
 * A minimal GitLab REST client: JSON in and out, and every failure turned into an error that
 * says what was attempted (`describe` words it: project, branch) and what GitLab answered.
 * The token goes in a header only and is never part of a message.
 */
export function createGitLabApi(options: {
  apiBaseUrl: string;
  /** The headers that authenticate: `private-token` or `authorization: Bearer …`. */
  auth: Record<string, string>;
  signal?: AbortSignal;
  describe: (call: GitLabCall, detail: string) => string;
}): GitLabApi {
  const secrets = Object.values(options.auth).map(v =>
    v.replace(/^Bearer /, ''),
  );
  const scrub = (text: string) =>
    secrets.reduce(
      (t, secret) => t.split(secret).join('***'),
      redactCredentials(text),
    );
  const fail = (request: GitLabCall, detail: string) =>
    scrub(options.describe(request, detail));

  /** The answer's body, or `undefined` for a 404 when `missingIsUndefined`. */
  async function send(
    request: GitLabCall,
    missingIsUndefined: boolean,
  ): Promise<{ status: number; text: string } | undefined> {
    const url = new URL(`${options.apiBaseUrl}${request.path}`);
    for (const [key, value] of Object.entries(request.query ?? {}))
      url.searchParams.set(key, value);
    let response: Response;
    try {
      response = await fetch(url, {
        method: request.method,
        headers: {
          accept: 'application/json',
          ...(request.body ? { 'content-type': 'application/json' } : {}),
          ...options.auth,
        },
        body: request.body ? JSON.stringify(request.body) : undefined,
        signal: options.signal,
      });
    } catch (error) {
      const cause = (error as Error & { cause?: Error }).cause;
      if (options.signal?.aborted) throw error;
      throw withStatus(
        userFacing(
          new Error(
            fail(
              request,
              `GitLab at ${options.apiBaseUrl} could not be reached: ${
                cause?.message ?? (error as Error).message
              }`,
            ),
          ),
        ),
        0,
      );
    }
    const text = await response.text();
    if (response.status === 404 && missingIsUndefined) return undefined;
    if (!response.ok) {
      const message = fail(
        request,
        describeGitLabAnswer(response.status, response.statusText, text),
      );
      throw withStatus(
        userFacing(errorForStatus(response.status, message)),
        response.status,
      );
    }
    return { status: response.status, text };
  }

  async function json<T>(
    request: GitLabCall,
    missingIsUndefined: boolean,
  ): Promise<T | undefined> {
    const answer = await send(request, missingIsUndefined);
    if (!answer) return undefined;
    const { status, text } = answer;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw userFacing(
        new Error(
          fail(
            request,
            `GitLab answered ${status} with a body that is not JSON: ${clip(
              text,
            )}`,
          ),
        ),
      );
    }
  }

  return {
    call: async <T>(request: GitLabCall) => (await json<T>(request, false))!,
    find: <T>(request: GitLabCall) => json<T>(request, true),
    exists: async request =>
      (await send({ ...request, method: 'HEAD' }, true)) !== undefined,
  };
}
