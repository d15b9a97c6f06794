import { download } from './download';
import { DockerfileValueError } from './errors';
import { Instruction } from './instructions';
import { MAVEN_STAGE, mavenOutputDir } from './mavenStage';
import {
  command,
  failWith,
  orElse,
  pipeline,
  ShellCommand,
} from './shellCommands';
import { DockerfileArtifact, DockerfilePlugin } from './types';

/** Kafka Connect's plugin.path in the Strimzi image: one folder per plugin. */
export const PLUGINS_DIR = '/opt/kafka/plugins';

/**
 * One RUN step per plugin (so a changed plugin rebuilds only its own layer): make the
 * folder, then download and check every downloaded artifact into it; then one COPY per
 * Maven artifact from the builder stage (mavenStage.ts), after the RUN step so its
 * `chmod -R` never rewrites (and duplicates in a layer) the copied jars. Artifacts are
 * named by their position (`0.jar`, `1.tgz` unpacked into `1/`, Maven's jars in `2/`),
 * so file names are deterministic, never collide, and hold no user data.
 */
export function pluginInstructions(
  plugin: DockerfilePlugin,
  pluginIndex: number,
): Instruction[] {
  const folder = `${PLUGINS_DIR}/${checkFolderName(plugin.name, pluginIndex)}`;
  const downloads = plugin.artifacts.flatMap((artifact, i) =>
    artifact.type === 'maven'
      ? []
      : artifactCommands(
          artifact,
          i,
          `plugins[${pluginIndex}].artifacts[${i}]`,
          plugin.name,
        ),
  );
  const run: Instruction[] = downloads.length
    ? [
        {
          kind: 'run',
          commands: [
            command('mkdir', '-p', folder),
            command('cd', folder),
            ...downloads,
            // Archives may carry any owner and mode; Connect runs as 1001 and must read every jar.
            command('chmod', '-R', 'a+rX', folder),
          ],
        },
      ]
    : [];
  const copies: Instruction[] = plugin.artifacts.flatMap((artifact, i) =>
    artifact.type === 'maven'
      ? [
          {
            kind: 'copy',
            from: MAVEN_STAGE,
            sources: [`${mavenOutputDir(pluginIndex, i)}/`],
            destination: `${folder}/${i}/`,
          },
        ]
      : [],
  );
  return [
    { kind: 'blank' },
    {
      kind: 'comment',
      text: `Plugin ${plugin.name}: ${plugin.artifacts.length} artifact(s), each checked against its checksum.`,
    },
    ...run,
    ...copies,
  ];
}

function artifactCommands(
  artifact: Exclude<DockerfileArtifact, { type: 'maven' }>,
  index: number,
  field: string,
  pluginName: string,
): ShellCommand[] {
  if (artifact.type === 'other') {
    return otherCommands(artifact, index, field, pluginName);
  }
  const file = `${index}.${artifact.type}`;
  const fetched = [
    download(artifact.url, file),
    checkSha512(artifact, file, field, pluginName),
  ];
  const type = artifact.type;
  switch (type) {
    case 'jar':
      return fetched;
    case 'tgz':
      return [
        ...fetched,
        command('mkdir', String(index)),
        command('tar', '--no-same-owner', '-xzf', file, '-C', String(index)),
        command('rm', '-f', file),
      ];
    case 'zip':
      return [
        ...fetched,
        command('unzip', '-q', file, '-d', String(index)),
        command('rm', '-f', file),
      ];
    default:
      return assertNever(type);
  }
}

/**
 * Any other file is stored as it is, under its own name, in a folder named by its
 * position (as Strimzi's build does with a hash): two artifacts can never collide.
 */
function otherCommands(
  artifact: Extract<DockerfileArtifact, { type: 'other' }>,
  index: number,
  field: string,
  pluginName: string,
): ShellCommand[] {
  const file = `${index}/${checkFileName(
    artifact.fileName,
    `${field}.fileName`,
  )}`;
  return [
    command('mkdir', String(index)),
    download(artifact.url, file),
    checkSha512(artifact, file, field, pluginName),
  ];
}

/**
 * `printf '%s  %s\n' <sum> <file> | sha512sum --strict -c -`: the checksum line is built
 * from data, and --strict fails on a malformed line instead of only warning. On a
 * mismatch the build stops with a line naming the artifact (sha512sum only knows `0.jar`).
 */
function checkSha512(
  artifact: { url: string; sha512sum: string },
  file: string,
  field: string,
  pluginName: string,
): ShellCommand {
  const sum = checkedSha512(artifact.sha512sum, `${field}.sha512sum`);
  return orElse(
    pipeline(
      command('printf', '%s  %s\\n', sum, file),
      command('sha512sum', '--strict', '-c', '-'),
    ),
    failWith(
      `error: ${field} (plugin ${pluginName}), ${artifact.url}: the download does not match sha512sum ${sum}; check the URL and the checksum`,
    ),
  );
}

const SHA512 = /^[0-9a-fA-F]{128}$/;

function checkedSha512(sum: string, field: string): string {
  if (!SHA512.test(sum)) {
    throw new DockerfileValueError(
      field,
      sum,
      'must be the 128 hex digits of a SHA-512 checksum',
    );
  }
  return sum.toLowerCase();
}

/** A stored file name must stay one file inside its folder. */
function checkFileName(name: string, field: string): string {
  if (name === '' || name === '.' || name === '..' || /[/\0]/.test(name)) {
    throw new DockerfileValueError(
      field,
      name,
      'must be a single file name (not empty, ".", ".." and without "/")',
    );
  }
  return name;
}

/** The plugin name becomes one folder under PLUGINS_DIR: it must not lead out of it. */
function checkFolderName(name: string, index: number): string {
  if (name === '' || name === '.' || name === '..' || /[/\0]/.test(name)) {
    throw new DockerfileValueError(
      `plugins[${index}].name`,
      name,
      'must be a single folder name (not empty, ".", ".." and without "/")',
    );
  }
  return name;
}

function assertNever(value: never): never {
  throw new Error(`unexpected artifact type ${JSON.stringify(value)}`);
}
