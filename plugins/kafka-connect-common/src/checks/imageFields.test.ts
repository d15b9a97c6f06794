import { renderCluster, RenderedCluster, validateValues } from '../skeleton';

/** The shapes of the image fields, the per-release builder options, `other` artifacts. */

const SHA512 = 'ab'.repeat(64);
const DIGEST = `sha256:${'0123456789abcdef'.repeat(4)}`;
const JAR = {
  type: 'jar',
  url: 'https://downloads.example.com/jdbc.jar',
  sha512sum: SHA512,
};

function values(
  image: Record<string, unknown>,
  more: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    name: 'orders',
    namespace: 'data',
    owner: 'group:default/data-platform',
    kafka: { bootstrapServers: 'kafka:9092' },
    image,
    plugins: [{ name: 'jdbc', artifacts: [JAR] }],
    ...more,
  };
}

function rendered(input: Record<string, unknown>): RenderedCluster {
  const cluster = renderCluster(input);
  if (!cluster.ok) throw new Error(JSON.stringify(cluster.problems));
  return cluster.value;
}

const kafkaConnect = (input: Record<string, unknown>): any =>
  rendered(input).objects.find(o => o.kind === 'KafkaConnect');

const paths = (input: Record<string, unknown>) =>
  validateValues(input).map(p => p.path);

