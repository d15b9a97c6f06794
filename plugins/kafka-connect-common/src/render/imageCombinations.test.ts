import { renderCluster, RenderedCluster } from '../skeleton';

/**
 * Every image field in every combination of build mode and content (nothing to build,
 * plugins, certificates, both): each cell either renders, with the field visibly in the
 * output, or is refused with a problem at the field's path. The same table is written
 * out in docs/values.md ("The image"); nothing given is dropped silently.
 */

const NAME = 'registry.example.com:5000/data/orders-connect';
const DIGEST = `sha256:${'0123456789abcdef'.repeat(4)}`;
const BASE_IMAGE =
  '123456789012.dkr.ecr.eu-west-1.amazonaws.com/base/kafka:4.3.1';
const SHA512 = 'ab'.repeat(64);

const CONTENTS = {
  nothing: {},
  plugins: {
    plugins: [
      {
        name: 'jdbc',
        artifacts: [
          {
            type: 'jar',
            url: 'https://downloads.example.com/jdbc.jar',
            sha512sum: SHA512,
          },
        ],
      },
    ],
  },
  certificates: {
    truststore: {
      certificates: [
        { name: 'corp-ca', url: 'https://pki.example.com/ca.pem' },
      ],
    },
  },
} as const;
type Content = 'nothing' | 'plugins' | 'certificates' | 'both';

function contentOf(content: Content) {
  if (content === 'both')
    return { ...CONTENTS.plugins, ...CONTENTS.certificates };
  return CONTENTS[content];
}

/** The image sections tried, each with one field (or one pair) more than the plain ones. */
const IMAGES: Record<string, Record<string, unknown>> = {
  none: {},
  name: { name: NAME },
  'name+tag': { name: NAME, tag: '2.1.0' },
  'name+digest': { name: NAME, digest: DIGEST },
  'name+tag+digest': { name: NAME, tag: '2.1.0', digest: DIGEST },
  tag: { tag: '2.1.0' },
  digest: { digest: DIGEST },
  'name+tag+base': { name: NAME, tag: '2.1.0', base: BASE_IMAGE },
  'name+tag+pushSecret': { name: NAME, tag: '2.1.0', pushSecret: 'push-creds' },
  'name+tag+buildOptions': {
    name: NAME,
    tag: '2.1.0',
    buildOptions: ['--verbosity=debug', '--retry=3'],
  },
  'name+tag+pullSecrets': {
    name: NAME,
    tag: '2.1.0',
    pullSecrets: ['pull-a', 'pull-b'],
  },
  base: { base: BASE_IMAGE },
  pushSecret: { pushSecret: 'push-creds' },
  buildOptions: { buildOptions: ['--verbosity=debug'] },
  pullSecrets: { pullSecrets: ['pull-a'] },
};

/** What happens: who makes the image, or the sorted paths of the problems. */
type Outcome =
  | 'strimzi-image'
  | 'prebuilt'
  | 'dockerfile'
  | 'strimzi-build'
  | readonly string[];

const T = 'image.tag';
const D = 'image.digest';
const N = 'image.name';
const B = 'image.base';
const PS = 'image.pushSecret';
const BO = 'image.buildOptions';
const CERTS = 'truststore.certificates';

/** Nothing to build: the same in both build modes. */
const NOTHING: Record<string, Outcome> = {
  none: 'strimzi-image',
  name: [T],
  'name+tag': 'prebuilt',
  'name+digest': 'prebuilt',
  'name+tag+digest': 'prebuilt',
  tag: [T],
  digest: [D],
  'name+tag+base': [B],
  'name+tag+pushSecret': [PS],
  'name+tag+buildOptions': [BO],
  'name+tag+pullSecrets': 'prebuilt',
  base: [B],
  pushSecret: [PS],
  buildOptions: [BO],
  pullSecrets: 'strimzi-image',
};

/** CI builds the Dockerfile: plugins, certificates or both. */
const DOCKERFILE: Record<string, Outcome> = {
  none: [N],
  name: 'dockerfile',
  'name+tag': 'dockerfile',
  'name+digest': [D],
  'name+tag+digest': [D],
  tag: [N],
  digest: [D, N],
  'name+tag+base': 'dockerfile',
  'name+tag+pushSecret': [PS],
  'name+tag+buildOptions': [BO],
  'name+tag+pullSecrets': 'dockerfile',
  base: [N],
  pushSecret: [N, PS],
  buildOptions: [BO, N],
  pullSecrets: [N],
};

/** Strimzi builds: plugins only (certificates add their own problem). */
const STRIMZI: Record<string, Outcome> = {
  none: 'strimzi-build',
  name: 'strimzi-build',
  'name+tag': 'strimzi-build',
  'name+digest': [D],
  'name+tag+digest': [D],
  tag: 'strimzi-build',
  digest: [D],
  'name+tag+base': 'strimzi-build',
  'name+tag+pushSecret': 'strimzi-build',
  'name+tag+buildOptions': 'strimzi-build',
  'name+tag+pullSecrets': 'strimzi-build',
  base: 'strimzi-build',
  pushSecret: [PS],
  buildOptions: [BO],
  pullSecrets: 'strimzi-build',
};

