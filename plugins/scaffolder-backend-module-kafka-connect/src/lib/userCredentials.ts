import { Config } from '@backstage/config';
import { ScmIntegrationRegistry } from '@backstage/integration';
import { parseRepoUrl } from '@backstage/plugin-scaffolder-node';
import { refuseInput } from './errors';
import { REPOSITORY_KEY } from './settings';

/**
 * `scaffolder.requireScmUserCredentials` of @backstage/plugin-scaffolder-backend: "Requires
 * supported SCM actions to only operate with credentials explicitly provided by the signed-in
 * user". Backstage's fetch, GitHub and GitLab actions refuse, with it on, to fall back to an
 * integration's token; this module's actions that reach GitHub or GitLab follow the same rule.
 */
export const REQUIRE_USER_CREDENTIALS_KEY =
  'scaffolder.requireScmUserCredentials';

/** The integration types Backstage's own actions take a user's token for, as its fetch actions count them. */
const USER_TOKEN_INTEGRATION_TYPES = new Set(['github', 'gitlab']);

/** What an action needs to apply the rule: the setting and the hosts of `integrations`. */
export interface UserCredentialsRule {
  /** Whether `scaffolder.requireScmUserCredentials` is on (default off). */
  required: boolean;
  integrations: ScmIntegrationRegistry;
}

/** Reads the setting from the root config; `integrations` are the action's own. */
export function readUserCredentialsRule(
  config: Config,
  integrations: ScmIntegrationRegistry,
): UserCredentialsRule {
  return {
    required: config.getOptionalBoolean(REQUIRE_USER_CREDENTIALS_KEY) ?? false,
    integrations,
  };
}

/** The type of the GitHub or GitLab integration of `host`; undefined for any other host. */
function userTokenIntegrationType(
  integrations: ScmIntegrationRegistry,
  host: string,
): string | undefined {
  const type = integrations.byHost(host)?.type;
  return type && USER_TOKEN_INTEGRATION_TYPES.has(type) ? type : undefined;
}

/**
 * Refuses, with the setting on, a step that would reach `host`, a GitHub or GitLab host of
 * `integrations`, without the user's token. Other hosts (a file URL, a host no integration
 * names) are not concerned, as in Backstage's fetch actions.
 */
export function assertUserToken(
  rule: UserCredentialsRule,
  options: { host: string; token?: string; action: string },
): void {
  const { host, token, action } = options;
  if (!rule.required || token) return;
  if (!userTokenIntegrationType(rule.integrations, host)) return;
  // The first sentence is Backstage's own, so the platform finds one message for all actions.
  throw refuseInput(
    `No user credentials provided for host ${host}, but ${REQUIRE_USER_CREDENTIALS_KEY} is enabled: ${action} does not fall back to the integration's token. Pass the signed-in user's token as the step's token input (a RepoUrlPicker with ui:options.requestUserCredentials puts it in secrets.<secretsKey>; the Kafka Connect templates' Access token field in secrets.accessToken), or turn ${REQUIRE_USER_CREDENTIALS_KEY} off`,
  );
}

/** {@link assertUserToken} for a repository as RepoUrlPicker writes it (`github.com?owner=…&repo=…`). */
export function assertUserTokenForRepoUrl(
  rule: UserCredentialsRule,
  options: { repoUrl: string; token?: string; action: string },
): void {
  if (!rule.required || options.token) return;
  // Backstage's parser and its messages, as the steps themselves use it next.
  const { host } = parseRepoUrl(options.repoUrl, rule.integrations);
  assertUserToken(rule, { ...options, host });
}

/** {@link assertUserToken} for a URL the URL reader reads; a `file:` URL has no host. */
export function assertUserTokenForUrl(
  rule: UserCredentialsRule,
  options: { url: string; token?: string; action: string },
): void {
  if (!rule.required || options.token) return;
  const url = new URL(options.url);
  if (url.protocol === 'file:') return;
  assertUserToken(rule, { ...options, host: url.host });
}

/**
 * The host name of a Git remote as `kafkaConnect.gitops.repository` may name it (`https://…`,
 * `ssh://…`, scp-like `git@host:org/repo.git`), without a port: SSH and HTTPS reach the same
 * forge on different ports. Undefined for a path or a `file://` URL, on the backend's machine.
 */
export function gitRemoteHostname(remote: string): string | undefined {
  const scpLike = /^[^\s/@:]+@([^\s/:]+):/.exec(remote);
  if (scpLike) return scpLike[1].toLowerCase();
  let url: URL;
  try {
    url = new URL(remote);
  } catch {
    return undefined;
  }
  if (url.protocol === 'file:' || !url.hostname) return undefined;
  return url.hostname;
}

/** The type of the GitHub or GitLab integration whose host has this name, on any port. */
function userTokenIntegrationNamed(
  integrations: ScmIntegrationRegistry,
  hostname: string,
): 'github' | 'gitlab' | undefined {
  const named = (host: string) =>
    new URL(`https://${host}`).hostname === hostname;
  if (integrations.github.list().some(i => named(i.config.host)))
    return 'github';
  if (integrations.gitlab.list().some(i => named(i.config.host)))
    return 'gitlab';
  return undefined;
}

/**
 * Refuses, with the setting on, reaching the GitOps repository of `kafkaConnect.gitops.repository`
 * (which the backend reaches with its own git credentials, and never with a user's token) when
 * it is on a GitHub or GitLab host of the integrations. A repository on the backend's machine,
 * or on any other host, is not concerned.
 */
export function assertGitopsRemoteAllowed(
  rule: UserCredentialsRule,
  options: { remote: string; displayRemote: string; action: string },
): void {
  if (!rule.required) return;
  const hostname = gitRemoteHostname(options.remote);
  const type =
    hostname && userTokenIntegrationNamed(rule.integrations, hostname);
  if (!hostname || !type) return;
  const forge = type === 'github' ? 'GitHub' : 'GitLab';
  throw refuseInput(
    `No user credentials can be used for host ${hostname}, and ${REQUIRE_USER_CREDENTIALS_KEY} is enabled: ${options.action} reaches the GitOps repository ${options.displayRemote} (${REPOSITORY_KEY}), on a ${forge} host of integrations.${type}, with the backend's own git credentials, and takes no user token. Choose the template's ${forge} destination (the pull or merge request is then made with the user's token), set ${REPOSITORY_KEY} to a repository on no GitHub or GitLab integration host, or turn ${REQUIRE_USER_CREDENTIALS_KEY} off`,
  );
}
