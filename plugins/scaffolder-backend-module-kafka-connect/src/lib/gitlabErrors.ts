import {
  AuthenticationError,
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';

/**
 * What GitLab answered to a failed request, in one line for an error message:
 * `GitLab answered 403 Forbidden: 403 Forbidden (the token needs the api scope …)`; without
 * the message part when the answer has no body (a HEAD request's).
 */
export function describeGitLabAnswer(
  status: number,
  statusText: string,
  body: string,
): string {
  // An answer to a HEAD request has no body to quote.
  const said = body.trim() ? `: ${gitlabMessage(body)}` : '';
  return `GitLab answered ${status}${
    statusText ? ` ${statusText}` : ''
  }${said}${hint(status)}`;
}

/** The error class that says what went wrong: 400/422 InputError, 401, 403, 404, 409, else Error. */
export function errorForStatus(status: number, message: string): Error {
  switch (status) {
    case 400:
    case 422:
      return new InputError(message);
    case 401:
      return new AuthenticationError(message);
    case 403:
      return new NotAllowedError(message);
    case 404:
      return new NotFoundError(message);
    case 409:
      return new ConflictError(message);
    default:
      return new Error(message);
  }
}

/** GitLab's error bodies: `{message: string | string[] | {field: string[]}}` or `{error, error_description}`. */
export function gitlabMessage(text: string): string {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    // A proxy's or load balancer's error page: its title, not its markup.
    if (/^\s*</.test(text)) {
      const title = /<(title|h1)[^>]*>([^<]*)<\/\1>/i.exec(text)?.[2]?.trim();
      return title ? `an HTML page "${clip(title)}"` : 'an HTML page';
    }
    return clip(text) || '(no message)';
  }
  const flatten = (value: unknown): string => {
    if (typeof value === 'string') return value;
    if (Array.isArray(value)) return value.map(flatten).join('; ');
    if (value && typeof value === 'object') {
      return Object.entries(value)
        .map(([key, v]) => `${key}: ${flatten(v)}`)
        .join('; ');
    }
    return JSON.stringify(value);
  };
  if (body && typeof body === 'object') {
    const { message, error, error_description } = body as Record<
      string,
      unknown
    >;
    if (message !== undefined) return clip(flatten(message));
    if (error !== undefined)
      return clip(
        [flatten(error), error_description && flatten(error_description)]
          .filter(Boolean)
          .join(': '),
      );
  }
  return clip(text);
}

/** A body on one line, at most 300 characters. */
export function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 300 ? `${flat.slice(0, 300)}…` : flat;
}

function hint(status: number): string {
  switch (status) {
    case 401:
      return ' (the token is missing, expired or revoked)';
    case 403:
      return ' (the token needs the api scope and at least the Developer role in the project)';
    case 404:
      return ' (the project does not exist, or the token cannot see it)';
    default:
      return status >= 500
        ? " (a failure on GitLab's side: run the template again once GitLab answers)"
        : '';
  }
}
