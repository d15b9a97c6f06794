import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      "Word the change between the folder as read and its new render; later steps run only when something changed. With the folder's files on the change's branch (kafka-connect:read-pending-change), a change still pending there is replaced: filesToDelete also holds its files that the new render does not make.",
    example: yaml.stringify({
      steps: [
        {
          id: 'summary',
          action: 'kafka-connect:summarise-change',
          name: 'Say what changes',
          input: {
            currentPath: 'current',
            sourcePath: 'skeleton',
            repositoryPath: '${{ steps.read.output.repositoryPath }}',
            changes: '${{ steps.change.output.changes }}',
            notes: '${{ steps.change.output.notes }}',
            operatorSteps: '${{ steps.change.output.operatorSteps }}',
            strimziFrom: '${{ steps.change.output.strimziFrom }}',
            branch:
              'kafka-connect-change/${{ steps.read.output.repositoryPath }}',
            branchFiles: '${{ steps.pending.output.files }}',
          },
        },
      ],
    }),
  },
];
