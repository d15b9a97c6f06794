import { DockerfileValueError } from './errors';
import { shellQuote, WordPosition } from './shellQuote';

/**
 * A small model of the shell commands a RUN step holds, and the one function that turns
 * it into sh text. Commands are argv arrays; the few operators the Dockerfile needs
 * (pipes, a `for` loop, command output as a word, a deliberate variable, a wildcard)
 * are data too, so user values never get pasted into shell text: every string ends up
 * in shellQuote.
 */

/** `"${NAME}"`: a variable this code chose to expand (JAVA_HOME, a loop variable), never user data. */
export interface VariableRef {
  kind: 'variable';
  name: string;
  /** Written `"${NAME:?}"`, so an unset or empty variable stops the build instead of expanding to nothing. */
  required: boolean;
}

/** A bare `*`, to glob files this code created itself. */
export interface Wildcard {
  kind: 'wildcard';
}

/** `"$(command)"`: what the command prints, trailing newlines removed, as (part of) one word. */
export interface CommandOutput {
  kind: 'output';
  command: ShellCommand;
}

/** A literal string (always quoted as needed) or one of the deliberate expansions. */
export type WordPart = string | VariableRef | Wildcard | CommandOutput;

/** One shell word: a plain string, or parts written next to each other with no space. */
export type Word = string | readonly WordPart[];

/** Where a command's standard output goes instead of the build log. */
export type Redirect =
  /** `> file`: the file is created or emptied first. */
  | { kind: 'write'; path: string }
  /** `>> file`. */
  | { kind: 'append'; path: string }
  /** `>&2`: to standard error, where a build's failure message belongs. */
  | { kind: 'stderr' };

/** One program run with its arguments. */
export interface SimpleCommand {
  kind: 'simple';
  argv: readonly [Word, ...Word[]];
  stdout?: Redirect;
}

/** `a | b | c`. */
export interface Pipeline {
  kind: 'pipeline';
  commands: readonly [SimpleCommand, SimpleCommand, ...SimpleCommand[]];
}

/**
 * `for NAME in ITEMS; do BODY || exit 1; done`. A loop's status is only its last
 * iteration's, so a failure in any iteration exits the shell (and fails the RUN step).
 */
export interface ForEach {
  kind: 'for';
  variable: string;
  items: readonly [Word, ...Word[]];
  body: readonly [ShellCommand, ...ShellCommand[]];
}

/** `{ first || then; }`: `then` runs only when `first` fails. */
export interface OrElse {
  kind: 'or';
  first: SimpleCommand | Pipeline | ForEach;
  then: SimpleCommand | Fail;
}

/** `{ before...; exit 1; }`: stops the RUN step (and the build) after saying why. */
export interface Fail {
  kind: 'fail';
  before: readonly SimpleCommand[];
}

export type ShellCommand = SimpleCommand | Pipeline | ForEach | OrElse | Fail;

// Builders, so the renderer reads like the commands it produces.

export function command(program: string, ...args: Word[]): SimpleCommand {
  return { kind: 'simple', argv: [program, ...args] };
}

/** The same command with its standard output sent elsewhere. */
export function redirected(
  cmd: SimpleCommand,
  stdout: Redirect,
): SimpleCommand {
  return { ...cmd, stdout };
}

/** `first || then`. */
export function orElse(first: OrElse['first'], then: OrElse['then']): OrElse {
  return { kind: 'or', first, then };
}

/**
 * Prints the message on standard error, one line per entry, then fails the step. The
 * message is data (printf's argument, never its format), so it may hold anything.
 */
export function failWith(message: string, ...alsoPrint: SimpleCommand[]): Fail {
  return {
    kind: 'fail',
    before: [
      redirected(command('printf', '%s\\n', message), { kind: 'stderr' }),
      ...alsoPrint.map(cmd => redirected(cmd, { kind: 'stderr' })),
    ],
  };
}

