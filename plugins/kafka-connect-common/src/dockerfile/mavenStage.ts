import { Instruction } from './instructions';
import {
  command,
  failWith,
  orElse,
  redirected,
  ShellCommand,
} from './shellCommands';
import { DockerfileArtifact, DockerfilePlugin } from './types';

/**
 * Maven artifacts are resolved the way Strimzi's own build resolves them: in a builder
 * stage that runs Maven's dependency plugin, so a plugin folder gets the artifact and the
 * jars it needs at run time, then a COPY takes them into the Kafka image. The Kafka image
 * itself needs no Maven.
 */

/** The builder stage's name, for COPY --from. */
export const MAVEN_STAGE = 'maven-artifacts';

/**
 * Strimzi's operator code falls back to this when its deployment names no Maven builder;
 * the renderer passes the builder of the chosen release instead.
 */
export const DEFAULT_MAVEN_BUILDER = 'quay.io/strimzi/maven-builder:latest';

/** The dependency plugin, pinned: the same Dockerfile resolves with the same code. */
export const MAVEN_DEPENDENCY_PLUGIN = {
  group: 'org.apache.maven.plugins',
  artifact: 'maven-dependency-plugin',
  version: '3.5.0',
} as const;

const MAVEN_CENTRAL = 'https://repo1.maven.org/maven2';
/** Where the builder stage leaves each artifact's jars: `<root>/<plugin>/<artifact>`. */
const OUTPUT_ROOT = '/tmp/artifacts';
const WORK_ROOT = '/tmp/maven';

export type MavenArtifact = Extract<DockerfileArtifact, { type: 'maven' }>;

export function hasMavenArtifacts(plugins: readonly DockerfilePlugin[]) {
  return plugins.some(p => p.artifacts.some(a => a.type === 'maven'));
}

/** Where the builder stage leaves one artifact's jars; the COPY into the plugin folder reads it. */
export function mavenOutputDir(pluginIndex: number, artifactIndex: number) {
  return `${OUTPUT_ROOT}/${pluginIndex}/${artifactIndex}`;
}

/**
 * The builder stage's first lines; its steps, one RUN step per Maven artifact (so a
 * changed artifact rebuilds alone), follow from mavenArtifactInstructions.
 */
export function mavenStageStart(builderImage: string): Instruction[] {
  return [
    {
      kind: 'comment',
      text: "Maven artifacts: each with the jars it needs at run time (its compile and runtime dependencies), every download checked against the repository's checksums.",
    },
    { kind: 'from', image: builderImage, stage: MAVEN_STAGE },
  ];
}

/** The builder stage's steps for one plugin's Maven artifacts. */
export function mavenArtifactInstructions(
  plugin: DockerfilePlugin,
  pluginIndex: number,
): Instruction[] {
  return plugin.artifacts.flatMap((artifact, a) =>
    artifact.type === 'maven'
      ? mavenArtifactStep(plugin.name, artifact, pluginIndex, a)
      : [],
  );
}

function mavenArtifactStep(
  pluginName: string,
  artifact: MavenArtifact,
  pluginIndex: number,
  artifactIndex: number,
): Instruction[] {
  const coordinates = `${artifact.group}:${artifact.artifact}:${artifact.version}`;
  const field = `plugins[${pluginIndex}].artifacts[${artifactIndex}]`;
  const output = mavenOutputDir(pluginIndex, artifactIndex);
  const work = `${WORK_ROOT}/${pluginIndex}-${artifactIndex}`;
  const plugin = MAVEN_DEPENDENCY_PLUGIN;
  const resolve: ShellCommand = orElse(
    command(
      'mvn',
      '--batch-mode',
      '--no-transfer-progress',
      '-f',
      'pom.xml',
      `${plugin.group}:${plugin.artifact}:${plugin.version}:copy-dependencies`,
      '-DincludeScope=runtime',
      `-DoutputDirectory=${output}`,
    ),
    failWith(
      `error: ${field} (plugin ${pluginName}), Maven artifact ${coordinates} from ${artifact.repository}: it or one of its runtime dependencies could not be resolved, or a download does not match the repository's checksum (Maven's message above names the file); check the coordinates and the repository`,
    ),
  );
  return [
    { kind: 'blank' },
    { kind: 'comment', text: `Plugin ${pluginName}: ${coordinates}` },
    {
      kind: 'run',
      commands: [
        command('mkdir', '-p', work),
        command('cd', work),
        // The artifact as the one dependency of an empty project: Maven then resolves exactly
        // what a user of the artifact gets (its test and provided scopes stay out).
        redirected(command('printf', '%s\\n', ...resolverPom(artifact)), {
          kind: 'write',
          path: 'pom.xml',
        }),
        resolve,
        // The builder may run with any umask; Connect runs as 1001 and reads every jar.
        command('chmod', '-R', 'a+rX', output),
      ],
    },
  ];
}

/**
 * The project Maven resolves: the artifact as its only dependency, the artifact's
 * repository first, then Maven Central (where most dependencies live), both with
 * checksumPolicy fail, so a download that does not match the repository's .sha1 (or has
 * none) fails the build instead of being warned about. One line per entry.
 */
export function resolverPom(artifact: MavenArtifact): string[] {
  const repository = artifact.repository.replace(/\/+$/, '');
  const repositories = [
    ...(repository === MAVEN_CENTRAL
      ? []
      : [['artifact-repository', repository]]),
    ['central', MAVEN_CENTRAL],
  ].map(
    ([id, url]) =>
      `<repository><id>${id}</id><url>${xmlText(url)}</url>` +
      '<releases><checksumPolicy>fail</checksumPolicy></releases>' +
      '<snapshots><checksumPolicy>fail</checksumPolicy></snapshots></repository>',
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<project xmlns="http://maven.apache.org/POM/4.0.0">',
    '<modelVersion>4.0.0</modelVersion>',
    '<groupId>connect-skeleton</groupId><artifactId>resolve</artifactId><version>0</version><packaging>pom</packaging>',
    '<repositories>',
    ...repositories,
    '</repositories>',
    '<dependencies><dependency>' +
      `<groupId>${xmlText(artifact.group)}</groupId>` +
      `<artifactId>${xmlText(artifact.artifact)}</artifactId>` +
      `<version>${xmlText(artifact.version)}</version>` +
      '</dependency></dependencies>',
    '</project>',
  ];
}

/** The schema allows none of these in coordinates and URLs; escaped anyway, it is XML. */
function xmlText(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
