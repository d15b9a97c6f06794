import { clusterValues, ORDERS_BRANCH, ORDERS_FOLDER } from './clusterValues';
import { useScaffolderSuite } from './scaffolderSuite';
import { GITHUB_TOKEN, GITLAB_TOKEN, stepStatus } from './testBackend';

/**
 * Secrets never reach the GitOps repository or the task log: the values carry references,
 * and a value that carries the secret itself is refused before anything is published.
 */

const LITERAL = 'hunter2-Literal-Pa55word';
const REFERENCE = '${secrets:streaming/orders-db:password}';

const withLiteral: Record<
  string,
  { values: Record<string, unknown>; field: RegExp }
> = {
  'a connector setting': {
    values: clusterValues({
      connectors: [
        {
          name: 'orders-outbox',
          class: 'io.debezium.connector.postgresql.PostgresConnector',
          tasksMax: 1,
          config: { 'database.password': LITERAL },
        },
      ],
    }),
    field: /^connectors\[0\]\.config\["database\.password"\]: /m,
  },
  'an environment variable': {
    values: clusterValues({ env: [{ name: 'DB_PASSWORD', value: LITERAL }] }),
    field: /^env\[0\]\.value: /m,
  },
  'the JAAS line of custom authentication': {
    values: clusterValues({
      kafka: {
        bootstrapServers: 'main-kafka-bootstrap.kafka.svc:9093',
        authentication: {
          type: 'custom',
          sasl: true,
          config: {
            'sasl.mechanism': 'PLAIN',
            'sasl.jaas.config': `org.apache.kafka.common.security.plain.PlainLoginModule required username="connect" password="${LITERAL}";`,
          },
        },
      },
    }),
    field: /^kafka\.authentication\.config\["sasl\.jaas\.config"\]: /m,
  },
};

jest.setTimeout(60_000);

describe('secrets and the template', () => {
  const suite = useScaffolderSuite();

  it.each(Object.entries(withLiteral))(
    'refuses a literal password in %s at the render step, names the field, and never echoes it',
    async (_, { values, field }) => {
      const snapshot = suite.repo.snapshot();
      const result = await suite.scaffolder.run(values);

      expect(result.status).toBe('failed');
      expect(stepStatus(result, 'render')).toBe('failed');
      expect(stepStatus(result, 'push')).toBe('skipped');
      expect(result.error?.message).toMatch(field);
      expect(JSON.stringify(result.events)).not.toContain(LITERAL);
      expect(suite.repo.snapshot()).toEqual(snapshot);
    },
  );

  it('carries references into the repository as they are, and logs neither them nor any token', async () => {
    const result = await suite.scaffolder.run(clusterValues());
    expect({ status: result.status, error: result.error }).toEqual({
      status: 'completed',
      error: undefined,
    });

    const files = [...suite.repo.contents(ORDERS_BRANCH)].filter(([path]) =>
      path.startsWith(`${ORDERS_FOLDER}/`),
    );
    const rendered = files.map(([, content]) => content).join('\n');
    // The connector reads its password through the config provider at run time.
    expect(rendered).toContain(REFERENCE);
    expect(rendered).toContain(
      'io.strimzi.kafka.KubernetesSecretConfigProvider',
    );
    // The SASL password is a Secret reference: a secret name and key, no value.
    expect(rendered).toContain('orders-cdc-user');

    const everything = JSON.stringify(result.events) + rendered;
    expect(result.log).not.toContain(REFERENCE);
    expect(everything).not.toContain(GITHUB_TOKEN);
    expect(everything).not.toContain(GITLAB_TOKEN);
  });
});
