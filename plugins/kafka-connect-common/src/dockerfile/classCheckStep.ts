import { DockerfileValueError } from './errors';
import { Instruction } from './instructions';
import { PLUGINS_DIR } from './pluginSteps';
import {
  command,
  failWith,
  orElse,
  redirected,
  ShellCommand,
} from './shellCommands';
import { DockerfileClass } from './types';

/** Kafka's own jars, and Strimzi's (its config providers among them). */
export const LIBS_DIR = '/opt/kafka/libs';

/** Scratch files of the step, in /tmp where user 1001 may write; removed when the check passes. */
const ENTRIES = 'connect-class-check-entries.txt';
const MISSING = 'connect-class-check-missing.txt';

const JAVA_CLASS = /^[A-Za-z_$][A-Za-z0-9_$]*(\.[A-Za-z_$][A-Za-z0-9_$]*)+$/;

/**
 * The last step: every class the rendered configuration names must be in a jar under
 * the plugins folder or Kafka's libs, or the build fails with one line per missing class
 * naming it and the fields that name it. It runs as user 1001 after the final USER, so a
 * jar Connect could not read counts as missing too. unzip and find are in Strimzi's
 * image (its own build unpacks zip artifacts with them).
 */
export function classCheckInstructions(
  classes: readonly DockerfileClass[],
  hasPlugins: boolean,
): Instruction[] {
  if (classes.length === 0) return [];
  const folders = hasPlugins ? [PLUGINS_DIR, LIBS_DIR] : [LIBS_DIR];
  return [
    { kind: 'blank' },
    {
      kind: 'comment',
      text: `Every class the configuration names is in a jar here (${classes.length} class(es); image.skipClassCheck lists those the image gets another way).`,
    },
    {
      kind: 'run',
      commands: [
        command('cd', '/tmp'),
        // Every entry of every jar, one per line; a jar unzip cannot read lists nothing.
        redirected(
          command(
            'find',
            ...folders,
            '-name',
            '*.jar',
            '-type',
            'f',
            '-exec',
            'unzip',
            '-Z1',
            '{}',
            ';',
          ),
          { kind: 'write', path: ENTRIES },
        ),
        ...classes.map(checkOne),
        orElse(
          command('test', '!', '-s', MISSING),
          failWith(
            `error: these classes are in no jar under ${folders.join(
              ' or ',
            )}: add the plugin that provides each (plugins[]), or list the class in image.skipClassCheck when the image gets it another way`,
            command('cat', MISSING),
          ),
        ),
        command('rm', '-f', ENTRIES, MISSING),
      ],
    },
  ];
}

/** `grep -Fqx a/b/C.class entries || printf '%s\n' 'a.b.C (fields)' >> missing`. */
function checkOne(cls: DockerfileClass): ShellCommand {
  if (!JAVA_CLASS.test(cls.name)) {
    throw new DockerfileValueError(
      'class',
      cls.name,
      'must be a fully qualified Java class name',
    );
  }
  return orElse(
    command('grep', '-Fqx', `${cls.name.split('.').join('/')}.class`, ENTRIES),
    redirected(
      command('printf', '%s\\n', `${cls.name} (${cls.fields.join(', ')})`),
      { kind: 'append', path: MISSING },
    ),
  );
}
