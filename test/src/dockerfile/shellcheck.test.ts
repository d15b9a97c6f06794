import { execFileSync } from 'node:child_process';
import {
  DockerfileInput,
  renderDockerfile,
} from '@connect-skeleton/plugin-kafka-connect-common';
import { dockerfileInstructions, runScripts } from './runScripts';
import { requireShellcheck, shellcheck, syntaxErrors } from './shellTools';

/**
 * Every RUN step of rendered Dockerfiles, judged by shellcheck as POSIX sh (Docker runs
 * shell-form RUN with /bin/sh -c) and parsed by sh -n, for ordinary and hostile values.
 */

const BASE_IMAGE = 'quay.io/strimzi/kafka:0.45.0-kafka-3.9.0';
const SHA512 = '0123456789abcdef'.repeat(8);

const ORDINARY: DockerfileInput = {
  baseImage: BASE_IMAGE,
  plugins: [
    {
      name: 'debezium-postgres',
      artifacts: [
        {
          type: 'tgz',
          url: 'https://repo1.maven.org/maven2/io/debezium/debezium-connector-postgres/2.7.3.Final/debezium-connector-postgres-2.7.3.Final-plugin.tar.gz',
          sha512sum: SHA512,
        },
        {
          type: 'maven',
          group: 'org.postgresql',
          artifact: 'postgresql',
          version: '42.7.4',
          repository: 'https://repo1.maven.org/maven2',
        },
      ],
    },
    {
      name: 'camel-http',
      artifacts: [
        {
          type: 'zip',
          url: 'https://example.com/camel.zip',
          sha512sum: SHA512,
        },
        {
          type: 'jar',
          url: 'https://example.com/x.jar?v=1',
          sha512sum: SHA512,
        },
        {
          type: 'other',
          url: 'https://example.com/lib/libnative.so',
          sha512sum: SHA512,
          fileName: 'libnative.so',
        },
      ],
    },
  ],
  certificates: [
    { name: 'corp-root', url: 'https://pki.example.com/root.pem' },
    { name: 'corp-issuing', url: 'https://pki.example.com/issuing.pem' },
  ],
  labels: { 'org.opencontainers.image.source': 'https://github.com/x/y' },
  checkedClasses: [
    {
      name: 'io.debezium.connector.postgresql.PostgresConnector',
      fields: ['connectors[0].class'],
    },
    { name: 'a.B$C', fields: ['connect.config["key.converter"]'] },
  ],
};

const HOSTILE_STRINGS = [
  '$(id)',
  '`id`',
  "'; id; '",
  '"; id; "',
  'a b\tc',
  '\\',
  '&& id ||',
  '| id',
  '*',
  '~root',
  '# no comment',
  '-rf',
  '${HOME}',
  'grüße 🚀',
];

const hostileUrl = (s: string) => `https://example.com/${s}/file`;

const HOSTILE: DockerfileInput = {
  baseImage: BASE_IMAGE,
  plugins: [
    ...HOSTILE_STRINGS.map((s, i) => ({
      name: `plugin ${i} ${s}`,
      artifacts: [
        { type: 'jar', url: hostileUrl(s), sha512sum: SHA512 },
        { type: 'tgz', url: `${hostileUrl(s)}.tgz`, sha512sum: SHA512 },
        { type: 'zip', url: `-o /etc/passwd ${s}`, sha512sum: SHA512 },
        {
          type: 'other',
          url: `${hostileUrl(s)}.so`,
          sha512sum: SHA512,
          fileName: `-rf ${s}`,
        },
      ] as DockerfileInput['plugins'][number]['artifacts'],
    })),
    // A Maven artifact's jars arrive by COPY, which cannot quote: its folder name is plain
    // (the schema allows no other), its coordinates and repository are hostile.
    ...HOSTILE_STRINGS.map((s, i) => ({
      name: `maven-${i}`,
      artifacts: [
        {
          type: 'maven' as const,
          group: `g.${s}`,
          artifact: s,
          version: s,
          repository: hostileUrl(s),
        },
      ],
    })),
  ],
  checkedClasses: HOSTILE_STRINGS.map((s, i) => ({
    name: `a.b.C${i}$Inner`,
    fields: [s, `connectors[${i}].config["${s}"]`],
  })),
  certificates: HOSTILE_STRINGS.map(s => ({ name: s, url: hostileUrl(s) })),
  labels: {
    ...Object.fromEntries(HOSTILE_STRINGS.map((s, i) => [`l${i}`, s])),
    // Last line of the LABEL instruction: a trailing backslash must not continue it.
    zz: 'ends in \\',
  },
};

