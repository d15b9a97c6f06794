import { formatProblem } from '../problems';
import { parseValues } from '../values/parse';
import { checkPolicy } from './check';
import { parsePolicy } from './parse';
import { Policy } from './schema';

/** Real values (through parseValues) against a real policy (through parsePolicy). */

const SHA_A = 'a'.repeat(128);
const SHA_B = 'b'.repeat(128);

const BASE = {
  name: 'orders-cdc',
  namespace: 'orders',
  owner: 'group:default/orders',
  kafka: { bootstrapServers: 'main-kafka-bootstrap:9093' },
};

function policy(rules: Record<string, unknown>): Policy {
  const parsed = parsePolicy({
    apiVersion: 'connect-skeleton/policy/v1',
    kind: 'KafkaConnectPolicy',
    ...rules,
  });
  if (!parsed.ok)
    throw new Error(parsed.problems.map(formatProblem).join('\n'));
  return parsed.policy;
}

function violations(
  values: Record<string, unknown>,
  rules: Record<string, unknown>,
): string[] {
  const parsed = parseValues({ ...BASE, ...values });
  if (!parsed.ok) {
    throw new Error(parsed.problems.map(formatProblem).join('\n'));
  }
  return checkPolicy(parsed.value.values, policy(rules)).map(formatProblem);
}

const maven = (
  group: string,
  artifact: string,
  version: string,
  repository?: string,
) => ({
  type: 'maven',
  group,
  artifact,
  version,
  ...(repository ? { repository } : {}),
});
// Plugins are built into an image, which needs a repository.
const plugins = (...artifacts: unknown[]) => ({
  image: { name: 'registry.example.com/orders/connect' },
  plugins: artifacts.map((artifact, i) => ({
    name: `plugin-${i}`,
    artifacts: [artifact],
  })),
});

