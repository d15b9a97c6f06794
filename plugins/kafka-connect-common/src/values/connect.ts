import { z } from 'zod';
import { forbiddenWorkerSetting } from '../checks/workerConfig';
import { configKey, configValue, dnsSubdomain, javaClass } from './patterns';

/** Worker settings and KafkaConnector entries. */

export const connectConfigMap = () => z.record(configKey(), configValue());

/** Worker settings: the keys Strimzi manages or that have their own field are refused. */
export const workerConfigMap = () =>
  connectConfigMap().superRefine((config, ctx) => {
    for (const key of Object.keys(config)) {
      const message = forbiddenWorkerSetting(key);
      if (message) ctx.addIssue({ code: 'custom', path: [key], message });
    }
  });

export const connectorSchema = z.strictObject({
  name: dnsSubdomain().meta({ title: 'Connector name' }),
  class: javaClass().meta({
    title: 'Connector class',
    examples: ['io.debezium.connector.postgresql.PostgresConnector'],
  }),
  tasksMax: z.number().int().min(1).meta({ title: 'Maximum tasks' }),
  config: connectConfigMap().default({}).meta({
    title: 'Settings',
    description:
      'Kafka Connect settings of the connector; secrets only as ${provider:...} references.',
  }),
  state: z
    .enum(['running', 'paused', 'stopped'])
    .meta({ title: 'State', description: 'Default running.' })
    .optional(),
});
export type Connector = z.infer<typeof connectorSchema>;
