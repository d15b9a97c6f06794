import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      "Read the cluster a catalog entity stands for, from its GitOps repository (the entity's location names its catalog-info.yaml).",
    example: yaml.stringify({
      steps: [
        {
          id: 'entity',
          action: 'catalog:fetch',
          name: 'Find the cluster in the catalog',
          input: { entityRef: '${{ parameters.cluster }}' },
        },
        {
          id: 'read',
          action: 'kafka-connect:read-cluster',
          name: 'Read the cluster from the GitOps repository',
          input: {
            location:
              "${{ steps.entity.output.entity.metadata.annotations['backstage.io/managed-by-location'] }}",
          },
        },
      ],
    }),
  },
  {
    description: 'Read a cluster folder on GitHub by its URL.',
    example: yaml.stringify({
      steps: [
        {
          id: 'read',
          action: 'kafka-connect:read-cluster',
          name: 'Read the cluster',
          input: {
            location:
              'https://github.com/acme/gitops/blob/main/clusters/prod/orders/catalog-info.yaml',
            targetPath: 'current',
          },
        },
      ],
    }),
  },
];
