import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Record who sent which cluster to which GitHub repository, after the step that opened the pull request.',
    example: yaml.stringify({
      steps: [
        {
          id: 'audit-github',
          action: 'kafka-connect:audit',
          name: 'Record the change in the audit log',
          if: "${{ parameters.destination.type == 'github' }}",
          input: {
            sourcePath: 'skeleton',
            targetPath: 'clusters/prod/orders-cdc',
            destination: 'github',
            repoUrl: '${{ parameters.destination.githubRepoUrl }}',
            branch: 'kafka-connect/orders-cdc',
            pullRequestUrl: "${{ steps['pull-request'].output.remoteUrl }}",
          },
        },
      ],
    }),
  },
];
