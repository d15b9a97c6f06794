import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';
import { RENDER_INTO_CLUSTER_FOLDER } from './exampleSteps';

export const examples: TemplateExample[] = [
  {
    description:
      'Before pushing to the GitOps repository set at kafkaConnect.gitops.repository: if clusters/prod/orders on the default branch (or on branch kafka-connect/orders) holds a cluster, the user must be a member of its owner.',
    example: yaml.stringify({
      steps: [
        RENDER_INTO_CLUSTER_FOLDER,
        {
          id: 'check-ownership',
          action: 'kafka-connect:check-ownership',
          name: 'Check who may change the cluster',
          input: {
            sourcePath: 'cluster',
            targetPath: 'clusters/prod/orders',
            branch: 'kafka-connect/orders',
          },
        },
        {
          id: 'push',
          action: 'kafka-connect:git:push-branch',
          name: 'Push the branch to the GitOps repository',
          input: {
            sourcePath: 'cluster',
            targetPath: 'clusters/prod/orders',
            branch: 'kafka-connect/orders',
          },
        },
      ],
    }),
  },
  {
    description:
      "Before opening a pull request on GitHub: reads clusters/prod/orders/connect-cluster.yaml on the repository's default branch with the integration's token, and refuses the change unless the user may act for the cluster's owner.",
    example: yaml.stringify({
      steps: [
        RENDER_INTO_CLUSTER_FOLDER,
        {
          id: 'check-ownership',
          action: 'kafka-connect:check-ownership',
          name: 'Check who may change the cluster',
          input: {
            destination: 'github',
            repoUrl: 'github.com?owner=acme&repo=gitops',
            sourcePath: 'cluster',
            targetPath: 'clusters/prod/orders',
            branch: 'kafka-connect/orders',
          },
        },
        {
          id: 'pull-request',
          action: 'publish:github:pull-request',
          name: 'Open a pull request',
          input: {
            repoUrl: 'github.com?owner=acme&repo=gitops',
            branchName: 'kafka-connect/orders',
            title: 'Kafka Connect cluster orders in streaming',
            description: '${{ steps.render.output.summary }}',
            sourcePath: 'cluster',
            targetPath: 'clusters/prod/orders',
            update: true,
          },
        },
      ],
    }),
  },
  {
    description:
      "Before committing to a GitLab project, with the user's own token: the same check, through GitLab's repository files API.",
    example: yaml.stringify({
      steps: [
        RENDER_INTO_CLUSTER_FOLDER,
        {
          id: 'check-ownership',
          action: 'kafka-connect:check-ownership',
          name: 'Check who may change the cluster',
          input: {
            destination: 'gitlab',
            repoUrl: 'gitlab.com?owner=acme&repo=gitops',
            token: '${{ secrets.accessToken }}',
            sourcePath: 'cluster',
            targetPath: 'clusters/prod/orders',
            branch: 'kafka-connect/orders',
          },
        },
      ],
    }),
  },
];
