import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Put a hand-made cluster under management: import the pasted KafkaConnect, then render it.',
    example: yaml.stringify({
      steps: [
        {
          id: 'import',
          action: 'kafka-connect:import',
          name: 'Read the KafkaConnect',
          input: {
            manifests: '${{ parameters.manifests }}',
            owner: '${{ parameters.owner }}',
          },
        },
        {
          id: 'render',
          action: 'kafka-connect:render',
          name: 'Render the cluster',
          input: {
            values: '${{ steps.import.output.values }}',
            targetPath: 'skeleton',
          },
        },
      ],
    }),
  },
];
