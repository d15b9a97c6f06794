import { refuseInput } from './errors';
import { GitopsSettings, REPOSITORY_KEY } from './settings';
import {
  assertGitopsRemoteAllowed,
  UserCredentialsRule,
} from './userCredentials';

/**
 * The configured GitOps repository, for an action that reaches it with the backend's own git
 * credentials. Refused when it is not configured, and (user credentials required) when it is
 * on a GitHub or GitLab host of the integrations.
 */
export function allowedGitopsRemote(
  settings: GitopsSettings,
  userCredentials: UserCredentialsRule,
  action: string,
): { remote: string; displayRemote: string } {
  const { remote, displayRemote } = settings;
  if (!remote || !displayRemote) {
    throw refuseInput(
      `${REPOSITORY_KEY} is not configured: set it in the app config to the GitOps repository (a path to a bare repository, or a URL)`,
    );
  }
  assertGitopsRemoteAllowed(userCredentials, { remote, displayRemote, action });
  return { remote, displayRemote };
}
