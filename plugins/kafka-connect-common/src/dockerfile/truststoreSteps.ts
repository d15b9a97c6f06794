import { download } from './download';
import { Instruction } from './instructions';
import {
  command,
  forEach,
  ShellCommand,
  variable,
  WILDCARD,
} from './shellCommands';
import { DockerfileCertificate } from './types';

/** Where the image keeps the custom truststore (JKS, like the JVM's cacerts it starts from). */
export const TRUSTSTORE_PATH = '/opt/kafka/custom-truststore.jks';

/**
 * The JVM's default cacerts password. The truststore holds public CA certificates only,
 * so the password protects nothing secret; keeping the JVM default means the Connect
 * configuration needs no extra Secret for it.
 */
export const TRUSTSTORE_PASSWORD = 'changeit';

/** Scratch space for the downloads, removed at the end of the step. */
const WORK_DIR = '/tmp/truststore';
const PEM_BEGIN = '-----BEGIN CERTIFICATE-----';

/**
 * One RUN step: start from the JVM's cacerts (so public CAs stay trusted), add every
 * certificate of every PEM bundle, then make the file readable by user 1001.
 * Nothing when no certificates are given.
 */
export function truststoreInstructions(
  certificates: readonly DockerfileCertificate[],
): Instruction[] {
  if (certificates.length === 0) return [];
  return [
    { kind: 'blank' },
    {
      kind: 'comment',
      text: `Custom truststore ${TRUSTSTORE_PATH}: the JVM's CAs plus ${certificates.length} PEM bundle(s), one alias per certificate (<name>-00, <name>-01, ...).`,
    },
    {
      kind: 'run',
      commands: [
        // JAVA_HOME is set by the Strimzi image; "${JAVA_HOME:?}" stops the build if it is not.
        command(
          'cp',
          [variable('JAVA_HOME', { required: true }), '/lib/security/cacerts'],
          TRUSTSTORE_PATH,
        ),
        ...certificates.flatMap(importBundle),
        command('cd', '/'),
        command('rm', '-rf', WORK_DIR),
        command('chmod', '0644', TRUSTSTORE_PATH),
      ],
    },
  ];
}

/**
 * keytool imports only the first certificate of a file, so the bundle is split first,
 * with csplit (coreutils, present in the UBI minimal image, unlike awk): `%BEGIN%`
 * skips any text before the first certificate, then every BEGIN line starts a new file
 * 00, 01, ... Text after a certificate's END line stays in its file; keytool ignores
 * it. A bundle without any certificate makes csplit, and so the build, fail.
 */
function importBundle(
  certificate: DockerfileCertificate,
  index: number,
): ShellCommand[] {
  const bundle = `${WORK_DIR}/${index}.pem`;
  const parts = `${WORK_DIR}/${index}`;
  const part = variable('part');
  return [
    command('mkdir', '-p', parts),
    download(certificate.url, bundle),
    command(
      'csplit',
      '-s',
      '-z',
      '-f',
      `${parts}/`,
      bundle,
      `%${PEM_BEGIN}%`,
      `/${PEM_BEGIN}/`,
      '{*}',
    ),
    command('cd', parts),
    forEach(
      'part',
      [[WILDCARD]],
      [
        command(
          'keytool',
          '-importcert',
          '-noprompt',
          '-keystore',
          TRUSTSTORE_PATH,
          '-storepass',
          TRUSTSTORE_PASSWORD,
          '-alias',
          [certificate.name, '-', part],
          '-file',
          [part],
        ),
      ],
    ),
  ];
}
