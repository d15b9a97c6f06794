import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

const input = {
  sourcePath: 'skeleton',
  targetPath: 'clusters/prod/orders-cdc',
  destination: 'github',
  repoUrl: '${{ parameters.destination.githubRepoUrl }}',
  branch: 'kafka-connect/orders-cdc',
};

export const examples: TemplateExample[] = [
  {
    description:
      'Record who sends which cluster to which GitHub repository: initiated before the pull request step, succeeded with the pull request after it (a failed pull request leaves initiated alone).',
    example: yaml.stringify({
      steps: [
        {
          id: 'audit-github-initiated',
          action: 'kafka-connect:audit',
          name: 'Record in the audit log that the pull request is asked for',
          if: "${{ parameters.destination.type == 'github' }}",
          input: { stage: 'initiated', ...input },
        },
        {
          id: 'pull-request',
          action: 'publish:github:pull-request',
          name: 'Open a pull request on GitHub',
          if: "${{ parameters.destination.type == 'github' }}",
          input: {
            repoUrl: input.repoUrl,
            branchName: input.branch,
            title: 'Kafka Connect cluster orders-cdc',
            sourcePath: input.sourcePath,
            targetPath: input.targetPath,
          },
        },
        {
          id: 'audit-github',
          action: 'kafka-connect:audit',
          name: 'Record the pull request in the audit log',
          if: "${{ parameters.destination.type == 'github' }}",
          input: {
            stage: 'succeeded',
            ...input,
            pullRequestUrl: "${{ steps['pull-request'].output.remoteUrl }}",
          },
        },
      ],
    }),
  },
];
