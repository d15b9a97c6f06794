import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';
import { MINIMAL_VALUES } from './render.examples';

export const examples: TemplateExample[] = [
  {
    description:
      "Render a cluster, make sure branch kafka-connect/orders exists (created from the project's default branch when missing), then commit the files to it with gitlab:repo:push. With the branch there first, gitlab:repo:push compares the files with the branch's and sends update for those that exist, also when a merged merge request's branch was deleted and its files are on the default branch.",
    example: yaml.stringify({
      steps: [
        {
          id: 'render',
          action: 'kafka-connect:render',
          name: 'Render the Kafka Connect cluster',
          input: { values: MINIMAL_VALUES, targetPath: 'cluster' },
        },
        {
          id: 'branch',
          action: 'kafka-connect:gitlab:branch',
          name: 'Make sure the branch exists',
          input: {
            repoUrl: 'gitlab.com?owner=acme&repo=gitops',
            branch: 'kafka-connect/orders',
          },
        },
        {
          id: 'push',
          action: 'gitlab:repo:push',
          name: 'Commit the files to the branch',
          input: {
            repoUrl: 'gitlab.com?owner=acme&repo=gitops',
            branchName: 'kafka-connect/orders',
            commitMessage: 'Kafka Connect cluster orders in streaming',
            sourcePath: 'cluster',
            targetPath: 'clusters/prod/orders',
            commitAction: 'auto',
          },
        },
      ],
    }),
  },
  {
    description:
      'Make sure a branch exists in a project of a subgroup whose default branch is not main: it is created from that default branch (output defaultBranch) when missing.',
    example: yaml.stringify({
      steps: [
        {
          id: 'branch',
          action: 'kafka-connect:gitlab:branch',
          name: 'Make sure the branch exists',
          input: {
            repoUrl: 'gitlab.com?owner=acme/platform&repo=gitops',
            branch: 'kafka-connect/payments',
          },
        },
      ],
    }),
  },
];
