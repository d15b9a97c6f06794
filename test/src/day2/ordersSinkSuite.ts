import { HttpHandler } from 'msw';
import { GitHubDescription } from '../scaffolder/githubDescription';
import { GitHubFake } from '../scaffolder/githubFake';
import { GitLabFake } from '../scaffolder/gitlabFake';
import {
  ScaffolderSuiteOptions,
  useScaffolderSuite,
} from '../scaffolder/scaffolderSuite';
import { failOnRequestsOffContract } from '../scaffolder/taskExpectations';
import { GITHUB_TOKEN, GITLAB_TOKEN } from '../scaffolder/testBackend';
import { CHANGE_TEMPLATE, clusterEntityAt } from './clusterFolder';
import { changeOrdersSink, FILES, FOLDER, SEED } from './ordersSinkChange';

/** The forges' URL of a file on main of acme/gitops, without the file. */
export const GITHUB_BLOB_URL = 'https://github.com/acme/gitops/blob/main';
export const GITLAB_BLOB_URL = 'https://gitlab.com/acme/gitops/-/blob/main';

/** acme/gitops on a fake GitHub, holding orders-sink on main (the integration's token). */
export function ordersSinkOnGitHub(): GitHubFake {
  return new GitHubFake(
    GitHubDescription.load(),
    'acme',
    'gitops',
    GITHUB_TOKEN,
    SEED,
  );
}

/** acme/gitops on a fake GitLab, holding orders-sink on main (the integration's token). */
export function ordersSinkOnGitLab(): GitLabFake {
  return new GitLabFake('acme/gitops', GITLAB_TOKEN, SEED);
}

/**
 * The scaffolder with the change template, orders-sink in the catalog at its folder on the
 * forge (`blobUrl`: the forge's URL of a file on main, without the file), and the forge's fake
 * answering; a request off the forge's contract fails the test that sent it. `options` adds
 * users, config or features to the suite. `change` runs the change template on orders-sink.
 */
export function useOrdersSinkOnForge(
  forge: { handlers(): HttpHandler[]; violations: string[] },
  blobUrl: string,
  options: Pick<ScaffolderSuiteOptions, 'users' | 'config' | 'features'> = {},
) {
  const location = `url:${blobUrl}/${FOLDER}/catalog-info.yaml`;
  const suite = useScaffolderSuite({
    ...options,
    handlers: forge.handlers(),
    templatePaths: [CHANGE_TEMPLATE],
    entities: () => [clusterEntityAt(location, FILES['catalog-info.yaml'])],
  });
  failOnRequestsOffContract(() => [forge.violations], suite);
  return {
    suite,
    change: (parameters: Record<string, unknown>) =>
      changeOrdersSink(suite.scaffolder, parameters),
  };
}
