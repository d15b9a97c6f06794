import { TemplateActionOptions } from '@backstage/plugin-scaffolder-node';
import { DESTINATIONS } from '../lib/openClusterFileSource';
import { REQUIRE_USER_CREDENTIALS_KEY } from '../lib/userCredentials';

/**
 * Input fields that several actions take with the same meaning, each written once (as
 * Backstage's GitHub module shares its `inputProperties`).
 */

/** The zod the scaffolder hands to each field of an action's input schema. */
type Zod = Parameters<
  NonNullable<NonNullable<TemplateActionOptions['schema']>['input']>[string]
>[0];

const USER_TOKEN_RULE = `with ${REQUIRE_USER_CREDENTIALS_KEY} on, required`;

/** The GitLab project of the kafka-connect:gitlab:* actions. */
export const gitlabRepoUrl = (z: Zod) =>
  z
    .string()
    .describe(
      "The project, as RepoUrlPicker writes it: 'gitlab.com?owner=group&repo=project' (owner may hold subgroups: 'group/subgroup').",
    );

/** The user's token of the kafka-connect:gitlab:* actions. */
export const gitlabToken = (z: Zod) =>
  z
    .string()
    .optional()
    .describe(
      `A user's GitLab token (e.g. RepoUrlPicker's secrets.USER_OAUTH_TOKEN), sent as a Bearer token. Default: the token of the host's entry in integrations.gitlab; ${USER_TOKEN_RULE}.`,
    );

/** The user's token of the actions that read a cluster on GitHub or GitLab. */
export const forgeUserToken = (z: Zod) =>
  z
    .string()
    .optional()
    .describe(
      `For a repository on GitHub or GitLab: the user's token, as the publish steps get it (e.g. secrets.accessToken). Default: the integration's; ${USER_TOKEN_RULE}.`,
    );

/** The workspace folder kafka-connect:render wrote the cluster into. */
export const renderedSourcePath = (z: Zod) =>
  z
    .string()
    .optional()
    .describe(
      'Workspace folder holding the rendered files (kafka-connect:render\'s targetPath), with connect-cluster.yaml, which names the cluster and its owner, at its top (default ".").',
    );

/** The cluster's folder in the GitOps repository, the same in every step that publishes it. */
export const clusterTargetPath = (z: Zod) =>
  z
    .string()
    .describe(
      'The cluster\'s folder in the repository, e.g. clusters/prod/orders (relative, no ".."), as every publish step gets it.',
    );

/** Where the GitOps repository of an action that reads a branch is. */
export const clusterDestination = (z: Zod) =>
  z
    .enum(DESTINATIONS)
    .optional()
    .describe(
      'Where the repository is: local (kafkaConnect.gitops.repository, the default), github or gitlab (repoUrl).',
    );

/** The forge repository of an action that reads a branch (github and gitlab destinations). */
export const forgeRepoUrl = (z: Zod) =>
  z
    .string()
    .optional()
    .describe(
      "For github and gitlab: the repository, as RepoUrlPicker writes it ('github.com?owner=acme&repo=gitops').",
    );
