/** The values every cluster needs, so that a test's form has only its own field to fill. */
export const REQUIRED_VALUES = {
  name: 'orders',
  namespace: 'data',
  owner: 'group:default/data',
  kafka: { bootstrapServers: 'kafka:9092' },
};
