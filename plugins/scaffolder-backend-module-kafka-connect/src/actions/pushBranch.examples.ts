import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';
import { MINIMAL_VALUES } from './render.examples';

export const examples: TemplateExample[] = [
  {
    description:
      'Render a cluster into the workspace, then push it as branch kafka-connect/orders into clusters/prod/orders of the GitOps repository set at kafkaConnect.gitops.repository.',
    example: yaml.stringify({
      steps: [
        {
          id: 'render',
          action: 'kafka-connect:render',
          name: 'Render the Kafka Connect cluster',
          input: { values: MINIMAL_VALUES },
        },
        {
          id: 'push',
          action: 'kafka-connect:git:push-branch',
          name: 'Push the branch to the GitOps repository',
          input: {
            targetPath: 'clusters/prod/orders',
            branch: 'kafka-connect/orders',
            commitMessage: 'Add Kafka Connect cluster streaming/orders',
          },
        },
      ],
    }),
  },
  {
    description:
      'Push files rendered into a sub-folder of the workspace, with the requesting team as the commit author.',
    example: yaml.stringify({
      steps: [
        {
          id: 'render',
          action: 'kafka-connect:render',
          name: 'Render the Kafka Connect cluster',
          input: {
            values: MINIMAL_VALUES,
            layout: 'kustomize',
            targetPath: 'rendered',
          },
        },
        {
          id: 'push',
          action: 'kafka-connect:git:push-branch',
          name: 'Push the branch to the GitOps repository',
          input: {
            sourcePath: 'rendered',
            targetPath: 'clusters/prod/orders',
            branch: 'kafka-connect/orders-prod',
            commitMessage:
              'Kafka Connect cluster streaming/orders for the orders team',
            authorName: 'Orders team',
            authorEmail: 'orders@example.com',
          },
        },
      ],
    }),
  },
];
