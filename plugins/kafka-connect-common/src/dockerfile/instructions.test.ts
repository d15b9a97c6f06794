import { execFileSync, spawnSync } from 'node:child_process';
import { DockerfileValueError } from './errors';
import { Instruction, serialiseDockerfile } from './instructions';
import {
  command,
  failWith,
  forEach,
  orElse,
  redirected,
  output,
  pipeline,
  serialiseShellCommand,
  variable,
  WILDCARD,
} from './shellCommands';

const serialise = (...instructions: Instruction[]) =>
  serialiseDockerfile(instructions);

describe('serialiseShellCommand', () => {
  it('quotes every argv word and joins pipes', () => {
    expect(
      serialiseShellCommand(
        pipeline(
          command('printf', '%s  %s\\n', 'abc', 'my file'),
          command('sha512sum', '--strict', '-c', '-'),
        ),
      ),
    ).toBe("printf '%s  %s\\n' abc 'my file' | sha512sum --strict -c -");
  });

  it('writes deliberate variables double-quoted and unset-checked when required', () => {
    expect(
      serialiseShellCommand(
        command(
          'cp',
          [variable('JAVA_HOME', { required: true }), '/lib/security/cacerts'],
          [variable('x'), ' y'],
        ),
      ),
    ).toBe('cp "${JAVA_HOME:?}"/lib/security/cacerts "${x}"\' y\'');
  });

  it('refuses variable names that are not names', () => {
    expect(() =>
      serialiseShellCommand(command('echo', [variable('A;id')])),
    ).toThrow(DockerfileValueError);
  });

  it('writes command output and loops as structure', () => {
    expect(
      serialiseShellCommand(
        command('echo', [output(command('cut', '-c', '1-40', 'f.sha1'))]),
      ),
    ).toBe('echo "$(cut -c 1-40 f.sha1)"');
    expect(
      serialiseShellCommand(
        forEach(
          'part',
          [[WILDCARD]],
          [command('echo', ["it's-", variable('part')])],
        ),
      ),
    ).toBe("for part in *; do echo 'it'\\''s-'\"${part}\" || exit 1; done");
  });

  it('writes redirections, or-else and fail groups that sh runs as meant', () => {
    const script = serialiseShellCommand(
      orElse(
        command('false'),
        failWith("it's $(id) broken", command('echo', 'more')),
      ),
    );
    expect(script).toBe(
      "{ false || { printf '%s\\n' 'it'\\''s '\\$'(id) broken' >&2; echo more >&2; exit 1; }; }",
    );
    const run = spawnSync('sh', ['-c', `${script} && echo after`], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe("it's $(id) broken\nmore\n");
    expect(run.stdout).toBe('');
    // The group keeps a later `&&` from running after an earlier failure was handled.
    const handled = serialiseShellCommand(
      orElse(
        command('false'),
        redirected(command('printf', 'x'), { kind: 'append', path: 'a b' }),
      ),
    );
    expect(handled).toBe("{ false || printf x >> 'a b'; }");
    expect(
      serialiseShellCommand(
        redirected(command('echo', 'x'), { kind: 'write', path: '$f' }),
      ),
    ).toBe("echo x > \\$'f'");
  });

  it('quotes a command name that sh would read as syntax', () => {
    expect(serialiseShellCommand(command('A=b', 'c'))).toBe("'A=b' c");
  });

  it('produces words sh reads back exactly', () => {
    const hostile = ["a'b", '$(id)', '`id`', 'x y', ''];
    const script = serialiseShellCommand(
      command('printf', '[%s]', ...hostile, [
        'pre-',
        variable('HOME'),
        "-'post",
      ]),
    );
    const home = process.env.HOME ?? '';
    expect(execFileSync('sh', ['-c', script], { encoding: 'utf8' })).toBe(
      `${hostile.map(h => `[${h}]`).join('')}[pre-${home}-'post]`,
    );
  });
});

describe('serialiseDockerfile', () => {
  it('ends every line with LF and the file with one newline', () => {
    const text = serialise(
      { kind: 'from', image: 'quay.io/strimzi/kafka:0.45.0-kafka-3.9.0' },
      { kind: 'user', user: '1001' },
    );
    expect(text).toBe(
      'FROM quay.io/strimzi/kafka:0.45.0-kafka-3.9.0\nUSER 1001\n',
    );
    expect(text).not.toContain('\r');
  });

  it('writes one command per RUN line, joined by && after a continuation', () => {
    expect(
      serialise({
        kind: 'run',
        commands: [command('mkdir', '-p', '/a b'), command('cd', '/a b')],
      }),
    ).toBe("RUN mkdir -p '/a b' \\\n    && cd '/a b'\n");
  });

  it('switches RUN to exec form when a value holds a line break, so it cannot start a new instruction', () => {
    const value = 'x\nRUN id\n# comment\r\n';
    const text = serialise({
      kind: 'run',
      commands: [command('printf', '%s', value), command('true')],
    });
    expect(text.split('\n')).toHaveLength(2); // one line plus the final newline
    const argv = JSON.parse(text.slice('RUN '.length));
    expect(argv.slice(0, 2)).toEqual(['/bin/sh', '-c']);
    expect(execFileSync('sh', ['-c', argv[2]], { encoding: 'utf8' })).toBe(
      value,
    );
  });

  it('never lets a value ending in a backslash continue the instruction', () => {
    const text = serialise(
      { kind: 'label', labels: [['k', 'v\\']] },
      { kind: 'run', commands: [command('printf', '%s', 'x\\')] },
      { kind: 'user', user: '1001' },
    );
    expect(text).toBe(
      "LABEL k='v'\\\\''\nRUN printf %s 'x'\\\\''\nUSER 1001\n",
    );
  });

  it('turns every line of a comment into a comment line', () => {
    expect(
      serialise({ kind: 'comment', text: 'one\nRUN id\r\n\nthree  ' }),
    ).toBe('# one\n# RUN id\n#\n# three\n');
  });

  it('quotes LABEL and ENV values with shellQuote, which Docker reads like sh (no $ expansion)', () => {
    expect(
      serialise({
        kind: 'label',
        labels: [
          ['org.opencontainers.image.title', "it's $HOME"],
          ['plain', 'v1.0'],
        ],
      }),
    ).toBe(
      "LABEL org.opencontainers.image.title='it'\\''s '\\$'HOME' \\\n    plain=v1.0\n",
    );
    expect(serialise({ kind: 'env', variables: [['A_B', 'x y']] })).toBe(
      "ENV A_B='x y'\n",
    );
  });

  it('refuses what a Dockerfile cannot hold', () => {
    const refused: Instruction[] = [
      { kind: 'label', labels: [['k', 'a\nb']] },
      { kind: 'label', labels: [['k=v', 'x']] },
      { kind: 'label', labels: [["k'", 'x']] },
      { kind: 'env', variables: [['1A', 'x']] },
      { kind: 'from', image: 'kafka\nRUN id' },
      { kind: 'from', image: 'kafka $X' },
      { kind: 'user', user: '1001 ; id' },
      { kind: 'workdir', path: '/a b' },
      { kind: 'copy', sources: ['a'], destination: '$HOME' },
    ];
    for (const instruction of refused) {
      expect(() => serialise(instruction)).toThrow(DockerfileValueError);
    }
  });

  it('names a build stage and copies from it', () => {
    expect(
      serialise(
        {
          kind: 'from',
          image: 'quay.io/strimzi/maven-builder:0.45.0',
          stage: 'maven-artifacts',
        },
        {
          kind: 'copy',
          from: 'maven-artifacts',
          sources: ['/tmp/a/'],
          destination: '/opt/kafka/plugins/p/0/',
        },
      ),
    ).toBe(
      'FROM quay.io/strimzi/maven-builder:0.45.0 AS maven-artifacts\nCOPY --from=maven-artifacts /tmp/a/ /opt/kafka/plugins/p/0/\n',
    );
    expect(() =>
      serialise({ kind: 'from', image: 'x', stage: 'Bad Stage' }),
    ).toThrow(DockerfileValueError);
    expect(() =>
      serialise({ kind: 'copy', from: '$X', sources: ['a'], destination: 'b' }),
    ).toThrow(DockerfileValueError);
  });

  it('writes WORKDIR and COPY with plain paths', () => {
    expect(
      serialise(
        { kind: 'workdir', path: '/opt/kafka' },
        {
          kind: 'copy',
          sources: ['a.jar', 'b.jar'],
          destination: '/opt/kafka/plugins/x/',
          chown: '1001:0',
        },
      ),
    ).toBe(
      'WORKDIR /opt/kafka\nCOPY --chown=1001:0 a.jar b.jar /opt/kafka/plugins/x/\n',
    );
  });
});
