import { z } from 'zod';
import { configKey, configValue, javaClass, providerName } from './patterns';

/** Kafka config providers: where `${name:...}` references in settings are resolved. */

export const CONFIG_PROVIDER_TYPES = [
  'aws-secrets-manager',
  'kubernetes-secret',
  'kubernetes-configmap',
  'env',
  'file',
  'directory',
  'custom',
] as const;
export type ConfigProviderType = (typeof CONFIG_PROVIDER_TYPES)[number];

export const configProviderSchema = z
  .strictObject({
    name: providerName().meta({
      title: 'Alias',
      description: 'The prefix of its references: ${ALIAS:...}.',
      examples: ['secrets'],
    }),
    type: z.enum(CONFIG_PROVIDER_TYPES).meta({ title: 'Type' }),
    class: javaClass()
      .meta({
        title: 'Java class',
        description: "The provider's class, for type custom only.",
      })
      .optional(),
    params: z
      .record(configKey(), configValue())
      .meta({
        title: 'Parameters',
        description: "The provider's settings; secrets only as references.",
      })
      .optional(),
  })
  .superRefine((p, ctx) => {
    if (p.type === 'custom' && !p.class) {
      ctx.addIssue({
        code: 'custom',
        path: ['class'],
        message:
          "a custom config provider needs class: the provider's Java class",
      });
    }
    if (p.type !== 'custom' && p.class) {
      ctx.addIssue({
        code: 'custom',
        path: ['class'],
        message: `type ${p.type} sets its own class; remove class, or use type custom`,
      });
    }
  });
