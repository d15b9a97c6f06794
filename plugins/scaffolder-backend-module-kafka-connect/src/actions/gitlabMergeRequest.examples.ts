import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';
import {
  GITLAB_PUSH_TO_ORDERS_BRANCH,
  RENDER_INTO_CLUSTER_FOLDER,
} from './exampleSteps';

export const examples: TemplateExample[] = [
  {
    description:
      "Render a cluster, commit it to branch kafka-connect/orders of a GitLab project with gitlab:repo:push (after kafka-connect:gitlab:branch has made sure the branch exists, see its examples), then open a merge request into the project's default branch. Run again, the same steps commit to the same branch and update the same merge request.",
    example: yaml.stringify({
      steps: [
        RENDER_INTO_CLUSTER_FOLDER,
        GITLAB_PUSH_TO_ORDERS_BRANCH,
        {
          id: 'merge-request',
          action: 'kafka-connect:gitlab:merge-request',
          name: 'Open or update the merge request',
          input: {
            repoUrl: 'gitlab.com?owner=acme&repo=gitops',
            sourceBranch: 'kafka-connect/orders',
            title: 'Kafka Connect cluster orders in streaming',
            description: 'Adds the Kafka Connect cluster `streaming/orders`.',
          },
        },
      ],
    }),
  },
  {
    description:
      'Open or update the merge request from an existing branch into a branch other than the default one, in a project of a subgroup, and have GitLab delete the branch once the request is merged.',
    example: yaml.stringify({
      steps: [
        {
          id: 'merge-request',
          action: 'kafka-connect:gitlab:merge-request',
          name: 'Open or update the merge request',
          input: {
            repoUrl: 'gitlab.com?owner=acme/platform&repo=gitops',
            sourceBranch: 'kafka-connect/orders',
            targetBranch: 'release',
            title: 'Kafka Connect cluster orders in streaming',
            description: 'Adds the Kafka Connect cluster `streaming/orders`.',
            removeSourceBranch: true,
          },
        },
      ],
    }),
  },
];
