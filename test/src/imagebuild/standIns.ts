import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  MAVEN_DEPENDENCY_PLUGIN,
  strimziBaseImage,
  strimziMavenBuilderImage,
} from '@connect-skeleton/plugin-kafka-connect-common';
import { buildah, buildahOk, CACHE_DIR, imageExists, runOk } from './buildah';
import { javaSources, KAFKA_LIBS_JAR } from './javaSources';

/**
 * Stand-ins for Strimzi's Kafka image and its Maven builder, made from Debian's packages
 * with mmdebstrap and imported into buildah's storage under the names the rendered
 * Dockerfile's FROM lines use, so a build never pulls. Each is cached under a tag that
 * holds the hash of its recipe: a second run (or the bench) finds it and only tags it.
 *
 * Kafka image: a JRE (java, keytool, the JVM's cacerts), curl, unzip, tar, find, grep,
 * csplit, user 1001, JAVA_HOME, and /opt/kafka/libs with a jar of the Kafka classes the
 * test's configuration names. Maven builder: Debian's maven and its dependency plugin,
 * user 1001 whose local repository holds Debian's Maven plugins (the real builder would
 * download them from Maven Central), so `mvn` needs nothing but the artifact server.
 */

const RECIPE_VERSION = 1;
const BASE_PACKAGES = ['default-jre-headless', 'curl', 'unzip'];
const BUILDER_PACKAGES = [
  'default-jre-headless',
  'maven',
  'libmaven-dependency-plugin-java',
  // Debian's plexus poms depend on junit: the plugin does not resolve without it.
  'junit4',
];
const USER_HOME = { base: '/home/kafka', builder: '/home/strimzi' };

export interface StandIns {
  base: string;
  builder: string;
}

function recipeHash(parts: unknown): string {
  return crypto
    .createHash('sha256')
    .update(JSON.stringify({ RECIPE_VERSION, parts }))
    .digest('hex')
    .slice(0, 16);
}

async function debianSuite(): Promise<string> {
  const osRelease = fs.readFileSync('/etc/os-release', 'utf8');
  const codename = /^VERSION_CODENAME=(\S+)$/m.exec(osRelease)?.[1];
  if (!codename) throw new Error('no VERSION_CODENAME in /etc/os-release');
  return codename;
}

/** A root file system tarball of Debian's essential packages plus these. */
async function rootfs(packages: string[], tarball: string): Promise<void> {
  await runOk('mmdebstrap', [
    '--quiet',
    '--variant=essential',
    `--include=${packages.join(',')}`,
    await debianSuite(),
    tarball,
  ]);
}

/** Imports a rootfs tarball as a working container; returns its id. */
async function importRootfs(tarball: string): Promise<string> {
  const container = (await buildahOk(['from', 'scratch'])).trim();
  await buildahOk(['add', container, tarball, '/']);
  return container;
}

async function shIn(container: string, script: string): Promise<string> {
  return buildahOk(['run', container, '--', '/bin/sh', '-c', script]);
}

async function finish(
  container: string,
  config: string[],
  cachedName: string,
): Promise<void> {
  await buildahOk(['config', ...config, container]);
  await buildahOk(['commit', '--quiet', '--rm', container, cachedName]);
}

async function makeBase(
  tarball: string,
  libsJar: string,
  cachedName: string,
): Promise<void> {
  const c = await importRootfs(tarball);
  const javaHome = (
    await shIn(c, 'dirname "$(dirname "$(readlink -f /usr/bin/java)")"')
  ).trim();
  await shIn(
    c,
    [
      `echo 'kafka:x:1001:0:Apache Kafka:${USER_HOME.base}:/bin/sh' >> /etc/passwd`,
      `mkdir -p ${USER_HOME.base} /opt/kafka/libs`,
      `chown 1001:0 ${USER_HOME.base}`,
    ].join(' && '),
  );
  await buildahOk(['copy', c, libsJar, '/opt/kafka/libs/']);
  await finish(
    c,
    [
      '--env',
      `JAVA_HOME=${javaHome}`,
      '--user',
      '1001',
      '--workingdir',
      '/opt/kafka',
    ],
    cachedName,
  );
}

async function makeBuilder(tarball: string, cachedName: string): Promise<void> {
  const c = await importRootfs(tarball);
  const repo = `${USER_HOME.builder}/.m2/repository`;
  const plugin = MAVEN_DEPENDENCY_PLUGIN;
  const pinned = `/usr/share/maven-repo/${plugin.group.split('.').join('/')}/${
    plugin.artifact
  }/${plugin.version}`;
  await shIn(
    c,
    [
      `test -d ${pinned} || { echo "Debian's dependency plugin is not version ${plugin.version}, the one the Dockerfile pins" >&2; exit 1; }`,
      `echo 'strimzi:x:1001:0:Maven builder:${USER_HOME.builder}:/bin/sh' >> /etc/passwd`,
      `mkdir -p ${repo}`,
      // Debian's repository is symlinks into /usr/share/java: copy the files themselves.
      `cp -rL /usr/share/maven-repo/. ${repo}/`,
      `chown -R 1001:0 ${USER_HOME.builder}`,
    ].join(' && '),
  );
  await finish(
    c,
    ['--user', '1001', '--workingdir', USER_HOME.builder],
    cachedName,
  );
}

/**
 * The stand-ins for a release and Kafka version, made when their recipe is not cached yet
 * (about two minutes each from a clean machine, both at once), then tagged with the names
 * Strimzi publishes them under.
 */
export async function ensureStandIns(
  strimziVersion: string,
  kafkaVersion: string,
  jarsDir: string,
): Promise<StandIns> {
  const libsJar = path.join(jarsDir, KAFKA_LIBS_JAR.jar);
  const baseName = `localhost/imagebuild-standin/kafka:${recipeHash({
    BASE_PACKAGES,
    libs: javaSources(KAFKA_LIBS_JAR),
  })}`;
  const builderName = `localhost/imagebuild-standin/maven-builder:${recipeHash({
    BUILDER_PACKAGES,
    plugin: MAVEN_DEPENDENCY_PLUGIN,
  })}`;
  const work = fs.mkdtempSync(path.join(CACHE_DIR, 'rootfs-'));
  try {
    await Promise.all([
      (async () => {
        if (await imageExists(baseName)) return;
        const tarball = path.join(work, 'base.tar');
        await rootfs(BASE_PACKAGES, tarball);
        await makeBase(tarball, libsJar, baseName);
        fs.rmSync(tarball);
      })(),
      (async () => {
        if (await imageExists(builderName)) return;
        const tarball = path.join(work, 'builder.tar');
        await rootfs(BUILDER_PACKAGES, tarball);
        await makeBuilder(tarball, builderName);
        fs.rmSync(tarball);
      })(),
    ]);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  const base = strimziBaseImage(strimziVersion, kafkaVersion);
  const builder = strimziMavenBuilderImage(strimziVersion);
  await buildahOk(['tag', baseName, base]);
  await buildahOk(['tag', builderName, builder]);
  return { base, builder };
}

/** Removes the leftovers of interrupted runs: working containers of the storage. */
export async function removeStrayContainers(): Promise<void> {
  await buildah(['rm', '--all']);
}

export const tmpRoot = () =>
  fs.mkdtempSync(path.join(os.tmpdir(), 'imagebuild-'));