describe('image.name', () => {
  it.each([
    'registry:5000/team/kafka-connect',
    '123456789012.dkr.ecr.ap-northeast-2.amazonaws.com/data/kafka-connect',
    'localhost/kafka-connect',
    'kafka-connect',
    'ghcr.io/acme/kafka__connect',
    'Registry.Example.COM:443/team/a.b_c--d',
  ])('takes %s', name => {
    const spec = kafkaConnect(values({ name, tag: '1.0' })).spec;
    expect(spec.image).toBe(`${name}:1.0`);
  });

  it.each([
    ['a tag in the name', 'registry.example.com/team/x:1.0'],
    ['a digest in the name', `registry.example.com/team/x@${DIGEST}`],
    ['upper case in the path', 'registry.example.com/Team/x'],
    ['an empty path component', 'registry.example.com//x'],
    ['a trailing slash', 'registry.example.com/x/'],
    ['a leading dash', '-x'],
    ['a space', 'registry.example.com/x y'],
    ['a scheme', 'https://registry.example.com/x'],
  ])('refuses %s', (_label, name) => {
    expect(paths(values({ name }))).toEqual(['image.name']);
  });

  it('checks a long hostile name quickly (no backtracking blow-up)', () => {
    const started = performance.now();
    for (const name of [
      `${'a-'.repeat(120)}!`,
      `${'a.'.repeat(120)}-`,
      `${'a_'.repeat(120)}/`,
    ]) {
      expect(paths(values({ name, base: `${name}:x` }))).toEqual([
        'image.name',
        'image.base',
      ]);
    }
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('says only "too long" about a very long name', () => {
    expect(
      validateValues(values({ name: `${'a'.repeat(100_000)}\n` })),
    ).toEqual([
      { path: 'image.name', message: 'must be at most 255 characters long' },
    ]);
  });
});

describe('image.digest and image.base shapes', () => {
  it.each([
    ['upper-case hex', `sha256:${'AB'.repeat(32)}`],
    ['too short', 'sha256:abc'],
    ['another algorithm', `sha512:${'ab'.repeat(64)}`],
  ])('refuses a digest with %s', (_label, digest) => {
    expect(paths(values({ name: 'r.example.com/x', digest }))).toEqual([
      'image.digest',
    ]);
  });

  it.each([
    'quay.io/strimzi/kafka:0.45.0-kafka-3.9.0',
    `registry:5000/base/kafka@${DIGEST}`,
    `123456789012.dkr.ecr.eu-west-1.amazonaws.com/base/kafka:4.3.1@${DIGEST}`,
    'kafka',
  ])('takes the base %s as the Dockerfile FROM', base => {
    const dockerfile = rendered(
      values({ name: 'r.example.com/x', base }),
    ).files.find(f => f.path === 'Dockerfile')!.content;
    expect(dockerfile).toContain(`\nFROM ${base}\n`);
    expect(dockerfile).toContain('chosen base image (image.base)');
  });

  it.each([
    ['an empty tag', 'quay.io/strimzi/kafka:'],
    ['a short digest', 'quay.io/strimzi/kafka@sha256:abc'],
    ['a digest before the tag', `quay.io/strimzi/kafka@${DIGEST}:1.0`],
    ['a line break', 'quay.io/strimzi/kafka:1\nRUN id'],
  ])('refuses a base with %s', (_label, base) => {
    expect(paths(values({ name: 'r.example.com/x', base }))).toEqual([
      'image.base',
    ]);
  });

  it('keeps the Strimzi header and FROM when no base is chosen', () => {
    const dockerfile = rendered(values({ name: 'r.example.com/x' })).files.find(
      f => f.path === 'Dockerfile',
    )!.content;
    expect(dockerfile).toContain(
      '\nFROM quay.io/strimzi/kafka:1.2.0-kafka-4.3.1\n',
    );
    expect(dockerfile).toContain('The Strimzi Kafka image plus');
  });

  it.each(['dockerfile', 'strimzi'])(
    'refuses a base that is the image the build makes (build %s)',
    build => {
      const problems = validateValues(
        values({
          name: 'r.example.com/x',
          tag: '1.0',
          base: 'r.example.com/x:1.0',
          build,
        }),
      );
      expect(problems).toEqual([
        { path: 'image.base', message: expect.stringContaining('own result') },
      ]);
    },
  );

  it('gives a Strimzi build a new derived tag when the base changes, and not otherwise', () => {
    const tagOf = (image: Record<string, unknown>) =>
      kafkaConnect(
        values({ build: 'strimzi', name: 'r.example.com/x', ...image }),
      ).spec.build.output.image;
    const plain = tagOf({});
    expect(tagOf({ pushSecret: 'push' })).toBe(plain);
    expect(tagOf({ base: 'quay.io/strimzi/kafka:1.2.0-kafka-4.3.1' })).not.toBe(
      plain,
    );
  });
});

describe('image.buildOptions on each release', () => {
  const strimziBuild = (version: string, buildOptions: string[]) =>
    values(
      { build: 'strimzi', name: 'r.example.com/x', buildOptions },
      { strimzi: { version } },
    );

  it.each([
    ['0.45.0', 'additionalKanikoOptions'],
    ['0.48.0', 'additionalKanikoOptions'],
    // From 0.49.0 the operator reads additionalBuildOptions (in v1beta2 too) and, with
    // Buildah, ignores additionalKanikoOptions.
    ['0.49.0', 'additionalBuildOptions'],
    ['0.51.0', 'additionalBuildOptions'],
    ['1.0.0', 'additionalBuildOptions'],
    ['1.2.0', 'additionalBuildOptions'],
  ])('Strimzi %s renders them as %s', (version, field) => {
    const output = kafkaConnect(
      strimziBuild(version, ['--verbosity=debug', '--reproducible']),
    ).spec.build.output;
    expect(output[field]).toEqual(['--verbosity=debug', '--reproducible']);
    expect(Object.keys(output).filter(k => k.startsWith('additional'))).toEqual(
      [field],
    );
  });

  it.each([
    ['0.45.0', '--ignore-path=/var/run', false],
    ['0.46.0', '--ignore-path=/var/run', true],
    ['0.48.0', '--retry=3', false],
    ['0.49.0', '--retry=3', true],
    ['1.2.0', '--registry-mirror=mirror.gcr.io', true],
    ['1.2.0', '--tls-verify=false', true],
    ['1.2.0', '--build-arg=X=1', false],
    ['1.2.0', '--destination=r.example.com/other:1', false],
    ['0.45.0', '--customPlatform=linux/arm64', true],
  ])('Strimzi %s, %s: allowed %s', (version, option, allowed) => {
    const refused = {
      path: 'image.buildOptions[0]',
      message: expect.stringContaining(`Strimzi ${version}'s build refuses`),
    };
    expect(validateValues(strimziBuild(version, [option]))).toEqual(
      allowed ? [] : [refused],
    );
  });

  it('refuses credentials in plain text even where the builder takes them', () => {
    expect(
      validateValues(
        strimziBuild('1.2.0', [
          '--creds=user:secret',
          '--decryption-key=/keys/k.pem:passphrase',
          '--decryption-key=/keys/k.pem',
        ]),
      ),
    ).toEqual([
      {
        path: 'image.buildOptions[0]',
        message: expect.stringContaining('image.pushSecret'),
      },
      {
        path: 'image.buildOptions[1]',
        message: expect.stringContaining('passphrase'),
      },
    ]);
  });

  it.each([
    ['a value as its own entry', 'mirror.gcr.io'],
    ['a space', '--registry-mirror=a b'],
    ['a shell substitution', '--registry-mirror=$(id)'],
    ['a quote', "--log-format='json'"],
    ['a single dash', '-v'],
  ])(
    'refuses an option with %s (Buildah runs them in bash)',
    (_label, option) => {
      expect(
        paths(strimziBuild('1.2.0', ['--verbosity=info', option])),
      ).toEqual(['image.buildOptions[1]']);
    },
  );
});

describe('image.pullSecrets', () => {
  it('become the pods imagePullSecrets in every build mode', () => {
    for (const build of ['dockerfile', 'strimzi']) {
      const spec = kafkaConnect(
        values({ build, name: 'r.example.com/x', pullSecrets: ['a', 'b.c'] }),
      ).spec;
      expect(spec.template.pod.imagePullSecrets).toEqual([
        { name: 'a' },
        { name: 'b.c' },
      ]);
    }
  });

  it('refuses a Secret named twice and a name Kubernetes would refuse', () => {
    expect(
      paths(values({ name: 'r.example.com/x', pullSecrets: ['a', 'B', 'a'] })),
    ).toEqual(['image.pullSecrets[1]']);
    expect(
      validateValues(
        values({ name: 'r.example.com/x', pullSecrets: ['a', 'a'] }),
      ),
    ).toEqual([
      {
        path: 'image.pullSecrets[1]',
        message: 'a is listed twice; remove one',
      },
    ]);
  });
});

describe('other artifacts', () => {
  const other = (artifact: Record<string, unknown>, build = 'dockerfile') =>
    values(
      { build, name: 'r.example.com/x' },
      {
        plugins: [
          {
            name: 'oracle',
            artifacts: [JAR, { type: 'other', sha512sum: SHA512, ...artifact }],
          },
        ],
      },
    );

  it('land in the Dockerfile under their own folder, named after the URL', () => {
    const dockerfile = rendered(
      other({ url: 'https://downloads.example.com/lib/libocijdbc21.so?v=2' }),
    ).files.find(f => f.path === 'Dockerfile')!.content;
    expect(dockerfile).toContain('&& mkdir 1 \\');
    expect(dockerfile).toContain(
      "--output 1/libocijdbc21.so --url 'https://downloads.example.com/lib/libocijdbc21.so?v=2'",
    );
    expect(dockerfile).toContain(
      `printf '%s  %s\\n' ${SHA512} 1/libocijdbc21.so`,
    );
  });

  it('take the given fileName', () => {
    const dockerfile = rendered(
      other({
        url: 'https://downloads.example.com/download?id=7',
        fileName: 'ojdbc11.jar',
      }),
    ).files.find(f => f.path === 'Dockerfile')!.content;
    expect(dockerfile).toContain('--output 1/ojdbc11.jar');
  });

  it("go to Strimzi's build with the file name written out", () => {
    const artifacts = kafkaConnect(
      other(
        { url: 'https://downloads.example.com/lib/ojdbc11.jar' },
        'strimzi',
      ),
    ).spec.build.plugins[0].artifacts;
    expect(artifacts[1]).toEqual({
      type: 'other',
      url: 'https://downloads.example.com/lib/ojdbc11.jar',
      sha512sum: SHA512,
      fileName: 'ojdbc11.jar',
    });
  });

  it.each([
    ['a URL that ends in a folder', 'https://downloads.example.com/lib/'],
    ['a URL without a path', 'https://downloads.example.com'],
    ['a percent-encoded name', 'https://downloads.example.com/my%20lib.so'],
    ['a dot file', 'https://downloads.example.com/.hidden'],
  ])('need a fileName for %s', (_label, url) => {
    for (const build of ['dockerfile', 'strimzi']) {
      expect(validateValues(other({ url }, build))).toEqual([
        {
          path: 'plugins[0].artifacts[1].fileName',
          message: expect.stringContaining('give one'),
        },
      ]);
    }
  });

  it.each(['../x', 'a/b', '.x', '-rf', 'a b'])(
    'refuse the fileName %s',
    fileName => {
      expect(
        paths(other({ url: 'https://downloads.example.com/x.so', fileName })),
      ).toEqual(['plugins[0].artifacts[1].fileName']);
    },
  );

  it('need a checksum, like every URL artifact', () => {
    const input = other({ url: 'https://downloads.example.com/x.so' });
    const plugin = (input.plugins as any[])[0];
    delete plugin.artifacts[1].sha512sum;
    expect(paths(input)).toEqual(['plugins[0].artifacts[1].sha512sum']);
  });
});

describe('the README and the render summary', () => {
  it('name a prebuilt image and its pull Secrets', () => {
    const cluster = rendered({
      ...values({
        name: 'r.example.com/x',
        tag: '2.0',
        digest: DIGEST,
        pullSecrets: ['regcred'],
      }),
      plugins: [],
    });
    expect(cluster.image).toEqual({
      reference: `r.example.com/x:2.0@${DIGEST}`,
      source: 'prebuilt',
    });
    const readme = cluster.files.find(f => f.path === 'README.md')!.content;
    expect(readme).toContain(
      `runs the team's own image \`r.example.com/x:2.0@${DIGEST}\``,
    );
    expect(readme).toContain('`regcred`');
  });

  it("name the chosen base of Strimzi's build", () => {
    const readme = rendered(
      values({
        build: 'strimzi',
        name: 'r.example.com/x',
        base: 'r.example.com/base:1',
      }),
    ).files.find(f => f.path === 'README.md')!.content;
    expect(readme).toContain('It starts from `r.example.com/base:1`');
  });
});

describe("what Strimzi's build takes in spec.build.plugins", () => {
  const plugin = (name: string, url = JAR.url) =>
    values(
      { build: 'strimzi', name: 'r.example.com/x' },
      { plugins: [{ name, artifacts: [{ ...JAR, url }] }] },
    );

  it.each(['a', 'debezium.pg'])(
    'refuses the plugin name %s, which the CRD refuses',
    name => {
      expect(paths(plugin(name))).toEqual(['plugins[0].name']);
      // The Dockerfile build takes it: it is only a folder name there.
      const input = plugin(name);
      (input.image as Record<string, unknown>).build = 'dockerfile';
      expect(paths(input)).toEqual([]);
    },
  );

  it.each(['https://x.example.com/a.jar?', 'https://x.example.com/a.'])(
    'refuses the URL %s, which the CRD pattern refuses',
    url => {
      expect(paths(plugin('jdbc', url))).toEqual([
        'plugins[0].artifacts[0].url',
      ]);
    },
  );
});
