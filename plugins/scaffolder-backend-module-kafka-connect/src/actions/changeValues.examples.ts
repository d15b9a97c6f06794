import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Three replicas instead of one, on the release the cluster runs; the rest of the values as they are.',
    example: yaml.stringify({
      steps: [
        {
          id: 'change',
          action: 'kafka-connect:change-values',
          name: 'Apply the change',
          input: {
            current: '${{ steps.read.output.values }}',
            changes: 'replicas: 3\n',
          },
        },
      ],
    }),
  },
  {
    description:
      'Upgrade to Strimzi 1.2.0: the values carried over, the group and the storage topics kept.',
    example: yaml.stringify({
      steps: [
        {
          id: 'change',
          action: 'kafka-connect:change-values',
          name: 'Upgrade the cluster',
          input: {
            current: '${{ steps.read.output.values }}',
            upgradeTo: '1.2.0',
          },
        },
      ],
    }),
  },
];
