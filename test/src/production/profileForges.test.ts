import { ConfigSources } from '@backstage/config-loader';
import { ScmIntegrations } from '@backstage/integration';
import { join } from 'node:path';
import { REPO_ROOT } from '../scaffolder/templateFile';

/**
 * The production profile reads each forge's integration from a file of its own, so a team
 * sets only its forge's variables. Read here by Backstage's own config loader and
 * integration reader, as the backend reads them at start, with the variables a team sets.
 */

const file = (name: string) => join(REPO_ROOT, name);
const PROFILE = ['app-config.yaml', 'app-config.production.yaml'];
const GITHUB = 'app-config.production.github.yaml';
const GITLAB = 'app-config.production.gitlab.yaml';

const githubEnv = {
  GITHUB_APP_ID: '1',
  GITHUB_APP_CLIENT_ID: 'Iv1.client',
  GITHUB_APP_CLIENT_SECRET: 'secret',
  GITHUB_APP_PRIVATE_KEY: 'a key',
};
const gitlabEnv = { GITLAB_TOKEN: 'glpat-token' };

/** The integrations the backend would build from these files and this environment. */
async function integrationsOf(
  files: string[],
  env: Record<string, string>,
): Promise<ScmIntegrations> {
  const config = await ConfigSources.toConfig(
    ConfigSources.defaultForTargets({
      rootDir: REPO_ROOT,
      targets: files.map(name => ({ type: 'path', target: file(name) })),
      substitutionFunc: async name => env[name],
    }),
  );
  try {
    return ScmIntegrations.fromConfig(config);
  } finally {
    config.close();
  }
}

describe('the production profile, one file per forge', () => {
  it('a team on GitLab alone sets only GITLAB_TOKEN', async () => {
    const integrations = await integrationsOf([...PROFILE, GITLAB], gitlabEnv);
    expect(integrations.gitlab.byHost('gitlab.com')?.config.token).toBe(
      'glpat-token',
    );
    // No GitHub App: only Backstage's default, anonymous github.com entry.
    expect(
      integrations.github.byHost('github.com')?.config.apps,
    ).toBeUndefined();
  });

  it('a team on GitHub alone sets only the GitHub App variables', async () => {
    const integrations = await integrationsOf([...PROFILE, GITHUB], githubEnv);
    expect(integrations.github.byHost('github.com')?.config.apps).toEqual([
      expect.objectContaining({ appId: 1, clientId: 'Iv1.client' }),
    ]);
    expect(
      integrations.gitlab.byHost('gitlab.com')?.config.token,
    ).toBeUndefined();
  });

  it('both files together serve both forges', async () => {
    const integrations = await integrationsOf([...PROFILE, GITHUB, GITLAB], {
      ...githubEnv,
      ...gitlabEnv,
    });
    expect(integrations.github.byHost('github.com')?.config.apps).toHaveLength(
      1,
    );
    expect(integrations.gitlab.byHost('gitlab.com')?.config.token).toBe(
      'glpat-token',
    );
  });

  it('the GitHub file without its variables stops the backend, which is why it is separate', async () => {
    await expect(
      integrationsOf([...PROFILE, GITHUB], gitlabEnv),
    ).rejects.toThrow(/appId/);
  });
});
