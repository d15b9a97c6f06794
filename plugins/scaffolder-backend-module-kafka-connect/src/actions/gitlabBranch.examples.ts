import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';
import {
  GITLAB_PUSH_TO_ORDERS_BRANCH,
  RENDER_INTO_CLUSTER_FOLDER,
} from './exampleSteps';

export const examples: TemplateExample[] = [
  {
    description:
      "Render a cluster, make sure branch kafka-connect/orders exists (created from the project's default branch when missing), then commit the files to it with gitlab:repo:push. With the branch there first, gitlab:repo:push compares the files with the branch's and sends update for those that exist, also when a merged merge request's branch was deleted and its files are on the default branch.",
    example: yaml.stringify({
      steps: [
        RENDER_INTO_CLUSTER_FOLDER,
        {
          id: 'branch',
          action: 'kafka-connect:gitlab:branch',
          name: 'Make sure the branch exists',
          input: {
            repoUrl: 'gitlab.com?owner=acme&repo=gitops',
            branch: 'kafka-connect/orders',
          },
        },
        GITLAB_PUSH_TO_ORDERS_BRANCH,
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
