import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Word the change between the folder as read and its new render; later steps run only when something changed.',
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
          },
        },
      ],
    }),
  },
];
