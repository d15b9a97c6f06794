import { download } from './download';
import { DockerfileValueError } from './errors';
import { Instruction } from './instructions';
import { command, output, pipeline, ShellCommand } from './shellCommands';
import { DockerfileArtifact, DockerfilePlugin } from './types';

/** Kafka Connect's plugin.path in the Strimzi image: one folder per plugin. */
export const PLUGINS_DIR = '/opt/kafka/plugins';

/**
 * One RUN step per plugin (so a changed plugin rebuilds only its own layer): make the
 * folder, then download and check every artifact into it. Artifacts are named by their
 * position (`0.jar`, `1.tgz` unpacked into `1/`), so file names are deterministic, never
 * collide, and hold no user data.
 */
export function pluginInstructions(
  plugin: DockerfilePlugin,
  pluginIndex: number,
): Instruction[] {
  const folder = `${PLUGINS_DIR}/${checkFolderName(plugin.name, pluginIndex)}`;
  return [
    { kind: 'blank' },
    {
      kind: 'comment',
      text: `Plugin ${plugin.name}: ${plugin.artifacts.length} artifact(s), each checked against its checksum.`,
    },
    {
      kind: 'run',
      commands: [
        command('mkdir', '-p', folder),
        command('cd', folder),
        ...plugin.artifacts.flatMap((artifact, i) =>
          artifactCommands(
            artifact,
            i,
            `plugins[${pluginIndex}].artifacts[${i}]`,
          ),
        ),
        // Archives may carry any owner and mode; Connect runs as 1001 and must read every jar.
        command('chmod', '-R', 'a+rX', folder),
      ],
    },
  ];
}

function artifactCommands(
  artifact: DockerfileArtifact,
  index: number,
  field: string,
): ShellCommand[] {
  if (artifact.type === 'maven') return mavenCommands(artifact, index);
  if (artifact.type === 'other') return otherCommands(artifact, index, field);
  const file = `${index}.${artifact.type}`;
  const fetched = [
    download(artifact.url, file),
    checkSha512(checkedSha512(artifact.sha512sum, `${field}.sha512sum`), file),
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
): ShellCommand[] {
  const file = `${index}/${checkFileName(
    artifact.fileName,
    `${field}.fileName`,
  )}`;
  return [
    command('mkdir', String(index)),
    download(artifact.url, file),
    checkSha512(checkedSha512(artifact.sha512sum, `${field}.sha512sum`), file),
  ];
}

/**
 * Maven artifacts come without a checksum in the values, so they are checked against
 * the `.sha1` file the repository publishes next to the jar. Maven Central has a .sha1
 * for every artifact (.sha256/.sha512 only for some recent ones), and so do Nexus and
 * Artifactory proxies. This catches corrupt or truncated downloads and mirrors serving
 * the wrong file; it cannot catch a repository that serves a forged jar together with a
 * matching .sha1 (use a `jar` artifact with a sha512sum for that).
 */
function mavenCommands(
  artifact: Extract<DockerfileArtifact, { type: 'maven' }>,
  index: number,
): ShellCommand[] {
  const file = `${index}.jar`;
  const url = mavenJarUrl(artifact);
  return [
    download(url, file),
    download(`${url}.sha1`, `${file}.sha1`),
    // Published .sha1 files hold the 40 hex digits, sometimes followed by a file name.
    pipeline(
      command(
        'printf',
        '%s  %s\\n',
        [output(command('cut', '-c', '1-40', `${file}.sha1`))],
        file,
      ),
      command('sha1sum', '--strict', '-c', '-'),
    ),
    command('rm', '-f', `${file}.sha1`),
  ];
}

/** `<repository>/<group with dots as slashes>/<artifact>/<version>/<artifact>-<version>.jar` (Maven 2 layout). */
export function mavenJarUrl(
  artifact: Extract<DockerfileArtifact, { type: 'maven' }>,
): string {
  const repository = artifact.repository.replace(/\/+$/, '');
  const group = artifact.group.split('.').join('/');
  const { artifact: id, version } = artifact;
  return `${repository}/${group}/${id}/${version}/${id}-${version}.jar`;
}

/**
 * `printf '%s  %s\n' <sum> <file> | sha512sum --strict -c -`: the checksum line is built
 * from data, and --strict fails on a malformed line instead of only warning.
 */
function checkSha512(sum: string, file: string): ShellCommand {
  return pipeline(
    command('printf', '%s  %s\\n', sum, file),
    command('sha512sum', '--strict', '-c', '-'),
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