function expected(
  build: 'dockerfile' | 'strimzi',
  content: Content,
  image: string,
): Outcome {
  if (content === 'nothing') return NOTHING[image];
  if (build === 'dockerfile') return DOCKERFILE[image];
  if (content === 'plugins') return STRIMZI[image];
  // Strimzi's build cannot add a truststore: that problem joins whatever else there is.
  const withPlugins = STRIMZI[image];
  return typeof withPlugins === 'string'
    ? [CERTS]
    : [...withPlugins, CERTS].sort();
}

function render(
  build: 'dockerfile' | 'strimzi',
  content: Content,
  image: Record<string, unknown>,
) {
  return renderCluster({
    name: 'orders',
    namespace: 'data',
    owner: 'group:default/data-platform',
    kafka: { bootstrapServers: 'kafka:9092' },
    image: { ...image, build },
    ...contentOf(content),
  });
}

const kafkaConnect = (cluster: RenderedCluster): any =>
  cluster.objects.find(o => o.kind === 'KafkaConnect');

const dockerfileOf = (cluster: RenderedCluster) =>
  cluster.files.find(f => f.path === 'Dockerfile')?.content;

/** The rendered cluster shows every given field where it belongs. */
function expectFieldsRendered(
  cluster: RenderedCluster,
  image: Record<string, any>,
  source: Outcome,
) {
  const spec = kafkaConnect(cluster).spec;
  expect(cluster.image.source).toBe(source);
  expect(spec.template?.pod?.imagePullSecrets).toEqual(
    image.pullSecrets?.map((name: string) => ({ name })),
  );
  switch (source) {
    case 'strimzi-image':
      expect(spec.image).toBeUndefined();
      expect(spec.build).toBeUndefined();
      expect(cluster.image.reference).toBe(
        'quay.io/strimzi/kafka:1.2.0-kafka-4.3.1',
      );
      break;
    case 'prebuilt': {
      const reference = `${image.name}${image.tag ? `:${image.tag}` : ''}${
        image.digest ? `@${image.digest}` : ''
      }`;
      expect(spec.image).toBe(reference);
      expect(spec.build).toBeUndefined();
      expect(dockerfileOf(cluster)).toBeUndefined();
      expect(cluster.image.reference).toBe(reference);
      break;
    }
    case 'dockerfile': {
      expect(spec.build).toBeUndefined();
      expect(spec.image).toMatch(
        image.tag ? `${image.name}:${image.tag}` : `${image.name}:1.2.0-kafka-`,
      );
      const from = dockerfileOf(cluster)!
        .split('\n')
        .find(l => l.startsWith('FROM '));
      expect(from).toBe(
        `FROM ${image.base ?? 'quay.io/strimzi/kafka:1.2.0-kafka-4.3.1'}`,
      );
      break;
    }
    case 'strimzi-build': {
      expect(dockerfileOf(cluster)).toBeUndefined();
      // Strimzi builds on spec.image: only there when a base is chosen.
      expect(spec.image).toBe(image.base);
      const output = spec.build.output;
      expect(output.type).toBe(image.name ? 'docker' : 'imagestream');
      expect(output.image).toMatch(
        image.name
          ? `${image.name}:${image.tag ?? '1.2.0-kafka-'}`
          : `orders-connect:${image.tag ?? '1.2.0-kafka-'}`,
      );
      expect(output.pushSecret).toBe(image.pushSecret);
      expect(output.additionalBuildOptions).toEqual(image.buildOptions);
      expect(output.additionalKanikoOptions).toBeUndefined();
      break;
    }
    default:
      throw new Error(`not a rendered outcome: ${JSON.stringify(source)}`);
  }
}

const CASES = (['dockerfile', 'strimzi'] as const).flatMap(build =>
  (['nothing', 'plugins', 'certificates', 'both'] as const).flatMap(content =>
    Object.keys(IMAGES).map(image => ({ build, content, image })),
  ),
);

describe('every image field in every combination', () => {
  it('covers both builds, four contents and every image field', () => {
    expect(CASES).toHaveLength(2 * 4 * 15);
    const fields = new Set(Object.values(IMAGES).flatMap(i => Object.keys(i)));
    expect([...fields].sort()).toEqual([
      'base',
      'buildOptions',
      'digest',
      'name',
      'pullSecrets',
      'pushSecret',
      'tag',
    ]);
  });

  it.each(CASES)('build $build, $content, image $image', c => {
    const outcome = expected(c.build, c.content, c.image);
    const cluster = render(c.build, c.content, IMAGES[c.image]);
    if (typeof outcome === 'string') {
      if (!cluster.ok) throw new Error(JSON.stringify(cluster.problems));
      expectFieldsRendered(cluster.value, IMAGES[c.image], outcome);
      return;
    }
    expect(cluster.ok).toBe(false);
    const problems = cluster.ok ? [] : cluster.problems;
    expect(problems.map(p => p.path).sort()).toEqual(outcome);
    for (const p of problems) {
      // One line that says what to do.
      expect(p.message).not.toMatch(/\n/);
      expect(p.message).toMatch(/remove|give|use|set|required|needs/);
    }
  });
});
