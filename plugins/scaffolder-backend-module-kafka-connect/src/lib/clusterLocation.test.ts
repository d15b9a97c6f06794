import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { clusterLocation } from './clusterLocation';
import { readGitopsSettings } from './settings';

const config = new ConfigReader({
  integrations: {
    github: [{ host: 'github.com' }],
    gitlab: [
      {
        host: 'gitlab.example.com',
        apiBaseUrl: 'https://gitlab.example.com/api/v4',
      },
    ],
  },
  kafkaConnect: { gitops: { repository: '/srv/gitops.git' } },
});
const integrations = ScmIntegrations.fromConfig(config);
const settings = readGitopsSettings(config, '/');

describe('clusterLocation', () => {
  it('reads the local repository from a file URL inside it', () => {
    expect(
      clusterLocation(
        'url:file:///srv/gitops.git/clusters/prod/orders/catalog-info.yaml',
        integrations,
        settings,
      ),
    ).toEqual({
      valuesUrl:
        'file:///srv/gitops.git/clusters/prod/orders/connect-cluster.yaml',
      folderUrl: 'file:///srv/gitops.git/clusters/prod/orders/',
      repositoryPath: 'clusters/prod/orders',
      destination: 'local',
    });
  });

  it('reads GitHub and GitLab blob URLs, subgroups included', () => {
    expect(
      clusterLocation(
        'url:https://github.com/acme/gitops/blob/main/clusters/orders/catalog-info.yaml',
        integrations,
        settings,
      ),
    ).toEqual({
      valuesUrl:
        'https://github.com/acme/gitops/blob/main/clusters/orders/connect-cluster.yaml',
      folderUrl: 'https://github.com/acme/gitops/tree/main/clusters/orders',
      repositoryPath: 'clusters/orders',
      destination: 'github',
      repoUrl: 'github.com?owner=acme&repo=gitops',
    });
    expect(
      clusterLocation(
        'https://gitlab.example.com/data/platform/gitops/-/blob/main/clusters/prod/orders/catalog-info.yaml',
        integrations,
        settings,
      ),
    ).toMatchObject({
      repositoryPath: 'clusters/prod/orders',
      destination: 'gitlab',
      repoUrl: 'gitlab.example.com?owner=data%2Fplatform&repo=gitops',
    });
  });

  it.each([
    [
      'file:///etc/clusters/orders/catalog-info.yaml',
      /not inside the GitOps repository/,
    ],
    [
      'file:///srv/gitops.git/catalog-info.yaml',
      /not inside the GitOps repository/,
    ],
    [
      'https://example.com/acme/gitops/blob/main/c/catalog-info.yaml',
      /neither a file of the local GitOps repository/,
    ],
    ['https://github.com/acme/gitops/catalog-info.yaml', /neither a file/],
    ['not a url', /is not a URL/],
  ])('refuses %s', (location, message) => {
    expect(() => clusterLocation(location, integrations, settings)).toThrow(
      message,
    );
  });
});
