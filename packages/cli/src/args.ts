import {
  Layout,
  SUPPORTED_STRIMZI_VERSIONS,
} from '@connect-skeleton/plugin-kafka-connect-common';
import { ArgumentError } from './errors';

export type Command =
  | 'render'
  | 'manifests'
  | 'validate'
  | 'import'
  | 'upgrade'
  | 'diff';

export interface ImportArgs {
  kind: 'import';
  from: string;
  owner: string;
  namespace?: string;
  strimzi?: string;
  checksums?: string;
}

/** `upgrade --to VERSION PATH...` */
export interface UpgradeArgs {
  kind: 'upgrade';
  to: string;
  paths: string[];
}

/** `diff PATH...` */
export interface DiffArgs {
  kind: 'diff';
  paths: string[];
}

export type ParsedArgs =
  | { kind: 'help' }
  | UpgradeArgs
  | DiffArgs
  | {
      kind: 'render';
      values: string;
      out: string;
      layout?: Layout;
      policy?: string;
    }
  | { kind: 'manifests' | 'validate'; values: string; policy?: string }
  | ImportArgs;

type Flag =
  | 'values'
  | 'out'
  | 'layout'
  | 'from'
  | 'owner'
  | 'namespace'
  | 'strimzi'
  | 'checksums'
  | 'to'
  | 'policy';

const FLAGS_OF: Record<Command, readonly Flag[]> = {
  render: ['values', 'out', 'layout', 'policy'],
  manifests: ['values', 'policy'],
  validate: ['values', 'policy'],
  import: ['from', 'owner', 'namespace', 'strimzi', 'checksums'],
  upgrade: ['to'],
  diff: [],
};
/** Commands that take paths after the options: the cluster folders, or folders holding them. */
const TAKES_PATHS: readonly Command[] = ['upgrade', 'diff'];
const ALL_FLAGS: readonly Flag[] = [
  'values',
  'out',
  'layout',
  'from',
  'owner',
  'namespace',
  'strimzi',
  'checksums',
  'to',
  'policy',
];
const COMMANDS = 'render, manifests, validate, import, upgrade or diff';
const LAYOUTS: readonly Layout[] = ['helm', 'kustomize'];

function isCommand(word: string): word is Command {
  return Object.prototype.hasOwnProperty.call(FLAGS_OF, word);
}

function isFlag(name: string): name is Flag {
  return (ALL_FLAGS as readonly string[]).includes(name);
}

/**
 * Parses `<command> --flag value|--flag=value ...` without a dependency.
 * Throws ArgumentError with a message that says what to do.
 */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  // --help wins over every other mistake on the line, as in most CLIs.
  if (argv.includes('--help') || argv.includes('-h')) {
    return { kind: 'help' };
  }

  const flags: Partial<Record<Flag, string>> = {};
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i];
    if (!token.startsWith('-') || token === '-') {
      positionals.push(token);
      continue;
    }
    const eq = token.indexOf('=');
    const name = token.slice(2, eq === -1 ? undefined : eq);
    if (!token.startsWith('--') || !isFlag(name)) {
      throw new ArgumentError(`unknown option ${token.split('=')[0]}`);
    }
    let value: string | undefined;
    if (eq !== -1) {
      value = token.slice(eq + 1);
    } else if (i + 1 < argv.length && !argv[i + 1].startsWith('-')) {
      value = argv[++i];
    }
    if (!value) {
      throw new ArgumentError(`--${name} needs a value`);
    }
    if (flags[name] !== undefined) {
      throw new ArgumentError(`--${name} is given more than once`);
    }
    flags[name] = value;
  }

  const [command, ...extra] = positionals;
  if (command === undefined) {
    throw new ArgumentError(`missing command: ${COMMANDS}`);
  }
  if (!isCommand(command)) {
    throw new ArgumentError(`unknown command "${command}": use ${COMMANDS}`);
  }
  if (extra.length > 0 && !TAKES_PATHS.includes(command)) {
    throw new ArgumentError(`unexpected argument "${extra[0]}"`);
  }
  for (const name of ALL_FLAGS) {
    if (flags[name] !== undefined && !FLAGS_OF[command].includes(name)) {
      throw new ArgumentError(`${command} takes no --${name}`);
    }
  }
  if (command === 'import') return importArgs(flags);
  if (command === 'upgrade' || command === 'diff') {
    return pathArgs(command, flags, extra);
  }
  if (flags.values === undefined) {
    throw new ArgumentError(`${command} needs --values FILE`);
  }
  const policy = flags.policy === undefined ? {} : { policy: flags.policy };
  if (command !== 'render') {
    return { kind: command, values: flags.values, ...policy };
  }

  if (flags.out === undefined) {
    throw new ArgumentError('render needs --out DIR');
  }
  const layout = flags.layout;
  if (
    layout !== undefined &&
    !(LAYOUTS as readonly string[]).includes(layout)
  ) {
    throw new ArgumentError(
      `--layout must be helm or kustomize, not "${layout}"`,
    );
  }
  return {
    kind: 'render',
    values: flags.values,
    out: flags.out,
    ...(layout ? { layout: layout as Layout } : {}),
    ...policy,
  };
}

/** `import --from FILE --owner REF [--namespace NS] [--strimzi VERSION] [--checksums FILE]` */
function importArgs(flags: Partial<Record<Flag, string>>): ImportArgs {
  if (flags.from === undefined) {
    throw new ArgumentError('import needs --from FILE');
  }
  if (flags.owner === undefined) {
    throw new ArgumentError(
      'import needs --owner REF (the owning team, e.g. group:default/data-platform)',
    );
  }
  if (flags.strimzi !== undefined) checkRelease('strimzi', flags.strimzi);
  const { from, owner, namespace, strimzi, checksums } = flags;
  return Object.fromEntries(
    Object.entries({
      kind: 'import',
      from,
      owner,
      namespace,
      strimzi,
      checksums,
    }).filter(([, v]) => v !== undefined),
  ) as unknown as ImportArgs;
}

function checkRelease(flag: string, version: string): void {
  if (!SUPPORTED_STRIMZI_VERSIONS.includes(version)) {
    throw new ArgumentError(
      `--${flag} must be one of ${SUPPORTED_STRIMZI_VERSIONS.join(
        ', ',
      )}, not "${version}"`,
    );
  }
}

/** `upgrade --to VERSION PATH...` and `diff PATH...`: at least one path. */
function pathArgs(
  command: 'upgrade' | 'diff',
  flags: Partial<Record<Flag, string>>,
  paths: string[],
): UpgradeArgs | DiffArgs {
  if (command === 'upgrade') {
    if (flags.to === undefined) {
      throw new ArgumentError('upgrade needs --to VERSION (a Strimzi release)');
    }
    checkRelease('to', flags.to);
  }
  if (paths.length === 0) {
    throw new ArgumentError(
      `${command} needs at least one PATH: a cluster folder, or a folder holding cluster folders`,
    );
  }
  return command === 'upgrade'
    ? { kind: 'upgrade', to: flags.to!, paths }
    : { kind: 'diff', paths };
}
