import { DockerfileValueError } from './errors';
import { serialiseShellCommand, ShellCommand } from './shellCommands';
import { shellQuote } from './shellQuote';

/**
 * A small typed model of the Dockerfile instructions the renderer uses, and the one
 * serialiser from a list of them to text. Values are written per the Dockerfile's own
 * rules here and nowhere else.
 */

export type Instruction =
  | { kind: 'comment'; text: string }
  /** An empty line between groups of instructions, for the reader. */
  | { kind: 'blank' }
  /** `FROM image [AS stage]`: a named stage is a builder whose files a later COPY takes. */
  | { kind: 'from'; image: string; stage?: string }
  | { kind: 'user'; user: string }
  | { kind: 'workdir'; path: string }
  | {
      kind: 'copy';
      sources: readonly [string, ...string[]];
      destination: string;
      chown?: string;
      /** `--from=stage`: copy out of an earlier build stage instead of the build context. */
      from?: string;
    }
  | { kind: 'env'; variables: ReadonlyArray<readonly [string, string]> }
  | { kind: 'label'; labels: ReadonlyArray<readonly [string, string]> }
  | { kind: 'run'; commands: readonly [ShellCommand, ...ShellCommand[]] };

/** Joins the commands of a shell-form RUN step: one command per line, each after `&&`. */
const RUN_SEPARATOR = ' \\\n    && ';
/** Continues a LABEL or ENV instruction on the next line. */
const PAIR_SEPARATOR = ' \\\n    ';

/** `FROM` takes an image reference: registry/path:tag@digest characters only. */
const IMAGE_REFERENCE = /^[A-Za-z0-9][A-Za-z0-9._/:@-]*$/;
/** `USER name[:group]` or numeric ids. */
const USER_SPEC =
  /^[A-Za-z0-9_][A-Za-z0-9_.-]*(:[A-Za-z0-9_][A-Za-z0-9_.-]*)?$/;
/** Paths written bare in WORKDIR and COPY: no spaces, quotes, `$` or `\`, which those instructions interpret. */
const PLAIN_PATH = /^[A-Za-z0-9_@%+=:,./-]+$/;
/** Label keys: reverse-DNS names like org.opencontainers.image.source (no `=`, no quotes). */
const LABEL_KEY = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Build stage names: lower case, as Docker requires. */
const STAGE_NAME = /^[a-z][a-z0-9_.-]*$/;
const LINE_BREAK = /[\r\n]/;

/** Serialises instructions to Dockerfile text: LF line ends, one trailing newline. */
export function serialiseDockerfile(
  instructions: readonly Instruction[],
): string {
  return dockerfileText(instructions.map(serialiseInstruction));
}

/** Instructions already serialised, one by one, as Dockerfile text. */
export function dockerfileText(lines: readonly string[]): string {
  return `${lines.join('\n')}\n`;
}

export function serialiseInstruction(instruction: Instruction): string {
  switch (instruction.kind) {
    case 'comment':
      return serialiseComment(instruction.text);
    case 'blank':
      return '';
    case 'from':
      return `FROM ${plain('FROM image', instruction.image, IMAGE_REFERENCE)}${
        instruction.stage
          ? ` AS ${plain('FROM stage', instruction.stage, STAGE_NAME)}`
          : ''
      }`;
    case 'user':
      return `USER ${plain('USER', instruction.user, USER_SPEC)}`;
    case 'workdir':
      return `WORKDIR ${plain('WORKDIR path', instruction.path, PLAIN_PATH)}`;
    case 'copy':
      return serialiseCopy(instruction);
    case 'env':
      return `ENV ${instruction.variables
        .map(([name, value]) => serialisePair('ENV', name, ENV_NAME, value))
        .join(PAIR_SEPARATOR)}`;
    case 'label':
      return `LABEL ${instruction.labels
        .map(([key, value]) => serialisePair('LABEL', key, LABEL_KEY, value))
        .join(PAIR_SEPARATOR)}`;
    case 'run':
      return serialiseRun(instruction.commands);
    default:
      return assertNever(instruction);
  }
}

/**
 * Every line of the text becomes its own `# ` line, so a line break in the text can
 * never start an instruction. Callers put fixed text first in the file, which also
 * keeps the first line from reading as a parser directive (`# syntax=...`).
 */
function serialiseComment(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map(line => line.trimEnd())
    .map(line => (line ? `# ${line}` : '#'))
    .join('\n');
}

function serialiseCopy(
  instruction: Extract<Instruction, { kind: 'copy' }>,
): string {
  const words = [
    ...(instruction.from
      ? [`--from=${plain('COPY --from', instruction.from, STAGE_NAME)}`]
      : []),
    ...(instruction.chown
      ? [`--chown=${plain('COPY --chown', instruction.chown, USER_SPEC)}`]
      : []),
    ...instruction.sources.map(source =>
      plain('COPY source', source, PLAIN_PATH),
    ),
    plain('COPY destination', instruction.destination, PLAIN_PATH),
  ];
  return `COPY ${words.join(' ')}`;
}

/**
 * `key=value` for LABEL and ENV. Docker reads these values with its own shell-like
 * lexer: inside '...' nothing is special and outside them `\'` is a quote, exactly as
 * in sh, so shellQuote's output means the same thing to Docker. JSON-style "..." would
 * not be safe: Docker expands `$NAME` inside double quotes. A line break cannot be
 * written at all (Docker splits lines first and continuations drop them), so it is
 * refused.
 */
function serialisePair(
  instruction: 'LABEL' | 'ENV',
  key: string,
  keyPattern: RegExp,
  value: string,
): string {
  plain(`${instruction} key`, key, keyPattern);
  if (LINE_BREAK.test(value)) {
    throw new DockerfileValueError(
      `${instruction} ${key}`,
      value,
      'a Dockerfile cannot hold a line break in this value',
    );
  }
  return `${key}=${shellQuote(value)}`;
}

/**
 * Shell form, one command per line, is the readable default. Docker splits the file
 * into instructions at line breaks before any shell sees it, so when a quoted word
 * holds a line break (the values checks refuse those, this is defence in depth) the
 * step is written in exec form instead: `RUN ["/bin/sh", "-c", "<script>"]`, where
 * JSON escapes the line break and /bin/sh -c is what shell form runs anyway.
 */
function serialiseRun(commands: readonly ShellCommand[]): string {
  const lines = commands.map(serialiseShellCommand);
  if (lines.some(line => LINE_BREAK.test(line))) {
    return `RUN ${JSON.stringify(['/bin/sh', '-c', lines.join(' && ')])}`;
  }
  return `RUN ${lines.join(RUN_SEPARATOR)}`;
}

/** Values that these instructions take verbatim: checked, never quoted. */
function plain(field: string, value: string, pattern: RegExp): string {
  if (!pattern.test(value)) {
    throw new DockerfileValueError(
      field,
      value,
      `must match ${pattern.source}`,
    );
  }
  return value;
}

function assertNever(value: never): never {
  throw new Error(`unexpected Dockerfile instruction ${JSON.stringify(value)}`);
}