describe('checkPolicy: allowed plugin artifacts', () => {
  const debezium = {
    plugins: {
      allowed: [
        {
          group: 'io.debezium',
          artifact: 'debezium-connector-*',
          version: '[2.7,3.0)',
        },
        {
          url: 'https://hub.example.com/transform-common-0.1.0.58.zip',
          sha512sum: SHA_A,
        },
        { url: 'https://files.example.com/driver.jar' },
        { urlPrefix: 'https://mirror.example.com/approved/' },
      ],
    },
  };

  it('passes allowed Maven coordinates with a version in the range (near misses of the rule)', () => {
    expect(
      violations(
        plugins(
          maven('io.debezium', 'debezium-connector-postgres', '2.7.3.Final'),
          maven('io.debezium', 'debezium-connector-mysql', '3.0.0.CR1'),
        ),
        debezium,
      ),
    ).toEqual([]);
  });

  it('refuses a version outside the range, naming the field, the value and the rule', () => {
    expect(
      violations(
        plugins(
          maven('io.debezium', 'debezium-connector-postgres', '2.7.3.Final'),
          maven('io.debezium', 'debezium-connector-postgres', '3.0.0.Final'),
        ),
        debezium,
      ),
    ).toEqual([
      'plugins[1].artifacts[0].version: 3.0.0.Final of io.debezium:debezium-connector-postgres is outside the versions the policy allows: [2.7,3.0) (policy plugins.allowed[0].version)',
    ]);
  });

  it('refuses coordinates the policy does not list, with the allowed ones', () => {
    expect(
      violations(
        plugins(maven('io.confluent', 'kafka-connect-jdbc', '10.7.4')),
        debezium,
      ),
    ).toEqual([
      "plugins[0].artifacts[0]: io.confluent:kafka-connect-jdbc:10.7.4 is not in the policy's allowed artifacts (policy plugins.allowed); allowed: io.debezium:debezium-connector-*:[2.7,3.0), https://hub.example.com/transform-common-0.1.0.58.zip, https://files.example.com/driver.jar, https://mirror.example.com/approved/*",
    ]);
  });

  it('refuses allowed coordinates from another repository than the policy names (Maven Central by default)', () => {
    expect(
      violations(
        plugins(
          maven(
            'io.debezium',
            'debezium-connector-postgres',
            '2.7.3.Final',
            'https://repo.evil.example.com/maven2',
          ),
        ),
        debezium,
      ),
    ).toEqual([
      'plugins[0].artifacts[0].repository: https://repo.evil.example.com/maven2 is not the repository the policy allows for io.debezium:debezium-connector-postgres (policy plugins.allowed[0].repository): https://repo1.maven.org/maven2',
    ]);
    // The same repository with a trailing slash is the same repository.
    expect(
      violations(
        plugins(
          maven(
            'io.debezium',
            'debezium-connector-postgres',
            '2.7.3.Final',
            'https://repo1.maven.org/maven2/',
          ),
        ),
        debezium,
      ),
    ).toEqual([]);
  });

  it('allows a Maven artifact whose folder in its repository is under an allowed URL prefix', () => {
    const prefix = {
      plugins: {
        allowed: [{ urlPrefix: 'https://repo1.maven.org/maven2/io/debezium/' }],
      },
    };
    expect(
      violations(
        plugins(
          maven('io.debezium', 'debezium-connector-postgres', '3.1.0.Final'),
        ),
        prefix,
      ),
    ).toEqual([]);
    expect(
      violations(plugins(maven('io.debeziumx', 'x', '1')), prefix),
    ).toHaveLength(1);
  });

  it('checks a pinned URL against its checksum: the same sha512 passes, another is refused', () => {
    const zip = (sha512sum: string) => ({
      type: 'zip',
      url: 'https://hub.example.com/transform-common-0.1.0.58.zip',
      sha512sum,
    });
    expect(violations(plugins(zip(SHA_A)), debezium)).toEqual([]);
    expect(violations(plugins(zip(SHA_B)), debezium)).toEqual([
      `plugins[0].artifacts[0].sha512sum: ${SHA_B} is not the checksum the policy allows for https://hub.example.com/transform-common-0.1.0.58.zip (policy plugins.allowed[1].sha512sum); the file the policy approved has another content`,
    ]);
  });

  it('matches URLs exactly or by prefix, never by a longer name or another host', () => {
    const jar = (url: string) => ({ type: 'jar', url, sha512sum: SHA_A });
    expect(
      violations(
        plugins(
          jar('https://files.example.com/driver.jar'),
          jar('https://mirror.example.com/approved/any/thing.jar'),
        ),
        debezium,
      ),
    ).toEqual([]);
    const refused = violations(
      plugins(
        jar('https://files.example.com/driver.jar.evil'),
        jar('https://mirror.example.com/approved-not/thing.jar'),
        jar('https://mirror.example.com.evil.org/approved/thing.jar'),
      ),
      debezium,
    );
    expect(refused.map(line => line.split(':')[0])).toEqual([
      'plugins[0].artifacts[0]',
      'plugins[1].artifacts[0]',
      'plugins[2].artifacts[0]',
    ]);
    expect(refused[0]).toContain(
      "https://files.example.com/driver.jar.evil is not in the policy's allowed artifacts (policy plugins.allowed)",
    );
  });

  it('an empty allowed list allows no plugins; no plugins section allows any', () => {
    const any = plugins(maven('io.confluent', 'kafka-connect-jdbc', '10.7.4'));
    expect(violations(any, { plugins: { allowed: [] } })).toEqual([
      "plugins[0].artifacts[0]: io.confluent:kafka-connect-jdbc:10.7.4 is not in the policy's allowed artifacts (policy plugins.allowed); allowed: none: the policy allows no plugins",
    ]);
    expect(violations(any, {})).toEqual([]);
  });
});

