import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { runOk } from './buildah';
import {
  JavaJar,
  javaSources,
  KAFKA_LIBS_JAR,
  LOADER_SOURCE,
  ORDERS_JARS,
  PLUGIN_JARS,
} from './javaSources';

/**
 * Everything the artifact server serves, made from scratch in a folder: compiled jars, a
 * Maven repository layout whose poms declare dependencies (and a copy with one wrong
 * .sha1), tgz and zip plugins, a plain jar, an `other` file, and a PEM bundle of several
 * CA certificates made with openssl.
 */

export const MAVEN_GROUP = 'com.example.orders';
export const CERTIFICATE_COUNT = 3;

export interface Artifacts {
  /** The folder the server serves. */
  root: string;
  /** Compiled jars by file name (also the Kafka libs stand-in for the base image). */
  jars: string;
  /** Loader.class, to run inside the built image. */
  loaderDir: string;
  /** sha512 of each served file, by its path under root. */
  sha512: Record<string, string>;
}

const sha = (algorithm: string, file: string) =>
  crypto.createHash(algorithm).update(fs.readFileSync(file)).digest('hex');

async function compile(jar: JavaJar, jarsDir: string, work: string) {
  const src = path.join(work, 'src', jar.jar);
  const out = path.join(work, 'classes', jar.jar);
  const files = javaSources(jar).map(([file, text]) => {
    const full = path.join(src, file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
    return full;
  });
  fs.mkdirSync(out, { recursive: true });
  const classpath = (jar.classpath ?? []).map(j => path.join(jarsDir, j));
  // Java 17: the JRE of the stand-in images (Debian's default) runs it.
  await runOk('javac', [
    '--release',
    '17',
    '-d',
    out,
    ...(classpath.length ? ['-cp', classpath.join(':')] : []),
    ...files,
  ]);
  await runOk('jar', [
    '--create',
    '--file',
    path.join(jarsDir, jar.jar),
    '-C',
    out,
    '.',
  ]);
}

function pom(
  artifact: string,
  dependencies: Array<{ artifact: string; group?: string; scope?: string }>,
): string {
  const deps = dependencies
    .map(
      d =>
        `    <dependency><groupId>${
          d.group ?? MAVEN_GROUP
        }</groupId><artifactId>${
          d.artifact
        }</artifactId><version>1.0.0</version>${
          d.scope ? `<scope>${d.scope}</scope>` : ''
        }</dependency>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>${MAVEN_GROUP}</groupId>
  <artifactId>${artifact}</artifactId>
  <version>1.0.0</version>
  <dependencies>
${deps}
  </dependencies>
</project>
`;
}

/** Writes `<repo>/<group path>/<artifact>/1.0.0/<artifact>-1.0.0.{jar,pom}` and their .sha1. */
function publish(
  repo: string,
  artifact: string,
  jarFile: string,
  pomText: string,
) {
  const dir = path.join(repo, ...MAVEN_GROUP.split('.'), artifact, '1.0.0');
  fs.mkdirSync(dir, { recursive: true });
  const base = path.join(dir, `${artifact}-1.0.0`);
  fs.copyFileSync(jarFile, `${base}.jar`);
  fs.writeFileSync(`${base}.pom`, pomText);
  for (const file of [`${base}.jar`, `${base}.pom`]) {
    fs.writeFileSync(`${file}.sha1`, `${sha('sha1', file)}\n`);
  }
}

async function pemBundle(work: string, bundle: string) {
  const pems: string[] = [];
  for (let i = 1; i <= CERTIFICATE_COUNT; i++) {
    const key = path.join(work, `ca${i}.key`);
    const cert = path.join(work, `ca${i}.pem`);
    await runOk('openssl', [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '30',
      '-subj',
      `/CN=Image Build Test CA ${i}`,
      '-addext',
      'basicConstraints=critical,CA:TRUE',
    ]);
    pems.push(fs.readFileSync(cert, 'utf8'));
  }
  fs.writeFileSync(bundle, pems.join(''));
}

export async function makeArtifacts(work: string): Promise<Artifacts> {
  const root = path.join(work, 'srv');
  const jars = path.join(work, 'jars');
  const loaderDir = path.join(work, 'loader');
  fs.mkdirSync(jars, { recursive: true });
  fs.mkdirSync(loaderDir, { recursive: true });
  // In dependency order: each compiles against the ones before it.
  for (const jar of [
    KAFKA_LIBS_JAR,
    ORDERS_JARS.codec,
    ORDERS_JARS.core,
    ORDERS_JARS.connector,
    ...Object.values(PLUGIN_JARS),
  ]) {
    await compile(jar, jars, work);
  }
  fs.writeFileSync(path.join(loaderDir, 'Loader.java'), LOADER_SOURCE);
  await runOk('javac', [
    '--release',
    '17',
    '-d',
    loaderDir,
    path.join(loaderDir, 'Loader.java'),
  ]);

  // The Maven repository: connector → core (compile) → codec (runtime). The connector's
  // provided and test dependencies are not served: resolving them would fail the build.
  const maven = path.join(root, 'maven');
  const jar = (name: string) => path.join(jars, name);
  publish(
    maven,
    'orders-connector',
    jar(ORDERS_JARS.connector.jar),
    pom('orders-connector', [
      { artifact: 'orders-core' },
      { group: 'org.apache.kafka', artifact: 'connect-api', scope: 'provided' },
      { group: 'junit', artifact: 'junit', scope: 'test' },
    ]),
  );
  publish(
    maven,
    'orders-core',
    jar(ORDERS_JARS.core.jar),
    pom('orders-core', [{ artifact: 'orders-codec', scope: 'runtime' }]),
  );
  publish(
    maven,
    'orders-codec',
    jar(ORDERS_JARS.codec.jar),
    pom('orders-codec', []),
  );
  // The same repository with the codec jar's published checksum wrong.
  const bad = path.join(root, 'maven-bad');
  fs.cpSync(maven, bad, { recursive: true });
  fs.writeFileSync(
    path.join(
      bad,
      ...MAVEN_GROUP.split('.'),
      'orders-codec',
      '1.0.0',
      'orders-codec-1.0.0.jar.sha1',
    ),
    `${'0'.repeat(40)}\n`,
  );

  // Plugin archives. A tgz of a folder with the connector and its dependency, one of them
  // readable by its owner only, as archives may carry any mode.
  const plugins = path.join(root, 'plugins');
  fs.mkdirSync(plugins, { recursive: true });
  const archive = async (
    name: string,
    folder: string,
    members: string[],
    kind: 'tgz' | 'zip',
  ) => {
    const stage = path.join(work, 'stage', name);
    fs.mkdirSync(path.join(stage, folder), { recursive: true });
    for (const member of members) {
      fs.copyFileSync(jar(member), path.join(stage, folder, member));
    }
    const file = path.join(plugins, name);
    if (kind === 'tgz') {
      fs.chmodSync(path.join(stage, folder, members[0]), 0o600);
      await runOk('tar', ['-czf', file, '-C', stage, folder]);
    } else {
      await runOk('jar', [
        '--create',
        '--no-manifest',
        '--file',
        file,
        '-C',
        stage,
        folder,
      ]);
    }
  };
  await archive(
    'debezium-connector-mysql-plugin.tar.gz',
    'debezium-connector-mysql',
    [PLUGIN_JARS.mysql.jar, PLUGIN_JARS.binlog.jar],
    'tgz',
  );
  await archive(
    'debezium-connector-postgres-plugin.tar.gz',
    'debezium-connector-postgres',
    [PLUGIN_JARS.postgres.jar],
    'tgz',
  );
  await archive(
    'kafka-connect-transform-common.zip',
    'kafka-connect-transform-common/lib',
    [PLUGIN_JARS.transforms.jar],
    'zip',
  );
  await archive(
    'csid-secrets-provider-aws.zip',
    'csid-secrets-provider-aws/lib',
    [PLUGIN_JARS.aws.jar],
    'zip',
  );
  fs.copyFileSync(
    jar(PLUGIN_JARS.converter.jar),
    path.join(plugins, PLUGIN_JARS.converter.jar),
  );
  fs.writeFileSync(
    path.join(plugins, 'orders-native.so'),
    'not really a library\n',
  );

  const certs = path.join(root, 'certs');
  fs.mkdirSync(certs, { recursive: true });
  await pemBundle(work, path.join(certs, 'global-bundle.pem'));

  const sha512: Record<string, string> = {};
  for (const dir of ['plugins', 'certs']) {
    for (const file of fs.readdirSync(path.join(root, dir))) {
      sha512[`${dir}/${file}`] = sha('sha512', path.join(root, dir, file));
    }
  }
  return { root, jars, loaderDir, sha512 };
}
