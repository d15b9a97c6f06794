import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      "In the change template, after kafka-connect:read-cluster: the files of the cluster's folder on its change branch in the GitOps repository set at kafkaConnect.gitops.repository, when a change is still pending there.",
    example: yaml.stringify({
      steps: [
        {
          id: 'pending',
          action: 'kafka-connect:read-pending-change',
          name: 'Read a change of the cluster that is not merged yet',
          input: {
            targetPath: 'clusters/prod/orders',
            branch: 'kafka-connect-change/clusters/prod/orders',
          },
        },
      ],
    }),
  },
  {
    description:
      "The same on GitLab (or GitHub), with the user's token when they gave one: the destination and repository as kafka-connect:read-cluster outputs them.",
    example: yaml.stringify({
      steps: [
        {
          id: 'pending',
          action: 'kafka-connect:read-pending-change',
          name: 'Read a change of the cluster that is not merged yet',
          input: {
            targetPath: '${{ steps.read.output.repositoryPath }}',
            branch:
              'kafka-connect-change/${{ steps.read.output.repositoryPath }}',
            destination: '${{ steps.read.output.destination }}',
            repoUrl: '${{ steps.read.output.repoUrl }}',
            token: '${{ secrets.accessToken }}',
          },
        },
      ],
    }),
  },
];
