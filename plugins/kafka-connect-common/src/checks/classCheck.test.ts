import { formatProblem } from '../problems';
import { renderSkeleton, validateValues } from '../skeleton';

const AWS_CLASS =
  'io.confluent.csid.config.provider.aws.SecretsManagerConfigProvider';
const SHA512 = '0123456789abcdef'.repeat(8);
const AWS_PLUGIN = {
  name: 'csid-secrets-provider-aws',
  artifacts: [
    {
      type: 'zip',
      url: 'https://hub-downloads.confluent.io/api/plugins/jcustenborder/csid-secrets-provider-aws/versions/0.1.2/jcustenborder-csid-secrets-provider-aws-0.1.2.zip',
      sha512sum: SHA512,
    },
  ],
};
const MAVEN_PLUGIN = {
  name: 'orders',
  artifacts: [
    { type: 'maven', group: 'com.example', artifact: 'orders', version: '1' },
  ],
};

function values(extra: Record<string, unknown>) {
  return {
    name: 'orders',
    namespace: 'data',
    owner: 'user:jane',
    kafka: { bootstrapServers: 'kafka:9092' },
    image: { name: 'registry.example.com/data/orders-connect' },
    connectors: [
      { name: 'orders', class: 'com.example.OrdersSource', tasksMax: 1 },
    ],
    ...extra,
  };
}

const problems = (input: unknown) => validateValues(input).map(formatProblem);

describe('known config providers bring their plugin', () => {
  it('asks for the AWS provider plugin by name and URL', () => {
    expect(
      problems(
        values({
          // Nothing to build: the pods run Strimzi's own image.
          image: {},
          configProviders: [{ name: 'aws', type: 'aws-secrets-manager' }],
        }),
      ),
    ).toEqual([
      expect.stringMatching(
        /^configProviders\[0\]\.type: aws-secrets-manager needs the class io\.confluent\.csid\.config\.provider\.aws\.SecretsManagerConfigProvider, which Strimzi's Kafka image does not have: add its plugin to plugins\[\], for example name csid-secrets-provider-aws with a zip artifact https:\/\/hub-downloads\.confluent\.io\/.*csid-secrets-provider-aws-1\.0\.44\.zip/,
      ),
    ]);
  });

  it('is satisfied by the plugin, by skipClassCheck, and by a team image', () => {
    const aws = {
      configProviders: [{ name: 'aws', type: 'aws-secrets-manager' }],
    };
    expect(problems(values({ ...aws, plugins: [AWS_PLUGIN] }))).toEqual([]);
    expect(
      problems(
        values({
          ...aws,
          plugins: [MAVEN_PLUGIN],
          image: {
            name: 'registry.example.com/data/orders-connect',
            skipClassCheck: [AWS_CLASS],
          },
        }),
      ),
    ).toEqual([]);
    // The pods run the team's finished image: what it holds is theirs to know.
    expect(
      problems(
        values({
          ...aws,
          image: { name: 'registry.example.com/data/own', tag: '1' },
        }),
      ),
    ).toEqual([]);
    // Kafka's and Strimzi's own providers are in Strimzi's image.
    expect(
      problems(
        values({
          image: {},
          configProviders: [
            { name: 'env', type: 'env' },
            { name: 'secrets', type: 'kubernetes-secret' },
          ],
        }),
      ),
    ).toEqual([]);
  });
});

describe('image.skipClassCheck and image.mavenBuilder', () => {
  it('leaves a skipped class out of the Dockerfile check, and checks the others', () => {
    const rendered = renderSkeleton(
      values({
        plugins: [MAVEN_PLUGIN],
        connect: { config: { 'value.converter': 'com.example.Conv' } },
        image: {
          name: 'registry.example.com/data/orders-connect',
          skipClassCheck: ['com.example.Conv'],
          mavenBuilder: 'registry.example.com/mirror/maven-builder:1.2.0',
        },
      }),
    );
    expect(rendered.ok).toBe(true);
    const dockerfile = rendered.ok
      ? rendered.value.find(f => f.path === 'Dockerfile')!.content
      : '';
    expect(dockerfile).toContain('grep -Fqx com/example/OrdersSource.class');
    expect(dockerfile).not.toContain('com/example/Conv.class');
    expect(dockerfile).toContain(
      'FROM registry.example.com/mirror/maven-builder:1.2.0 AS maven-artifacts',
    );
  });

  it('refuses entries that change nothing', () => {
    expect(
      problems(
        values({
          plugins: [AWS_PLUGIN],
          image: {
            name: 'registry.example.com/data/orders-connect',
            skipClassCheck: [
              'com.example.Nowhere',
              'com.example.OrdersSource',
              'com.example.OrdersSource',
            ],
            mavenBuilder: 'registry.example.com/mirror/maven-builder:1.2.0',
          },
        }),
      ),
    ).toEqual([
      'image.mavenBuilder: has no effect: no plugin has a maven artifact, so the Dockerfile has no Maven builder stage; remove it',
      expect.stringMatching(
        /^image\.skipClassCheck\[0\]: com\.example\.Nowhere is named nowhere in the configuration/,
      ),
      'image.skipClassCheck[2]: com.example.OrdersSource is listed twice; remove one',
    ]);
  });

  it('refuses the Dockerfile-only fields with Strimzi’s build, but lets skipClassCheck silence the provider rule', () => {
    expect(
      problems(
        values({
          plugins: [MAVEN_PLUGIN],
          configProviders: [{ name: 'aws', type: 'aws-secrets-manager' }],
          image: {
            name: 'registry.example.com/data/orders-connect',
            build: 'strimzi',
            mavenBuilder: 'registry.example.com/mirror/maven-builder:1.2.0',
            skipClassCheck: ['com.example.OrdersSource', AWS_CLASS],
          },
        }),
      ),
    ).toEqual([
      expect.stringMatching(
        /^image\.mavenBuilder: has no effect with image\.build: strimzi: Strimzi's build uses its operator's Maven builder/,
      ),
      expect.stringMatching(
        /^image\.skipClassCheck\[0\]: has no effect: only the Dockerfile build/,
      ),
    ]);
  });
});