describe('checkPolicy: replicas and resources per environment', () => {
  const rules = {
    environments: {
      prod: {
        replicas: { min: 2, max: 6 },
        resources: {
          requests: {
            cpu: { min: '500m', max: '4' },
            memory: { min: '1Gi', max: '8Gi' },
          },
          limits: { memory: { min: '1Gi', max: '16Gi' } },
        },
      },
      dev: { replicas: { max: 1 } },
    },
    otherEnvironments: { replicas: { max: 3 } },
  };
  const resources = (requests: object, limits: object = { memory: '2Gi' }) => ({
    resources: { requests, limits },
  });
  const prod = (more: object) => ({
    environment: 'prod',
    replicas: 2,
    ...more,
  });

  it('passes values at the bounds, in other units (near misses)', () => {
    expect(
      violations(
        prod(resources({ cpu: 0.5, memory: '1024Mi' }, { memory: '16384Mi' })),
        rules,
      ),
    ).toEqual([]);
    expect(
      violations(
        prod({ replicas: 6, ...resources({ cpu: '4000m', memory: '8Gi' }) }),
        rules,
      ),
    ).toEqual([]);
  });

  it('refuses replicas below the minimum and above the maximum of the environment', () => {
    const ok = resources({ cpu: '1', memory: '2Gi' });
    expect(violations(prod({ replicas: 1, ...ok }), rules)).toEqual([
      "replicas: 1 is below the policy's minimum of 2 for environment prod (policy environments.prod.replicas.min)",
    ]);
    expect(violations(prod({ replicas: 7, ...ok }), rules)).toEqual([
      "replicas: 7 is above the policy's maximum of 6 for environment prod (policy environments.prod.replicas.max)",
    ]);
    expect(violations({ environment: 'dev', replicas: 2 }, rules)).toEqual([
      "replicas: 2 is above the policy's maximum of 1 for environment dev (policy environments.dev.replicas.max)",
    ]);
  });

  it('compares quantities as numbers: 499m is below 500m, 1025Mi passes 1Gi, 8193Mi is above 8Gi', () => {
    expect(
      violations(prod(resources({ cpu: '499m', memory: '1025Mi' })), rules),
    ).toEqual([
      "resources.requests.cpu: 499m is below the policy's minimum of 500m for environment prod (policy environments.prod.resources.requests.cpu.min)",
    ]);
    expect(
      violations(prod(resources({ cpu: '1', memory: '8193Mi' })), rules),
    ).toEqual([
      "resources.requests.memory: 8193Mi is above the policy's maximum of 8Gi for environment prod (policy environments.prod.resources.requests.memory.max)",
    ]);
    expect(
      violations(prod(resources({ cpu: 5, memory: '1G' })), rules),
    ).toEqual([
      "resources.requests.cpu: 5 is above the policy's maximum of 4 for environment prod (policy environments.prod.resources.requests.cpu.max)",
      // 1G = 1,000,000,000 bytes < 1Gi = 1,073,741,824 bytes.
      "resources.requests.memory: 1G is below the policy's minimum of 1Gi for environment prod (policy environments.prod.resources.requests.memory.min)",
    ]);
  });

  it('a missing request takes the limit, as Kubernetes does; none at all misses a minimum', () => {
    expect(
      violations(prod(resources({ cpu: '1' }, { memory: '512Mi' })), rules),
    ).toEqual([
      "resources.requests.memory: not given, so Kubernetes requests the limit 512Mi, which is below the policy's minimum of 1Gi for environment prod (policy environments.prod.resources.requests.memory.min)",
      "resources.limits.memory: 512Mi is below the policy's minimum of 1Gi for environment prod (policy environments.prod.resources.limits.memory.min)",
    ]);
    expect(violations(prod({}), rules)).toEqual([
      'resources.requests.cpu: is not given; the policy requires a cpu request of at least 500m for environment prod (policy environments.prod.resources.requests.cpu.min)',
      'resources.requests.memory: is not given; the policy requires a memory request of at least 1Gi for environment prod (policy environments.prod.resources.requests.memory.min)',
      'resources.limits.memory: is not given, and no limit is no upper bound: the policy allows a memory limit of at most 16Gi for environment prod (policy environments.prod.resources.limits.memory.max)',
    ]);
  });

  it('judges a cluster without an environment, or with one the policy does not list, by otherEnvironments', () => {
    expect(violations({ replicas: 3 }, rules)).toEqual([]);
    expect(violations({ replicas: 4 }, rules)).toEqual([
      "replicas: 4 is above the policy's maximum of 3 for a cluster without an environment (policy otherEnvironments.replicas.max)",
    ]);
    expect(violations({ environment: 'staging', replicas: 4 }, rules)).toEqual([
      "replicas: 4 is above the policy's maximum of 3 for environment staging, which the policy does not list (policy otherEnvironments.replicas.max)",
    ]);
  });

  it('without otherEnvironments, a cluster must be in one of the listed environments', () => {
    const strict = { environments: rules.environments };
    expect(violations({ environment: 'staging' }, strict)).toEqual([
      "environment: staging is not one of the policy's environments, and the policy has no otherEnvironments (policy environments): use one of prod, dev",
    ]);
    expect(violations({}, strict)).toEqual([
      'environment: is required by the policy, which has rules per environment and none for clusters without one (policy environments): give one of prod, dev',
    ]);
    expect(violations({ environment: 'dev' }, strict)).toEqual([]);
  });

  it('an environment named like an Object property is still only a name', () => {
    expect(
      violations(
        { environment: 'constructor' },
        { environments: { prod: {} } },
      ),
    ).toEqual([
      "environment: constructor is not one of the policy's environments, and the policy has no otherEnvironments (policy environments): use one of prod",
    ]);
  });
});

