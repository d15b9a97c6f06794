import fs from 'fs';
import path from 'path';
import { parse } from 'yaml';
import {
  checkPolicy,
  formatProblem,
  parsePolicy,
  parseValues,
  Policy,
} from '@connect-skeleton/plugin-kafka-connect-common';

/**
 * The repository's example policy against every example cluster: which keep it, which break
 * it and why. A new example in examples/values must be added here with its outcome.
 */

const EXAMPLES = path.resolve(__dirname, '../../../examples');
const read = (file: string) =>
  parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8'));

function examplePolicy(): Policy {
  const parsed = parsePolicy(read('policy/kafka-connect-policy.yaml'));
  if (!parsed.ok) {
    throw new Error(parsed.problems.map(formatProblem).join('\n'));
  }
  return parsed.policy;
}

const EXPECTED: Record<string, string[]> = {
  // The seed cluster names no environment (otherEnvironments: at most 3 replicas; it has 1),
  // runs in the data platform's namespace, and uses Debezium archives under the allowed
  // Maven Central prefix and the two Confluent Hub zips with the reviewed checksums.
  'seed-0.45.0.yaml': [],
  'seed-1.2.0.yaml': [],
  // A production cluster of the orders team in a namespace that is not theirs, without the
  // requests, the memory limit and the labels production needs. Its Maven artifact
  // (debezium-connector-postgres 3.0.7.Final) is within [2.7,4.0) and passes.
  'orders-cdc.yaml': [
    'namespace: streaming is not one of the namespaces the policy allows group:default/orders (policy namespaces[1].allowed, namespaces[2].allowed): orders, orders-*, sandbox-*',
    'resources.requests.cpu: is not given; the policy requires a cpu request of at least 500m for environment prod (policy environments.prod.resources.requests.cpu.min)',
    'resources.requests.memory: is not given; the policy requires a memory request of at least 2Gi for environment prod (policy environments.prod.resources.requests.memory.min)',
    'resources.limits.memory: is not given, and no limit is no upper bound: the policy allows a memory limit of at most 16Gi for environment prod (policy environments.prod.resources.limits.memory.max)',
    'labels.cost-center: is required by the policy for environment prod (policy environments.prod.labels.required[0]); add it to labels',
    'labels.data-classification: is required by the policy for environment prod (policy environments.prod.labels.required[1]); add it to labels with one of: public, internal, confidential',
  ],
};

describe('the example policy (examples/policy/kafka-connect-policy.yaml)', () => {
  const policy = examplePolicy();
  const files = fs
    .readdirSync(path.join(EXAMPLES, 'values'))
    .filter(f => f.endsWith('.yaml'))
    .sort();

  it('has an expected outcome for every example cluster', () => {
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(files)('judges %s as expected', file => {
    const values = parseValues(read(`values/${file}`));
    if (!values.ok) {
      throw new Error(values.problems.map(formatProblem).join('\n'));
    }
    expect(checkPolicy(values.value.values, policy).map(formatProblem)).toEqual(
      EXPECTED[file],
    );
  });

  it('passes orders-cdc once it moves to its own namespace and gets what production needs', () => {
    const fixed = parseValues({
      ...read('values/orders-cdc.yaml'),
      namespace: 'orders-cdc',
      resources: {
        requests: { cpu: '1', memory: '4Gi' },
        limits: { memory: '4096Mi' },
      },
      labels: { 'cost-center': 'cc-4711', 'data-classification': 'internal' },
    });
    if (!fixed.ok) throw new Error('the fixed values must be valid');
    expect(checkPolicy(fixed.value.values, policy)).toEqual([]);
  });

  it('refuses the seed cluster in production with one replica and a plugin outside the policy', () => {
    const seed = read('values/seed-1.2.0.yaml');
    const changed = parseValues({
      ...seed,
      environment: 'prod',
      replicas: 1,
      resources: {
        requests: { cpu: '500m', memory: '2Gi' },
        limits: { memory: '2Gi' },
      },
      labels: { 'cost-center': 'cc-1', 'data-classification': 'public' },
      plugins: [
        ...seed.plugins,
        {
          name: 'jdbc',
          artifacts: [
            {
              type: 'maven',
              group: 'io.confluent',
              artifact: 'kafka-connect-jdbc',
              version: '10.7.4',
            },
          ],
        },
      ],
    });
    if (!changed.ok) {
      throw new Error(changed.problems.map(formatProblem).join('\n'));
    }
    expect(checkPolicy(changed.value.values, policy).map(p => p.path)).toEqual([
      'replicas',
      'plugins[4].artifacts[0]',
    ]);
  });
});

describe('the example in docs/policy.md', () => {
  it('is a valid policy, so the documentation shows no field the schema refuses', () => {
    const text = fs.readFileSync(
      path.resolve(__dirname, '../../../docs/policy.md'),
      'utf8',
    );
    const block = /```yaml\n([\s\S]*?)```/.exec(text)?.[1];
    expect(block).toBeDefined();
    const parsed = parsePolicy(parse(block!));
    expect(parsed.ok ? [] : parsed.problems.map(formatProblem)).toEqual([]);
  });
});
