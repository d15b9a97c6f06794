import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      "Delete from branch kafka-connect/orders of a GitLab project the files of a connector that a change removed, in one commit, after gitlab:repo:push has committed the new render of clusters/prod/orders (in a template: filesToDelete: ${{ steps.summary.output.removed }}, kafka-connect:summarise-change's output). Run again, the files are gone and nothing is committed.",
    example: yaml.stringify({
      steps: [
        {
          id: 'push',
          action: 'gitlab:repo:push',
          name: 'Commit the new render to the branch',
          input: {
            repoUrl: 'gitlab.com?owner=acme&repo=gitops',
            branchName: 'kafka-connect/orders',
            commitMessage: 'Change Kafka Connect cluster orders in streaming',
            sourcePath: 'cluster',
            targetPath: 'clusters/prod/orders',
            commitAction: 'auto',
          },
        },
        {
          id: 'delete-files',
          action: 'kafka-connect:gitlab:delete-files',
          name: 'Delete the files the change drops',
          input: {
            repoUrl: 'gitlab.com?owner=acme&repo=gitops',
            branch: 'kafka-connect/orders',
            targetPath: 'clusters/prod/orders',
            filesToDelete: [
              'templates/kafka-connector-orders-outbox.yaml',
              'templates/kafka-connector-orders-audit.yaml',
            ],
            commitMessage:
              'Change Kafka Connect cluster orders in streaming: delete the files it drops',
          },
        },
      ],
    }),
  },
  {
    description:
      "Delete a file on a branch of a project of a subgroup, as the user (their token from RepoUrlPicker's secrets) rather than the integration.",
    example: yaml.stringify({
      steps: [
        {
          id: 'delete-files',
          action: 'kafka-connect:gitlab:delete-files',
          name: 'Delete the old values file',
          input: {
            repoUrl: 'gitlab.com?owner=acme/platform&repo=gitops',
            branch: 'kafka-connect/orders',
            filesToDelete: ['clusters/prod/orders/values-old.yaml'],
            commitMessage: 'Delete the old values of orders',
            token: '${{ secrets.USER_OAUTH_TOKEN }}',
          },
        },
      ],
    }),
  },
];