export function pipeline(
  first: SimpleCommand,
  second: SimpleCommand,
  ...rest: SimpleCommand[]
): Pipeline {
  return { kind: 'pipeline', commands: [first, second, ...rest] };
}

export function forEach(
  name: string,
  items: readonly [Word, ...Word[]],
  body: readonly [ShellCommand, ...ShellCommand[]],
): ForEach {
  return { kind: 'for', variable: name, items, body };
}

export function variable(
  name: string,
  options: { required?: boolean } = {},
): VariableRef {
  return { kind: 'variable', name, required: options.required ?? false };
}

export const WILDCARD: Wildcard = { kind: 'wildcard' };

export function output(of: ShellCommand): CommandOutput {
  return { kind: 'output', command: of };
}

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function checkVariableName(name: string): string {
  if (!VARIABLE_NAME.test(name)) {
    throw new DockerfileValueError(
      'shell variable name',
      name,
      'must be letters, digits and "_", not starting with a digit',
    );
  }
  return name;
}

/** Serialises one command to a single sh command line (no trailing newline). */
export function serialiseShellCommand(cmd: ShellCommand): string {
  switch (cmd.kind) {
    case 'simple':
      return `${cmd.argv
        .map((word, i) => serialiseWord(word, i === 0 ? 'command' : 'argument'))
        .join(' ')}${serialiseRedirect(cmd.stdout)}`;
    case 'or':
      // Grouped, so in a RUN step's `a && b` chain only `first` failing runs `then`.
      return `{ ${serialiseShellCommand(cmd.first)} || ${serialiseShellCommand(
        cmd.then,
      )}; }`;
    case 'fail':
      return `{ ${[...cmd.before.map(serialiseShellCommand), 'exit 1'].join(
        '; ',
      )}; }`;
    case 'pipeline':
      return cmd.commands.map(serialiseShellCommand).join(' | ');
    case 'for': {
      const items = cmd.items.map(item => serialiseWord(item, 'command'));
      const body = cmd.body.map(serialiseShellCommand).join(' && ');
      return `for ${checkVariableName(cmd.variable)} in ${items.join(
        ' ',
      )}; do ${body} || exit 1; done`;
    }
    default:
      return assertNever(cmd);
  }
}

function serialiseRedirect(redirect: Redirect | undefined): string {
  if (!redirect) return '';
  switch (redirect.kind) {
    case 'write':
      return ` > ${shellQuote(redirect.path)}`;
    case 'append':
      return ` >> ${shellQuote(redirect.path)}`;
    case 'stderr':
      return ' >&2';
    default:
      return assertNever(redirect);
  }
}

function serialiseWord(word: Word, position: WordPosition): string {
  if (typeof word === 'string') return shellQuote(word, position);
  const parts = mergeLiterals(word);
  if (parts.length === 0) return "''";
  return parts.map(part => serialisePart(part, position)).join('');
}

/** Joins neighbouring literal strings, so `a` `b` is quoted once as `ab`, and drops empty ones. */
function mergeLiterals(parts: readonly WordPart[]): WordPart[] {
  const merged: WordPart[] = [];
  for (const part of parts) {
    const last = merged[merged.length - 1];
    if (typeof part === 'string' && typeof last === 'string') {
      merged[merged.length - 1] = last + part;
    } else if (part !== '') {
      merged.push(part);
    }
  }
  return merged;
}

function serialisePart(part: WordPart, position: WordPosition): string {
  if (typeof part === 'string') return shellQuote(part, position);
  switch (part.kind) {
    case 'variable':
      return `"\${${checkVariableName(part.name)}${
        part.required ? ':?' : ''
      }}"`;
    case 'wildcard':
      return '*';
    case 'output':
      return `"$(${serialiseShellCommand(part.command)})"`;
    default:
      return assertNever(part);
  }
}

function assertNever(value: never): never {
  throw new Error(`unexpected shell model node ${JSON.stringify(value)}`);
}
