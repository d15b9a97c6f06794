import { formatProblem } from '../problems';
import { parsePolicy } from './parse';

function problems(document: unknown): string[] {
  const parsed = parsePolicy(document);
  return parsed.ok ? [] : parsed.problems.map(formatProblem);
}

const HEADER = {
  apiVersion: 'connect-skeleton/policy/v1',
  kind: 'KafkaConnectPolicy',
};

describe('parsePolicy: the policy document', () => {
  it('accepts the smallest policy, which allows everything', () => {
    expect(parsePolicy(HEADER)).toEqual({ ok: true, policy: HEADER });
  });

  it('refuses anything but a mapping, and a document of another version or kind', () => {
    expect(problems([1])).toEqual([
      '(values): a policy must be a YAML mapping with apiVersion: connect-skeleton/policy/v1 and kind: KafkaConnectPolicy (see docs/policy.md)',
    ]);
    expect(
      problems({ apiVersion: 'connect-skeleton/policy/v2', kind: 'Policy' }),
    ).toEqual([
      'apiVersion: must be one of: "connect-skeleton/policy/v1"',
      'kind: must be one of: "KafkaConnectPolicy"',
    ]);
  });

  it('names every unknown field by its policy path', () => {
    expect(
      problems({
        ...HEADER,
        plugin: {},
        environments: { prod: { replicas: { mni: 2 } } },
        plugins: {
          allowed: [{ url: 'https://x.example.com/a.jar', sha: 'x' }],
        },
      }),
    ).toEqual([
      'plugins.allowed[0].sha: unknown policy field; remove it or check its spelling against docs/policy.md',
      'environments.prod.replicas.mni: unknown policy field; remove it or check its spelling against docs/policy.md',
      'plugin: unknown policy field; remove it or check its spelling against docs/policy.md',
    ]);
  });

  it('refuses rules that could never be met or would allow more than they say', () => {
    expect(
      problems({
        ...HEADER,
        plugins: {
          allowed: [
            { group: 'io.debezium', artifact: '*', version: '[3.0,2.0)' },
            { urlPrefix: 'https://repo.example.com' },
            { url: 'https://x.example.com/a.jar', group: 'x', artifact: 'y' },
            { group: 'io.debezium' },
            {
              urlPrefix: 'https://repo.example.com/',
              sha512sum: 'a'.repeat(128),
            },
          ],
        },
        environments: {
          prod: {
            replicas: { min: 3, max: 2 },
            resources: { requests: { memory: { min: '2Gi', max: '1024Mi' } } },
          },
          Prod: {},
        },
        namespaces: [{ owner: 'group:default/orders', allowed: ['Orders'] }],
      }),
    ).toEqual([
      'plugins.allowed[0].version: [3.0,2.0) is empty or unbounded on a closed side: write [low,high) with low ≤ high, (,high] or [low,)',
      'plugins.allowed[1].urlPrefix: must end with "/" (e.g. https://repo1.maven.org/maven2/io/debezium/), so that it cannot also allow another host or a longer folder name',
      'plugins.allowed[2]: must be one of: Maven coordinates (group and artifact, optionally version and repository), url (optionally with sha512sum), or urlPrefix',
      'plugins.allowed[3].artifact: is required for Maven coordinates (use "*" for any artifact)',
      'plugins.allowed[4].sha512sum: goes with url only: it is the checksum of that one file',
      'namespaces[0].allowed[0]: must be a namespace name, or a pattern with "*" such as orders-*',
      'environments.prod.replicas.min: must not be above max (2)',
      'environments.prod.resources.requests.memory.min: must not be above max (1024Mi)',
      expect.stringMatching(
        /^environments\.Prod: has a key that must be a DNS-1123 label/,
      ),
    ]);
  });
});