describe('checkPolicy: allowed namespaces per owner', () => {
  const rules = {
    namespaces: [
      { owner: 'group:default/orders', allowed: ['orders', 'orders-*'] },
      { owner: 'group:default/payments', allowed: ['billing'] },
      { owner: '*', allowed: ['sandbox-*'] },
    ],
  };

  it('passes a namespace by name or pattern, the owner written any way the values allow', () => {
    expect(violations({ namespace: 'orders' }, rules)).toEqual([]);
    expect(violations({ namespace: 'orders-staging' }, rules)).toEqual([]);
    expect(
      violations({ namespace: 'orders', owner: 'group:Orders' }, rules),
    ).toEqual([]);
    expect(violations({ namespace: 'orders', owner: 'orders' }, rules)).toEqual(
      [],
    );
    // Any owner may use the sandbox.
    expect(
      violations({ namespace: 'sandbox-1', owner: 'user:default/jane' }, rules),
    ).toEqual([]);
  });

  it("refuses another team's namespace, naming the allowed ones and the rules", () => {
    expect(violations({ namespace: 'billing' }, rules)).toEqual([
      'namespace: billing is not one of the namespaces the policy allows group:default/orders (policy namespaces[0].allowed, namespaces[2].allowed): orders, orders-*, sandbox-*',
    ]);
    // A pattern matches the whole name: "orders-*" does not allow "orders2" or "x-orders-y".
    expect(violations({ namespace: 'orders2' }, rules)).toHaveLength(1);
    expect(violations({ namespace: 'x-orders-y' }, rules)).toHaveLength(1);
  });

  it('refuses an owner the policy names no namespaces for', () => {
    expect(
      violations(
        { namespace: 'orders', owner: 'group:default/analytics' },
        { namespaces: [rules.namespaces[0]] },
      ),
    ).toEqual([
      'namespace: orders is not allowed for group:default/analytics: the policy names no namespaces for that owner (policy namespaces); ask the platform team to add them, or choose another owner',
    ]);
  });
});

describe('checkPolicy: required labels', () => {
  const rules = {
    labels: { required: [{ key: 'cost-center' }] },
    environments: {
      prod: {
        labels: {
          required: [
            {
              key: 'example.com/data-classification',
              values: ['public', 'internal', 'confidential'],
            },
          ],
        },
      },
    },
    otherEnvironments: {},
  };

  it('passes the labels with allowed values', () => {
    expect(
      violations(
        {
          environment: 'prod',
          labels: {
            'cost-center': 'cc-1234',
            'example.com/data-classification': 'internal',
          },
        },
        rules,
      ),
    ).toEqual([]);
    // The environment's labels apply to that environment only.
    expect(violations({ labels: { 'cost-center': 'x' } }, rules)).toEqual([]);
  });

  it('refuses a missing label and a value outside the allowed ones', () => {
    expect(violations({ environment: 'prod' }, rules)).toEqual([
      'labels.cost-center: is required by the policy (policy labels.required[0]); add it to labels',
      'labels["example.com/data-classification"]: is required by the policy for environment prod (policy environments.prod.labels.required[0]); add it to labels with one of: public, internal, confidential',
    ]);
    expect(
      violations(
        {
          environment: 'prod',
          labels: {
            'cost-center': 'cc-1',
            'example.com/data-classification': 'secret',
          },
        },
        rules,
      ),
    ).toEqual([
      'labels["example.com/data-classification"]: secret is not one of the values the policy allows for environment prod (policy environments.prod.labels.required[0].values): public, internal, confidential',
    ]);
  });

  it('reads the KafkaConnect labels only, not the pod labels', () => {
    expect(
      violations({ pod: { labels: { 'cost-center': 'cc-1' } } }, rules),
    ).toEqual([
      'labels.cost-center: is required by the policy (policy labels.required[0]); add it to labels',
    ]);
  });
});

describe('checkPolicy: every rule at once', () => {
  it('reports each violation once, in one run', () => {
    const lines = violations(
      {
        namespace: 'billing',
        replicas: 9,
        ...plugins(maven('io.confluent', 'kafka-connect-jdbc', '10.7.4')),
      },
      {
        namespaces: [{ owner: 'group:default/orders', allowed: ['orders'] }],
        labels: { required: [{ key: 'team' }] },
        otherEnvironments: { replicas: { max: 3 } },
        plugins: { allowed: [] },
      },
    );
    expect(lines.map(line => line.split(':')[0])).toEqual([
      'namespace',
      'replicas',
      'labels.team',
      'plugins[0].artifacts[0]',
    ]);
  });
});