/** Line breaks in values: the serialiser must keep each RUN step one instruction. */
const LINE_BREAKS: DockerfileInput = {
  baseImage: BASE_IMAGE,
  plugins: [
    {
      name: 'p\nRUN id',
      artifacts: [
        { type: 'jar', url: 'https://x/\nUSER root\n# x', sha512sum: SHA512 },
      ],
    },
  ],
  certificates: [{ name: 'ca\r\nRUN id', url: "https://x/'\n'$(id)" }],
};

interface Case {
  name: string;
  input: DockerfileInput;
  /** The instruction keywords expected, in order: a hostile value must not add any. */
  instructions: string[];
}

/** A chosen base image (image.base): a registry with a port, a tag and a digest. */
const CUSTOM_BASE: DockerfileInput = {
  ...ORDINARY,
  baseImage: `registry.example.com:5000/mirror/strimzi/kafka:0.45.0-kafka-3.9.0@sha256:${'0123456789abcdef'.repeat(
    4,
  )}`,
  customBase: true,
};

/** Builder stage, image stage: plugin 0 (RUN, then COPY of its Maven jars), plugin 1, truststore, class check. */
const ORDINARY_INSTRUCTIONS = [
  'FROM',
  'RUN',
  'FROM',
  'USER',
  'LABEL',
  'RUN',
  'COPY',
  'RUN',
  'RUN',
  'USER',
  'RUN',
];

const CASES: Case[] = [
  {
    name: 'ordinary values',
    input: ORDINARY,
    instructions: ORDINARY_INSTRUCTIONS,
  },
  {
    name: 'a custom base image and an other artifact',
    input: CUSTOM_BASE,
    instructions: ORDINARY_INSTRUCTIONS,
  },
  {
    name: 'no plugins and no certificates',
    input: { baseImage: BASE_IMAGE, plugins: [], certificates: [] },
    instructions: ['FROM', 'USER', 'USER'],
  },
  {
    name: 'hostile values ($(...), quotes, spaces, globs, options)',
    input: HOSTILE,
    instructions: [
      'FROM',
      ...HOSTILE_STRINGS.map(() => 'RUN'),
      'FROM',
      'USER',
      'LABEL',
      ...HOSTILE_STRINGS.map(() => 'RUN'),
      ...HOSTILE_STRINGS.map(() => 'COPY'),
      'RUN',
      'USER',
      'RUN',
    ],
  },
  {
    name: 'line breaks in values',
    input: LINE_BREAKS,
    instructions: ['FROM', 'USER', 'RUN', 'RUN', 'USER'],
  },
];

/** The instruction keywords, in order, as Docker's parser sees them. */
function keywords(dockerfile: string): string[] {
  return dockerfileInstructions(dockerfile).map(line => line.split(/\s/)[0]);
}

describe('rendered Dockerfile RUN steps', () => {
  it('can use shellcheck', () => {
    requireShellcheck();
    expect(
      execFileSync('shellcheck', ['--version'], { encoding: 'utf8' }),
    ).toContain('ShellCheck');
  });

  describe.each(CASES)('$name', ({ input, instructions }) => {
    const dockerfile = renderDockerfile(input);
    const scripts = runScripts(dockerfile);

    it('keeps the expected instructions, one per step', () => {
      expect(keywords(dockerfile)).toEqual(instructions);
      // The image's stage is the last one.
      expect(
        dockerfileInstructions(dockerfile)
          .filter(line => line.startsWith('FROM '))
          .at(-1),
      ).toBe(`FROM ${input.baseImage}`);
      expect(scripts).toHaveLength(
        instructions.filter(k => k === 'RUN').length,
      );
    });

    it('passes shellcheck -s sh with no findings', () => {
      requireShellcheck();
      for (const script of scripts) {
        expect({ script, findings: shellcheck(script) }).toEqual({
          script,
          findings: '',
        });
      }
    });

    it('parses with sh -n (and bash -n, the Strimzi image /bin/sh)', () => {
      for (const script of scripts) {
        expect({ script, sh: syntaxErrors('sh', script) }).toEqual({
          script,
          sh: '',
        });
        expect({ script, bash: syntaxErrors('bash', script) }).toEqual({
          script,
          bash: '',
        });
      }
    });
  });
});
